using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>
/// What the API edge refuses whatever the use case (Web/Api/BoundedValues.cs, QueryValues.Named): each
/// is a 400 whose errors name the field as the client sent it, in Vietnamese by default, and nothing is stored.
/// </summary>
public sealed class BoundedValuesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string Huge = new('x', 300_000);

    [Fact]
    public async Task Should_refuse_huge_texts_non_positive_ids_null_items_and_unbounded_counts_naming_the_field()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var task = app.TaskId("vinh-phuc/kh-36a", "III.5.b");
        var extension = await (await officer.PostAsJsonAsync($"/api/v1/tasks/{task}/extension-requests",
            new { requestedDueOn = "2028-06-30", reason = "Chờ hướng dẫn" })).Content.ReadFromJsonAsync<JsonElement>();
        var extensionId = extension.GetProperty("id").GetInt64();
        long planId, noiVu;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            planId = await db.Plans.Where(p => p.Key == "vinh-phuc/kh-36a").Select(p => p.Id).SingleAsync();
            noiVu = await db.Agencies.Where(a => a.Key == "vinh-phuc/so-noi-vu").Select(a => a.Id).SingleAsync();
        }
        var (extensions, users, tasks) = await Counts();

        // A 300,000-character comment was stored (a decision) or failed in the database as a 500 (a review).
        await Refused(await secretariat.PostAsJsonAsync($"/api/v1/extension-requests/{extensionId}/decision", new { approve = false, comment = Huge }),
            "comment", "100.000 ký tự");
        // An agency id of 0 meant "none" to the handler, then failed as a 500.
        await Refused(await admin.PostAsJsonAsync("/api/v1/users",
            new { email = "moi.bounded@test.local", displayName = "Người mới", role = "AgencyOfficer", agencyId = 0, password = "Matkhau@2026" }),
            "agencyId", "mã số dương");
        await Refused(await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "BV.1", title = "Việc", leadAgencyId = noiVu, coordinatingAgencyIds = new long[] { -1 } }), "coordinatingAgencyIds[0]", "mã số dương");
        await Refused(await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "BV.2", title = "Việc", leadAgencyId = noiVu, deadline = new { kind = "workingDays", workingDays = int.MaxValue } }),
            "deadline.workingDays", "3650");
        await Refused(await secretariat.PostAsJsonAsync($"/api/v1/tasks/{task}/split", new { version = 0, partTitles = new string?[] { "Phần một", null } }),
            "partTitles[1]", "không được để trống");
        // Query parameters are named as the client sent them, not as the query's fields behind them.
        await Refused(await secretariat.GetAsync("/api/v1/search?q=" + new string('a', 500)), "q", "'q'");
        await Refused(await secretariat.GetAsync("/api/v1/reports/compliance?year=2026&quarter=9"), "quarter", "");

        Assert.Equal((extensions, users, tasks), await Counts());
        var english = await secretariat.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/extension-requests/{extensionId}/decision")
        {
            Content = JsonContent.Create(new { approve = false, comment = Huge }), Headers = { { "Accept-Language", "en-US" } },
        });
        await Refused(english, "comment", "at most 100,000 characters");
    }

    private static async Task Refused(HttpResponseMessage response, string field, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{field}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors do not name {field}: {errors}");
        Assert.Contains(message, string.Join(" ", messages.EnumerateArray().Select(m => m.GetString())));
    }

    private async Task<(int, int, int)> Counts()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return (await db.ExtensionRequests.CountAsync(), await db.Users.CountAsync(), await db.Tasks.CountAsync());
    }
}

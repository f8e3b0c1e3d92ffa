using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Web;

/// <summary>
/// Issue 16 item 1 for the lists besides /Tasks and /My: the plans list, the accounts, the search
/// results, a plan's audit trail and the import drafts page with the shared pager ("trang"), reach
/// page 2, keep the other query parameters in the pager's links, show the last page for a page
/// past the end and say why for a page number beyond the input rules. Its own app: the rows it adds to make lists longer than a page stay out of other tests.
/// </summary>
public sealed partial class ListPagingTests(ListPagingTests.App app) : IClassFixture<ListPagingTests.App>
{
    public sealed class App : AppFactory;

    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_page_the_plans_list()
    {
        var api = await app.ClientForAsync(Secretariat);
        for (var i = 1; i <= 55; i++)
        {
            var title = $"Kế hoạch phân trang {i:D2}";
            var document = await api.PostAsJsonAsync("/api/v1/documents", new
            {
                number = $"{i}/KH-PT", kind = "plan", issuer = "UBND tỉnh Vĩnh Phúc", issuedOn = "2026-11-02", signer = "Nguyễn Văn A", title,
            });
            Assert.True(document.IsSuccessStatusCode, await document.Content.ReadAsStringAsync());
            var documentId = (await document.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var plan = await api.PostAsJsonAsync("/api/v1/plans", new { documentId, title });
            Assert.True(plan.IsSuccessStatusCode, await plan.Content.ReadAsStringAsync());
        }
        await AssertPagesAsync(await PageClient.SignInAsync(app, Secretariat), "/?x=1", "href=\"/Plans/(\\d+)\"", "x=1");
    }

    [Fact]
    public async Task Should_page_the_accounts()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            for (var i = 1; i <= 60; i++)
            {
                var email = $"phantrang{i:D2}@plantracker.local";
                db.Users.Add(new AppUser
                {
                    UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    DisplayName = $"Người dùng {i:D2}", SecurityStamp = Guid.NewGuid().ToString("N"),
                });
            }
            await db.SaveChangesAsync();
        }
        await AssertPagesAsync(await PageClient.SignInAsync(app, "admin@plantracker.local"), "/Admin/Users?x=1", "<td>([^<]+@plantracker\\.local)</td>", "x=1");
    }

    [Fact]
    public async Task Should_page_the_search_results_keeping_the_words()
    {
        await AssertPagesAsync(await PageClient.SignInAsync(app, "admin@plantracker.local"), "/Search?q=trien+khai", "href=\"/Tasks/(\\d+)\"", "q=trien");
    }

    [Fact]
    public async Task Should_page_a_plans_audit_trail()
    {
        long planId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            planId = db.Plans.Single(p => p.Key == "vinh-phuc/kh-36a").Id;
            for (var i = 1; i <= 60; i++)
                db.AuditEvents.Add(new AuditEvent(app.Clock.GetUtcNow().AddMinutes(-i), null, $"plan.test-{i:D2}", nameof(Plan), planId, null));
            await db.SaveChangesAsync();
        }
        await AssertPagesAsync(await PageClient.SignInAsync(app, Secretariat), $"/Plans/{planId}?x=1", "(plan\\.test-\\d+)</td>", "x=1");
    }

    [Fact]
    public async Task Should_page_the_import_drafts()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
            var user = db.Users.Single(u => u.Email == Secretariat);
            var provinceId = db.Agencies.Where(a => a.Id == user.AgencyId).Select(a => a.ProvinceId).Single()!.Value;
            for (var i = 1; i <= 60; i++)
                db.Set<DocumentDraft>().Add(new DocumentDraft(provinceId, user.Id, app.Clock.GetUtcNow().AddMinutes(-i), $"du-thao-{i:D2}.docx", "Văn bản", "{}"));
            await db.SaveChangesAsync();
        }
        await AssertPagesAsync(await PageClient.SignInAsync(app, Secretariat), "/Imports/Drafts?x=1", "href=\"/Imports/Drafts/(\\d+)\"", "x=1");
    }

    /// <summary>
    /// Page 1 has a "next" link that keeps <paramref name="kept"/> and asks for trang=2; page 2 answers
    /// 200 with rows page 1 did not have; trang=9999 shows the last page and says so.
    /// </summary>
    private static async Task AssertPagesAsync(HttpClient client, string url, string rowPattern, string kept)
    {
        var rows = new Regex(rowPattern);
        var first = await client.GetStringAsync(url);
        var pages = Pages().Match(first);
        Assert.True(pages.Success, $"{url} should page (more than 50 rows)");
        var last = int.Parse(pages.Groups[1].Value);

        var next = NextLink().Match(first).Groups[1].Value.Replace("&amp;", "&");
        Assert.Contains("trang=2", next);
        Assert.Contains(kept, next);
        var response = await client.GetAsync(next);
        var second = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"Trang 2/{last}", second);
        var firstRows = rows.Matches(first).Select(m => m.Groups[1].Value).ToHashSet();
        var secondRows = rows.Matches(second).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(secondRows);
        Assert.DoesNotContain(secondRows, firstRows.Contains);

        var beyond = await client.GetStringAsync(url + "&trang=9999");
        Assert.Contains($"Trang {last}/{last}", beyond);
        Assert.Contains("đang hiện trang cuối", beyond);
        Assert.NotEmpty(rows.Matches(beyond));

        // A page number beyond any list (over 100 000) is refused by the input rules: the page says why, not a 500.
        var huge = await client.GetAsync(url + "&trang=2147483647");
        Assert.Equal(HttpStatusCode.OK, huge.StatusCode);
        Assert.Contains("100000", await huge.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("Trang 1/(\\d+)")]
    private static partial Regex Pages();

    [GeneratedRegex("href=\"([^\"]+)\" rel=\"next\"")]
    private static partial Regex NextLink();
}

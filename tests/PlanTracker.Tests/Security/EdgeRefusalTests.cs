using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Security;

/// <summary>
/// What a black-box round against a fresh instance found after the hostile walk passed (issue 13): a
/// body in a charset the server cannot read, a method a page has no handler for, a form value the
/// binder cannot read, accounts placed across provinces or in dissolved agencies, a split into
/// thousands of parts. Each is refused with a 4xx and changes nothing.
/// </summary>
public sealed partial class EdgeRefusalTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("ebcdic")]
    [InlineData("utf-7")]
    public async Task Should_refuse_a_body_in_a_charset_it_cannot_read_with_415_naming_the_content_type(string charset)
    {
        var anonymous = app.CreateClient();
        var content = new StringContent("{\"email\":\"x@y.z\",\"password\":\"x\"}", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", $"application/json; charset={charset}");

        var response = await anonymous.PostAsync("/api/v1/auth/token", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(charset, problem.GetProperty("errors").GetProperty("contentType")[0].GetString());
    }

    [Fact]
    public async Task Should_answer_405_to_a_method_a_page_has_no_handler_for()
    {
        var client = await PageClient.SignInAsync(app, "canbo.noivu@plantracker.local", followRedirects: false);
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.b");
        var page = await client.GetStringAsync($"/Tasks/{id}");

        var post = await client.PostAsync($"/Tasks/{id}", PageClient.Form(page, new() { ["x"] = "1" }));
        var unknownHandler = await client.PostAsync($"/Tasks/{id}?handler=Nope", PageClient.Form(page, new() { ["x"] = "1" }));
        var trace = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, $"/Tasks/{id}"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, unknownHandler.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, trace.StatusCode);
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("abc")]
    public async Task Should_refuse_a_form_value_the_binder_cannot_read_and_save_nothing(string percent)
    {
        var client = await PageClient.SignInAsync(app, "canbo.noivu@plantracker.local", followRedirects: false);
        var api = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var before = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");
        var form = await client.GetStringAsync($"/Tasks/{id}/Progress");

        var response = await client.PostAsync($"/Tasks/{id}/Progress", PageClient.Form(form, new()
        {
            ["Input.Version"] = VersionField().Match(form).Groups[1].Value, ["Input.Status"] = "InProgress",
            ["Input.PercentComplete"] = percent, ["Input.Note"] = "Giá trị không đọc được",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var after = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");
        Assert.Equal(before.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
        Assert.Equal(before.GetProperty("percentComplete").GetInt32(), after.GetProperty("percentComplete").GetInt32());
    }

    [Fact]
    public async Task Should_refuse_a_steering_member_overseeing_another_provinces_agency()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var agencies = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies")).EnumerateArray().ToList();
        long Id(string key) => agencies.Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();

        var response = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = "bcd.hai.tinh@test.local", displayName = "Hai tỉnh", role = "SteeringMember", agencyId = Id("vinh-phuc/so-noi-vu"),
            password = "Demo@2026", overseesAgencyIds = new[] { Id("vinh-phuc/so-noi-vu"), Id("dak-lak/so-tttt") },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("overseesAgencyIds", out _));
        var users = await admin.GetFromJsonAsync<JsonElement>("/api/v1/users");
        Assert.DoesNotContain(users.EnumerateArray(), u => u.GetProperty("email").GetString() == "bcd.hai.tinh@test.local");
    }

    [Fact]
    public async Task Should_refuse_an_account_in_an_agency_merged_away()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var agencies = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/agencies")).EnumerateArray().ToList();
        long Id(string key) => agencies.Single(a => a.GetProperty("key").GetString() == key).GetProperty("id").GetInt64();
        var merged = await secretariat.PostAsJsonAsync("/api/v1/agencies/merge",
            new { sourceAgencyIds = new[] { Id("vinh-phuc/so-khdt") }, intoAgencyId = Id("vinh-phuc/so-tai-chinh"), effectiveOn = "2026-11-01" });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);

        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            email = "canbo.khdt.cu@test.local", displayName = "Cán bộ cũ", role = "AgencyOfficer", agencyId = Id("vinh-phuc/so-khdt"), password = "Demo@2026",
        });

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("agencyId", out _));
    }

    [Fact]
    public async Task Should_refuse_a_split_into_more_parts_than_a_plan_can_carry()
    {
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.c");
        var task = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");

        var response = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{id}/split", new
        {
            version = task.GetProperty("version").GetInt32(), partTitles = Enumerable.Range(1, 51).Select(i => $"Phần {i}").ToArray(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("partTitles", out _));
        var after = (await secretariat.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}")).GetProperty("task");
        Assert.Equal(task.GetProperty("version").GetInt32(), after.GetProperty("version").GetInt32());
    }

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionField();
}

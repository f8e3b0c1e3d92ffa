using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

public sealed class SearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_find_accented_text_from_unaccented_words()
    {
        var client = await app.ClientForAsync("bcd@plantracker.local");

        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=chu%20ky%20so");

        var titles = result.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("title").GetString()!).ToList();
        Assert.NotEmpty(titles);
        Assert.All(titles, t => Assert.Contains("chữ ký số", t, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Should_find_the_documents_and_tasks_under_36a()
    {
        var client = await app.ClientForAsync("admin@plantracker.local");

        var result = await client.GetFromJsonAsync<JsonElement>("/api/v1/search?q=36a&limit=200");
        var ownProvince = await (await app.ClientForAsync("bcd@plantracker.local")).GetFromJsonAsync<JsonElement>("/api/v1/search?q=36a&limit=200");

        var numbers = result.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("number").GetString()).ToList();
        Assert.Contains("36a/NQ-CP", numbers);
        var plans = result.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("planId").GetInt64()).Distinct().Count();
        Assert.True(plans >= 2, $"tasks from {plans} plan(s)"); // Vĩnh Phúc's plan and Đắk Lắk's, both implementing 36a/NQ-CP
        // A Vĩnh Phúc steering member finds the national resolution but only their own province's plan (docs/decisions/0013).
        Assert.Contains("36a/NQ-CP", ownProvince.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("number").GetString()));
        // and the partial national parent every province reads (docs/decisions/0027).
        var ownPlans = (await (await app.ClientForAsync("bcd@plantracker.local")).GetFromJsonAsync<JsonElement>("/api/v1/plans"))
            .EnumerateArray().ToDictionary(p => p.GetProperty("id").GetInt64(), p => p.GetProperty("key").GetString());
        Assert.Equal(["vinh-phuc/kh-36a", "vn/nq-36a-cp-2015-partial"],
            ownProvince.GetProperty("tasks").EnumerateArray().Select(t => ownPlans[t.GetProperty("planId").GetInt64()]).Distinct().Order());
    }

    [Fact]
    public async Task Should_reject_a_one_letter_search()
    {
        var client = await app.ClientForAsync("bcd@plantracker.local");
        var response = await client.GetAsync("/api/v1/search?q=a");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // Named as the client sent it (?q=), not as the query's field behind it.
        var errors = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("q", out _), errors.ToString());
    }
}

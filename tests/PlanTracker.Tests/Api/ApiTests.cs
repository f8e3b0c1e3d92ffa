using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

public sealed class ApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Steering = "bcd@plantracker.local";

    [Theory]
    [InlineData("/api/v1/plans")]
    [InlineData("/api/v1/tasks")]
    [InlineData("/api/v1/agencies")]
    public async Task Should_answer_401_without_a_token(string path)
    {
        var response = await app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Should_refuse_a_wrong_password_with_401_ProblemDetails()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = Steering, password = "nope" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_issue_a_token_with_its_expiry()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = Steering, password = TestDatabases.DemoPassword });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > app.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Should_list_the_five_seed_documents_with_their_tasks()
    {
        // Every province's plans are an administrator's list; a Vĩnh Phúc steering member reads Vĩnh Phúc's (docs/decisions/0013)
        // and the national parents every province reads (docs/decisions/0027), which are not among the five.
        var client = await app.ClientForAsync("admin@plantracker.local");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var own = await (await app.ClientForAsync(Steering)).GetFromJsonAsync<JsonElement>("/api/v1/plans");
        Assert.Equal(["vinh-phuc/kh-36a", "vn/ctr-03-nq-cp-2025", "vn/nq-36a-cp-2015-partial"],
            own.EnumerateArray().Select(p => p.GetProperty("key").GetString()).Order());
        var plans = all.EnumerateArray().Where(p => !p.GetProperty("key").GetString()!.StartsWith("vn/")).ToArray();

        Assert.Equal(["06/CT-UBND", "168/QĐ-UBND", "671a/QĐ-UBND"],
            plans.Select(p => p.GetProperty("documentNumber").GetString()).Where(n => n is not null).Order());
        Assert.Equal(5, plans.Length);
        Assert.Equal(33 + 15 + 17 + 130 + 58, plans.Sum(p => p.GetProperty("taskCount").GetInt32()));
        var dakLak = plans.Single(p => p.GetProperty("documentNumber").GetString() == "168/QĐ-UBND");
        Assert.Equal(33, dakLak.GetProperty("byTimeliness").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task Should_return_a_plan_with_its_task_tree_and_the_task_shape()
    {
        var client = await app.ClientForAsync(Steering);
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var id = plans.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "vinh-phuc/kh-36a").GetProperty("id").GetInt64();

        var plan = await client.GetFromJsonAsync<JsonElement>($"/api/v1/plans/{id}");

        var nodes = Flatten(plan.GetProperty("tasks")).ToList();
        Assert.Equal(72, nodes.Count);
        var task = nodes.Single(n => n.GetProperty("code").GetString() == "III.4bis.b");
        Assert.Equal("Sở KH&ĐT", task.GetProperty("leadAgency").GetProperty("name").GetString());
        var deadline = task.GetProperty("deadline");
        Assert.Equal("date", deadline.GetProperty("kind").GetString());
        Assert.Equal("2016-12-31", deadline.GetProperty("dueOn").GetString());
        Assert.Equal("trước ngày 31/12/2016", deadline.GetProperty("text").GetString());
        Assert.Equal("inProgressOverdue", task.GetProperty("timeliness").GetString());
        Assert.Equal(0, task.GetProperty("percentComplete").GetInt32());
        Assert.Equal(2, task.GetProperty("targets").GetArrayLength());
        Assert.Equal(JsonValueKind.Array, task.GetProperty("coordinatingAgencies").ValueKind);
    }

    [Fact]
    public async Task Should_filter_tasks_by_timeliness_plan_and_due_date_with_paging()
    {
        var client = await app.ClientForAsync(Steering);

        var overdue = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?timeliness=inProgressOverdue&pageSize=5");
        Assert.Equal(5, overdue.GetProperty("items").GetArrayLength());
        Assert.All(overdue.GetProperty("items").EnumerateArray(), t => Assert.Equal("inProgressOverdue", t.GetProperty("timeliness").GetString()));
        var continuous = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?timeliness=continuous&pageSize=200");
        Assert.Equal(overdue.GetProperty("total").GetInt32() + continuous.GetProperty("total").GetInt32()
            + (await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?timeliness=notStarted")).GetProperty("total").GetInt32(),
            (await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks")).GetProperty("total").GetInt32());

        var in2016 = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks?dueAfter=2016-01-01&dueBefore=2016-12-31&pageSize=200");
        Assert.True(in2016.GetProperty("total").GetInt32() > 0);
        Assert.All(in2016.GetProperty("items").EnumerateArray(), t =>
            Assert.StartsWith("2016-", t.GetProperty("deadline").GetProperty("dueOn").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/tasks?pageSize=500", "pageSize")]
    [InlineData("/api/v1/tasks?page=0", "page")]
    [InlineData("/api/v1/tasks?timeliness=late", "timeliness")]
    [InlineData("/api/v1/tasks?dueBefore=31-12-2016", "dueBefore")]
    [InlineData("/api/v1/tasks?planId=abc", "planId")]
    [InlineData("/api/v1/tasks?dueAfter=2017-01-01&dueBefore=2016-01-01", "dueBefore")]
    public async Task Should_answer_bad_query_parameters_with_400_ProblemDetails_naming_them(string url, string parameter)
    {
        var client = await app.ClientForAsync(Steering);
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(parameter, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_return_404_for_a_task_that_does_not_exist()
    {
        var client = await app.ClientForAsync(Steering);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/tasks/999999")).StatusCode);
    }

    [Fact]
    public async Task Should_list_agencies_with_aliases_and_groups()
    {
        var client = await app.ClientForAsync(Steering);
        var agencies = await client.GetFromJsonAsync<JsonElement>("/api/v1/agencies?province=vinh-phuc");
        var secretariat = agencies.EnumerateArray().Single(a => a.GetProperty("isSecretariat").GetBoolean());
        Assert.Equal("vinh-phuc/so-tttt", secretariat.GetProperty("key").GetString());
        Assert.Contains(agencies.EnumerateArray(), a => a.GetProperty("kind").GetString() == "group" && a.GetProperty("memberIds").GetArrayLength() > 5);
    }

    [Fact]
    public async Task Should_serve_health_and_the_OpenAPI_document()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/v1/tasks", out _));
    }

    [Fact]
    public async Task Should_report_a_web_only_node_ready_without_a_scheduler()
    {
        // Nodes behind a load balancer may run no jobs (Scheduler__Enabled=false): ready means the database answers.
        await using var webOnly = app.WithWebHostBuilder(b => b.UseSetting("Scheduler:Enabled", "false"));
        var client = webOnly.CreateClient();

        Assert.Null(webOnly.Services.GetService<PlanTracker.Web.Hosting.SchedulerIdentity>());
        Assert.DoesNotContain(webOnly.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(), s => s.GetType().Namespace == "Hangfire");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement nodes) =>
        nodes.EnumerateArray().SelectMany(n => Flatten(n.GetProperty("children")).Prepend(n.GetProperty("task")));
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Security;

/// <summary>
/// Thousands of hostile requests: every API operation of the app's own OpenAPI document (so new
/// endpoints are covered as they appear) with each field of its body, query and route made hostile one
/// at a time in an otherwise valid request (<see cref="HostileWalk"/>), plus malformed bodies, uploads,
/// tokens and every form. Each is answered with a 4xx and a ProblemDetails body that names the field
/// (pages: a 400 or the form with its messages), never a 5xx, and the database stays as it was.
/// </summary>
public sealed partial class HostileInputTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const long Missing = HostileWorld.Missing;

    private sealed record Attempt(string What, Func<Task<HttpResponseMessage>> Send, bool Api = true);

    [Fact]
    public async Task Should_answer_every_hostile_request_with_a_client_error_and_change_nothing()
    {
        var world = await HostileWorld.CreateAsync(app);
        var (officer, secretariat) = (world.Officer, world.Secretariat);
        var ownTask = world.OwnTask;
        var othersTask = world.OthersTask;
        var doc = await secretariat.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = await Operations(secretariat);
        var tables = await Tables();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var attempts = new List<Attempt>();
        attempts.AddRange(Unauthenticated(operations, ownTask));
        attempts.AddRange(MalformedBodies(operations, secretariat, ownTask));
        attempts.AddRange(BadQueries(secretariat));
        attempts.AddRange(OtherAgencysWork(officer, othersTask));
        attempts.AddRange(BadUploads(officer, secretariat, ownTask));
        attempts.AddRange(await FormsWithoutAntiforgery(ownTask));

        var failures = new List<HostileWalk.Failure>();
        foreach (var attempt in attempts)
        {
            using var response = await attempt.Send();
            var problem = await Problem(response, attempt);
            if (problem is not null) failures.Add(new("request", attempt.What, "", "", problem, (int)response.StatusCode, ""));
        }
        failures.AddRange((await ExpiredTokens(operations, ownTask)).Select(f => new HostileWalk.Failure("expired-token", f, "", "", f, 0, "")));
        tables = await DatabaseChanged(tables, "the requests before the walk", failures);

        var walked = await Walk(world, doc, failures, tables);
        var total = attempts.Count + operations.Count + walked;
        output.WriteLine($"{total:N0} hostile requests ({walked:N0} in the walk) in {clock.Elapsed.TotalSeconds:N0} s, {failures.Count} answered wrongly");
        output.WriteLine(Report(failures));

        // A floor under the walk's size: a document whose fields lost their types (a converter of string once made
        // every text "anything", and 400 requests silently left the walk) must fail here, not pass quietly.
        Assert.True(walked >= 1800, $"only {walked} requests in the walk");
        Assert.True(failures.Count == 0, Report(failures));
    }

    /// <summary>
    /// Every operation × every field × every class of hostile value, as the secretariat (most permissions),
    /// the officer (their own agency's work) and, for user administration, the administrator. After each
    /// operation that writes, the database must be as it was.
    /// </summary>
    private async Task<int> Walk(HostileWorld world, JsonElement doc, List<HostileWalk.Failure> failures, Dictionary<string, string> tables)
    {
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var operations = HostileWalk.Operations(doc);
        (string Who, HttpClient Client, Func<HostileWalk.Operation, bool> Takes)[] walkers =
        [
            ("secretariat", world.Secretariat, op => !op.Path.StartsWith("/api/v1/users")),
            ("officer", world.Officer, op => OfficersWork.Any(op.Path.StartsWith)),
            ("admin", world.Admin, op => op.Path.StartsWith("/api/v1/users")),
        ];
        var count = 0;
        foreach (var (who, client, takes) in walkers)
            foreach (var op in operations.Where(takes).OrderBy(Reorganises))
            {
                // The administrator manages every province's users: another province's agency is theirs to name.
                var mutations = HostileBodies.For(op, world, schemas).Where(m => who != "admin" || m.Class != "other-province-id").ToList();
                count += mutations.Count;
                await Parallel.ForEachAsync(mutations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (m, _) =>
                {
                    var leaf = m.Field == "form file name" ? "file"
                        : m.Field.Split(' ', 2) is [("path" or "query" or "form"), var parameter] ? parameter
                        : m.Field.Split('.', '[').Last(p => p.Length > 0 && !char.IsDigit(p[0]));
                    string? problem;
                    int status;
                    string body;
                    try
                    {
                        using var response = await m.Send(client);
                        status = (int)response.StatusCode;
                        (problem, body) = await HostileWalk.Judge(response, m, leaf,
                            m.Field.Split('.', '[', ' ').Where(p => p.Length > 0 && char.IsLetter(p[0]) && p != leaf).ToList());
                    }
                    catch (Exception e)
                    {
                        (problem, status, body) = ("the request failed: " + e.GetType().Name, 0, e.Message);
                    }
                    if (problem is null) return;
                    lock (failures) failures.Add(new(m.Class, $"{who} {m.Operation}", m.Field, m.Label, problem, status, HostileWalk.Excerpt(body)));
                });
                if (op.Method != "GET") tables = await DatabaseChanged(tables, $"{who} {op.Name}", failures);
            }
        return count;
    }

    /// <summary>Operations that remove or reshape what others point at go last, so that one wrongly accepted cannot spoil the rest.</summary>
    private static bool Reorganises(HostileWalk.Operation op) =>
        op.Method == "DELETE" || op.Path.StartsWith("/api/v1/agencies/") || op.Path.EndsWith("/publish") || op.Path.EndsWith("/confirm")
        || op.Path.EndsWith("/merges") || op.Path.EndsWith("/split");

    /// <summary>What the officer's own agency works on: the rest answers them 403 before any field is read.</summary>
    private static readonly string[] OfficersWork =
        ["/api/v1/tasks", "/api/v1/my/", "/api/v1/reports/draft", "/api/v1/reports/{id}/submit", "/api/v1/search", "/api/v1/me/", "/api/v1/evidence"];

    private async Task<Dictionary<string, string>> DatabaseChanged(Dictionary<string, string> before, string after, List<HostileWalk.Failure> failures)
    {
        var now = await Tables();
        var changed = now.Where(t => !before.TryGetValue(t.Key, out var b) || b != t.Value).Select(t => t.Key).ToList();
        if (changed.Count > 0) failures.Add(new("database-changed", after, string.Join(", ", changed), "", "the database changed", 0, ""));
        return now;
    }

    /// <summary>The failures by class (with counts), then each one: operation, field, value, status, what is wrong, the body's start.</summary>
    private static string Report(List<HostileWalk.Failure> failures)
    {
        var text = new StringBuilder($"{failures.Count} hostile requests answered wrongly\n");
        foreach (var group in failures.GroupBy(f => f.Class).OrderByDescending(g => g.Count()))
        {
            text.Append($"\n== {group.Key}: {group.Count()}\n");
            foreach (var byProblem in group.GroupBy(f => System.Text.RegularExpressions.Regex.Replace(f.Problem, "\\(errors:.*", "")).OrderByDescending(g => g.Count()))
                text.Append($"   {byProblem.Count(),5} × {byProblem.Key}\n");
            foreach (var f in group.OrderBy(f => f.Operation).ThenBy(f => f.Field)) text.Append("   ").Append(f).Append('\n');
        }
        return text.ToString();
    }

    private sealed record Operation(string Method, string Path, JsonElement? Body, bool Json, bool Anonymous)
    {
        public string For(long id) => Path.Replace("{id}", id.ToString()).Replace("{name}", "deadline-reminders");
    }

    /// <summary>Every /api/v1 operation from the OpenAPI document, with its JSON body schema.</summary>
    private static async Task<List<Operation>> Operations(HttpClient client)
    {
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        var result = new List<Operation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/")))
            foreach (var op in path.Value.EnumerateObject())
            {
                JsonElement? body = null;
                var json = false;
                if (op.Value.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var content))
                {
                    json = true;
                    var schema = content.GetProperty("schema");
                    body = schema.TryGetProperty("$ref", out var r) ? schemas.GetProperty(r.GetString()!.Split('/').Last()) : schema;
                }
                result.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, body, json, path.Name.StartsWith("/api/v1/auth/"))); // sign-in and password reset need no token
            }
        return result;
    }

    private IEnumerable<Attempt> Unauthenticated(List<Operation> operations, long taskId)
    {
        foreach (var op in operations.Where(o => !o.Anonymous))
        {
            yield return new Attempt($"anonymous {op.Method} {op.Path}", () => Send(app.CreateClient(), op.Method, op.For(taskId), "{}"));
            yield return new Attempt($"forged token {op.Method} {op.Path}", () =>
            {
                var client = app.CreateClient();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged" + new string('A', 200));
                return Send(client, op.Method, op.For(taskId), "{}");
            });
        }
    }

    private static IEnumerable<Attempt> MalformedBodies(List<Operation> operations, HttpClient client, long taskId)
    {
        foreach (var op in operations.Where(o => o.Json))
        {
            var url = op.For(taskId);
            yield return new Attempt($"broken JSON {op.Method} {op.Path}", () => Send(client, op.Method, url, "{\"version\": 1, \"title\": "));
            yield return new Attempt($"array for object {op.Method} {op.Path}", () => Send(client, op.Method, url, "[1,2,3]"));
            yield return new Attempt($"invalid UTF-8 {op.Method} {op.Path}", () => Send(client, op.Method, url,
                new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)':', (byte)'1', (byte)'}']) { Headers = { ContentType = new("application/json") } }));
            yield return new Attempt($"no body {op.Method} {op.Path}", () => Send(client, op.Method, url, (HttpContent?)null));
        }
    }

    private static IEnumerable<Attempt> BadQueries(HttpClient client)
    {
        string[] urls =
        [
            "/api/v1/tasks?planId=abc", "/api/v1/tasks?agencyId=1e999", "/api/v1/tasks?timeliness=<script>", "/api/v1/tasks?dueBefore=31/02/2026",
            "/api/v1/tasks?dueAfter=2026-13-01", "/api/v1/tasks?page=-1", "/api/v1/tasks?pageSize=1000000", "/api/v1/tasks?page=99999999999",
            "/api/v1/my/tasks?involvement=all'--", "/api/v1/my/tasks?planId=1;DROP", "/api/v1/reports/compliance?year=abc",
            "/api/v1/reports/compliance?year=2026&number=9", "/api/v1/reports/compliance?year=2026&regime=weekly", "/api/v1/search?limit=abc",
            "/api/v1/search?q=" + new string('a', 5000), "/api/v1/search?q=%00", "/api/v1/agencies?province=../../etc",
            $"/api/v1/plans/{Missing}", $"/api/v1/tasks/{Missing}", $"/api/v1/tasks/{Missing}/history", $"/api/v1/evidence/{Missing}",
            "/api/v1/tasks/1;DROP%20TABLE%20plan_tasks", "/api/v1/tasks/..%2F..%2Fetc%2Fpasswd", "/api/v1/evidence/-1", "/api/v1/plans/99999999999999999999",
        ];
        return urls.Select(url => new Attempt($"GET {url[..Math.Min(url.Length, 80)]}", () => client.GetAsync(url)));
    }

    private static IEnumerable<Attempt> OtherAgencysWork(HttpClient officer, long othersTask)
    {
        yield return new("progress on another agency's task", () => officer.PostAsJsonAsync($"/api/v1/tasks/{othersTask}/progress",
            new { version = 0, status = "completed", percentComplete = 100, note = "x" }));
        yield return new("extension on another agency's task", () => officer.PostAsJsonAsync($"/api/v1/tasks/{othersTask}/extension-requests",
            new { newDueOn = "2030-01-01", reason = "x" }));
        yield return new("contribution to a task the agency does not coordinate", () => officer.PostAsJsonAsync($"/api/v1/tasks/{othersTask}/contributions",
            new { note = "x" }));
        yield return new("editing a task", () => officer.PutAsJsonAsync($"/api/v1/tasks/{othersTask}", new { version = 0, title = "x" }));
        yield return new("deleting a task", () => officer.DeleteAsync($"/api/v1/tasks/{othersTask}?version=0"));
        yield return new("running a job", () => officer.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "2026-11-22" }));
        yield return new("creating a user", () => officer.PostAsJsonAsync("/api/v1/users",
            new { email = "x@x.vn", displayName = "x", role = "Admin", password = "Demo@2026" }));
        yield return new("evidence on another agency's task", () => officer.PostAsync($"/api/v1/tasks/{othersTask}/evidence",
            Upload("bao-cao.pdf", "%PDF-1.4\n%µ¶\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray())));
    }

    private static IEnumerable<Attempt> BadUploads(HttpClient officer, HttpClient secretariat, long ownTask)
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];
        var url = $"/api/v1/tasks/{ownTask}/evidence";
        yield return new("executable disguised as a PDF", () => officer.PostAsync(url, Upload("bao-cao.pdf", exe)));
        yield return new("executable disguised as a Word file", () => officer.PostAsync(url, Upload("bao-cao.docx", exe)));
        yield return new("traversal in the file name", () => officer.PostAsync(url, Upload("../../../../etc/cron.d/x.pdf", exe)));
        yield return new("script as an image", () => officer.PostAsync(url, Upload("anh.png", "<script>alert(1)</script>"u8.ToArray())));
        yield return new("empty file", () => officer.PostAsync(url, Upload("rong.pdf", [])));
        yield return new("oversized file", () => officer.PostAsync(url, Upload("lon.pdf", new byte[21 * 1024 * 1024])));
        yield return new("no file and no document number", () => officer.PostAsync(url, new MultipartFormDataContent()));
        yield return new("JSON instead of a form", () => officer.PostAsJsonAsync(url, new { file = "x" }));
        var plan = "/api/v1/plans/1/imports/preview";
        yield return new("import of a binary disguised as .xlsx", () => secretariat.PostAsync(plan, Upload("bang.xlsx", exe)));
        yield return new("import of invalid UTF-8 .csv", () => secretariat.PostAsync(plan, Upload("bang.csv", [0xC3, 0x28, (byte)',', 0xFF])));
        yield return new("import of an .exe", () => secretariat.PostAsync(plan, Upload("bang.exe", exe)));
        yield return new("import with no file", () => secretariat.PostAsync(plan, new MultipartFormDataContent()));
        yield return new("import into a missing plan", () => secretariat.PostAsync($"/api/v1/plans/{Missing}/imports", Upload("bang.csv", "STT,Nhiệm vụ\n1,x"u8.ToArray())));
    }

    private static MultipartFormDataContent Upload(string name, byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", name } };
    }

    /// <summary>Every form posted by a signed-in user without its antiforgery token.</summary>
    private async Task<IEnumerable<Attempt>> FormsWithoutAntiforgery(long taskId)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.GetStringAsync("/Account/Login");
        (await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "thuongtruc@plantracker.local", ["Password"] = TestDatabases.DemoPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(login).Groups[1].Value,
        }))).StatusCode.ShouldBe(HttpStatusCode.Redirect, "sign-in");
        string[] forms =
        [
            $"/Tasks/Progress/{taskId}", $"/Tasks/Details/{taskId}?handler=Contribution", $"/Tasks/Details/{taskId}?handler=Extension",
            $"/Tasks/Details/{taskId}?handler=Evidence", $"/Tasks/Edit/{taskId}?handler=Save", $"/Tasks/Edit/{taskId}?handler=Delete",
            $"/Tasks/Edit/{taskId}?handler=Split", "/Plans/New", "/Plans/Details/1?handler=Publish", "/Plans/Details/1?handler=Task",
            "/Reports?handler=Save", "/Reports?handler=Review", "/Admin/Users?handler=Create", "/Agencies?handler=Merge",
            "/Agencies?handler=Rename", "/Account/Logout", "/Account/Preferences",
            "/Unsubscribe", // takes no antiforgery token by design: without a valid signed token it is a 400
        ];
        return forms.Select(form => new Attempt($"form {form} without antiforgery token", () =>
            client.PostAsync(form, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "<script>alert(1)</script>" })), Api: false));
    }

    /// <summary>A token that was valid, used after it expired.</summary>
    private async Task<List<string>> ExpiredTokens(List<Operation> operations, long taskId)
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var failures = new List<string>();
        app.Clock.Now = app.Clock.Now.AddHours(9);
        try
        {
            foreach (var op in operations.Where(o => !o.Anonymous))
            {
                using var response = await Send(client, op.Method, op.For(taskId), "{}");
                if (response.StatusCode != HttpStatusCode.Unauthorized) failures.Add($"expired token {op.Method} {op.Path}: {(int)response.StatusCode}");
            }
        }
        finally
        {
            app.Clock.Now = app.Clock.Now.AddHours(-9);
        }
        return failures;
    }

    private static async Task<string?> Problem(HttpResponseMessage response, Attempt attempt)
    {
        var status = (int)response.StatusCode;
        if (!attempt.Api)
            return status is >= 400 and < 500 || (status == 200 && (await response.Content.ReadAsStringAsync()).Contains("validation-summary"))
                ? null : $"{status}";
        if (status is < 400 or >= 500) return $"{status} {Trim(await response.Content.ReadAsStringAsync())}";
        if (status is 401 or 413 or 415) return null; // challenges and size limits are answered before any endpoint runs
        return response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? null : $"{status} without ProblemDetails";
    }

    private static string Trim(string text) => text.Length > 200 ? text[..200] : text;

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, string json) =>
        Send(client, method, url, new StringContent(json, Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, HttpContent? content) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method is "GET" or "DELETE" ? null : content });

    /// <summary>
    /// A digest of every table's rows. Failed sign-ins may count attempts on the account; Hangfire
    /// keeps its own tables in its own schema ("hangfire"), which is not read here.
    /// </summary>
    private async Task<Dictionary<string, string>> Tables()
    {
        await using var connection = new NpgsqlConnection(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var digest = new Dictionary<string, string>();
        foreach (var table in tables)
        {
            var rows = table == "users" ? "(t.id, t.email, t.password_hash, t.agency_id, t.display_name)" : "t";
            await using var cmd = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg({rows}::text, '|' ORDER BY {rows}::text)), '') FROM \"{table}\" t", connection);
            digest[table] = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return digest;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}

internal static class StatusExtensions
{
    public static void ShouldBe(this HttpStatusCode actual, HttpStatusCode expected, string what)
    {
        if (actual != expected) throw new InvalidOperationException($"Test set-up failed: {what} answered {(int)actual}");
    }
}

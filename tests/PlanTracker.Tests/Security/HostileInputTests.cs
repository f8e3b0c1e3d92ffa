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
/// Hundreds of malformed and hostile requests against every API operation (read from the app's own
/// OpenAPI document, so new endpoints are covered as they appear) and every form: each is answered
/// with a 4xx and a ProblemDetails body (pages: a 400 or the form with its messages), never a 5xx,
/// and the database is the same afterwards.
/// </summary>
public sealed partial class HostileInputTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const long Missing = 999_999_999;
    private static readonly string[] HostileStrings =
    [
        "<script>alert(1)</script>", "'; DROP TABLE plan_tasks; --", "\" OR 1=1 --", "../../../../etc/passwd",
        "Nghi\u0323\u0302 quyê\u0301t", new string('x', 300_000), "\u202Eexe.pdf", "%00%0d%0aSet-Cookie: a=b", "{{7*7}}${7*7}",
    ];

    private sealed record Attempt(string What, Func<Task<HttpResponseMessage>> Send, bool Api = true);

    [Fact]
    public async Task Should_answer_every_hostile_request_with_a_client_error_and_change_nothing()
    {
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var ownTask = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var othersTask = await OtherAgencysTask();
        var operations = await Operations(secretariat);
        var before = await Fingerprint();

        var attempts = new List<Attempt>();
        attempts.AddRange(Unauthenticated(operations, ownTask));
        attempts.AddRange(MalformedBodies(operations, secretariat, ownTask));
        attempts.AddRange(WrongTypes(operations, secretariat, ownTask));
        attempts.AddRange(HostileValues(operations, officer, secretariat, othersTask));
        attempts.AddRange(BadQueries(secretariat));
        attempts.AddRange(OtherAgencysWork(officer, othersTask));
        attempts.AddRange(BadUploads(officer, secretariat, ownTask));
        attempts.AddRange(await FormsWithoutAntiforgery(ownTask));

        var failures = new List<string>();
        foreach (var attempt in attempts)
        {
            using var response = await attempt.Send();
            var problem = await Problem(response, attempt);
            if (problem is not null) failures.Add($"{attempt.What}: {problem}");
        }
        failures.AddRange(await ExpiredTokens(operations, ownTask));
        output.WriteLine($"{attempts.Count + operations.Count} hostile requests, {failures.Count} answered wrongly");

        Assert.True(attempts.Count + operations.Count >= 300, $"only {attempts.Count + operations.Count} requests");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await Fingerprint());
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

    /// <summary>Each property of each body given a value of the wrong JSON type.</summary>
    private static IEnumerable<Attempt> WrongTypes(List<Operation> operations, HttpClient client, long taskId)
    {
        foreach (var op in operations.Where(o => o.Body is { } b && b.TryGetProperty("properties", out _)))
            foreach (var property in op.Body!.Value.GetProperty("properties").EnumerateObject())
            {
                var wrong = WrongValueFor(property.Value);
                if (wrong is null) continue;
                yield return new Attempt($"{property.Name} as {wrong} in {op.Method} {op.Path}",
                    () => Send(client, op.Method, op.For(taskId), $"{{\"{property.Name}\": {wrong}}}"));
            }
    }

    private static string? WrongValueFor(JsonElement schema)
    {
        var type = schema.TryGetProperty("type", out var t) ? t.ValueKind == JsonValueKind.Array ? string.Join(",", t.EnumerateArray()) : t.GetString() : null;
        if (type is null) return "[[[]]]";
        if (type.Contains("integer") || type.Contains("number")) return "\"twelve\"";
        if (type.Contains("boolean")) return "\"có\"";
        if (type.Contains("array")) return "{\"x\": 1}";
        if (type.Contains("string")) return schema.TryGetProperty("format", out _) || schema.TryGetProperty("enum", out _) ? "\"31/02/2026 <b>\"" : "{\"nested\": true}";
        return null;
    }

    /// <summary>Script, SQL, traversal, NFD and huge strings in every string field of a request that is refused anyway.</summary>
    private static IEnumerable<Attempt> HostileValues(List<Operation> operations, HttpClient officer, HttpClient secretariat, long othersTask)
    {
        foreach (var op in operations.Where(o => o.Json && !o.Anonymous))
            foreach (var value in HostileStrings)
            {
                var body = JsonSerializer.Serialize(Strings(op.Body, value));
                var label = value.Length > 40 ? $"{value.Length:N0} chars" : value;
                if (op.Path.Contains("{id}"))
                {
                    yield return new Attempt($"missing id with '{label}' {op.Method} {op.Path}", () => Send(secretariat, op.Method, op.For(Missing), body));
                    yield return new Attempt($"other agency's id with '{label}' {op.Method} {op.Path}", () => Send(officer, op.Method, op.For(othersTask), body));
                }
                else yield return new Attempt($"officer with '{label}' {op.Method} {op.Path}", () => Send(officer, op.Method, op.For(othersTask), body));
            }
        foreach (var value in HostileStrings)
            yield return new Attempt($"sign-in with '{value[..Math.Min(value.Length, 40)]}'", () =>
                Send(officer, "POST", "/api/v1/auth/token", JsonSerializer.Serialize(new { email = value, password = value })));
    }

    private static Dictionary<string, object> Strings(JsonElement? schema, string value) =>
        schema is { } s && s.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Where(p => WrongValueFor(p.Value) == "{\"nested\": true}").ToDictionary(p => p.Name, _ => (object)value)
            : [];

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

    private async Task<long> OtherAgencysTask()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        return await db.Tasks.Where(t => !t.IsGroup && t.LeadAgency!.Key == "vinh-phuc/so-tttt" && !t.CoordinatingAgencies.Any())
            .OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
    }

    /// <summary>
    /// A digest of every table's rows. Failed sign-ins may count attempts on the account and the
    /// scheduler keeps its own tables; neither is data a request could corrupt, so both are left out.
    /// </summary>
    private async Task<string> Fingerprint()
    {
        await using var connection = new NpgsqlConnection(app.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'qrtz%' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var digest = new StringBuilder();
        foreach (var table in tables)
        {
            var rows = table == "users" ? "(t.id, t.email, t.password_hash, t.agency_id, t.display_name)" : "t";
            await using var cmd = new NpgsqlCommand($"SELECT count(*) || ':' || coalesce(md5(string_agg({rows}::text, '|' ORDER BY {rows}::text)), '') FROM \"{table}\" t", connection);
            digest.Append(table).Append('=').Append(await cmd.ExecuteScalarAsync()).Append('\n');
        }
        return digest.ToString();
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

using System.Net.Http.Json;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Api;

/// <summary>
/// /openapi/v1.json describes each request body with its own schema and all of its fields: clients and
/// the hostile-input walk build their requests from it.
/// </summary>
public sealed class OpenApiDocumentTests(AppFactory app, ITestOutputHelper output) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_give_each_request_body_its_own_schema_with_every_field()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("PLANTRACKER_DUMP_OPENAPI") is { Length: > 0 } dump)
            await File.WriteAllTextAsync(dump, doc.ToString());
        var schemas = doc.GetProperty("components").GetProperty("schemas");

        // Operation → the schema its JSON body refers to.
        var bodies = new Dictionary<string, string>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject())
                if (op.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                    bodies[$"{op.Name.ToUpperInvariant()} {path.Name}"] = reference.GetString()!.Split('/').Last();
        foreach (var (operation, schema) in bodies.OrderBy(b => b.Key)) output.WriteLine($"{operation}: {schema}");

        Assert.True(bodies.Count >= 25, $"only {bodies.Count} JSON bodies");
        Assert.DoesNotContain("Command", bodies.Values);
        // Operations that take different commands never share a schema.
        Assert.Equal("AddTaskCommand", bodies["POST /api/v1/plans/{id}/tasks"]);
        Assert.Equal("EditTaskCommand", bodies["PUT /api/v1/tasks/{id}"]);
        Assert.Equal("CreatePlanCommand", bodies["POST /api/v1/plans"]);
        Assert.NotEqual(bodies["POST /api/v1/reports/{id}/submit"], bodies["POST /api/v1/imports/drafts/{id}/confirm"]);
        var commands = bodies.Where(b => b.Value.EndsWith("Command")).ToList();
        Assert.Equal(commands.Count, commands.Select(b => b.Value).Distinct().Count());

        // The progress body: every field, the required ones marked, the status's values listed, the date's format.
        var progress = schemas.GetProperty(bodies["POST /api/v1/tasks/{id}/progress"]);
        var properties = progress.GetProperty("properties");
        Assert.Equal(["version", "status", "percentComplete", "note", "completedOn", "targetActuals"],
            properties.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["percentComplete", "status", "version"], progress.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal("date", properties.GetProperty("completedOn").GetProperty("format").GetString());
        var status = Resolve(schemas, properties.GetProperty("status"));
        Assert.Contains("inProgress", status.GetProperty("enum").EnumerateArray().Select(e => e.ToString()));
        Assert.Contains("done", status.GetProperty("enum").EnumerateArray().Select(e => e.ToString()));
        var task = schemas.GetProperty("AddTaskCommand").GetProperty("properties");
        Assert.True(task.TryGetProperty("leadAgencyId", out _) && task.TryGetProperty("coordinatingAgencyIds", out _) && !task.TryGetProperty("planId", out _),
            "AddTask lists its own fields, not the route's plan id");
        Assert.Contains("string", task.GetProperty("title").GetProperty("type").ToString()); // text is described as text
        Assert.Contains("string", properties.GetProperty("note").GetProperty("type").ToString());
    }

    private static JsonElement Resolve(JsonElement schemas, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var r) ? schemas.GetProperty(r.GetString()!.Split('/').Last()) : schema;
}

using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanTracker.Tests.Security;

/// <summary>
/// Walks every /api/v1 operation of the OpenAPI document: each field of its body, each query and route
/// parameter, given each class of hostile value while the rest of the request stays valid.
/// </summary>
internal static class HostileWalk
{
    public sealed record Parameter(string Name, string In, JsonElement Schema);
    public sealed record Operation(string Method, string Path, JsonElement? Body, string? FormFields, List<Parameter> Parameters)
    {
        public string Name => $"{Method} {Path}";
    }

    /// <summary>One request: which field got which hostile value, and whether the answer must refuse it.</summary>
    public sealed record Mutation(string Operation, string Field, string Class, string Label, bool MustRefuse, bool IsId,
        Func<HttpClient, Task<HttpResponseMessage>> Send);

    public sealed record Failure(string Class, string Operation, string Field, string Value, string Problem, int Status, string Excerpt)
    {
        public override string ToString() => $"[{Class}] {Operation} · {Field} = {Value} → {Status} {Problem} · {Excerpt}";
    }

    private static readonly string Huge = new('x', 300_000);
    /// <summary>Fields where a line break is content (newline and tab allowed); everywhere else CR/LF is hostile.</summary>
    private static readonly HashSet<string> MultiLine = ["note", "description", "content", "reason", "comment", "expectedOutput", "text", "sourceText",
        "directions", "message"]; // the head's directions and a task thread's comment (decision 0028) are prose
    private static readonly HashSet<string> Paging = ["page", "pageSize", "limit"];

    public static List<Operation> Operations(JsonElement doc)
    {
        var result = new List<Operation>();
        foreach (var path in doc.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/v1/")))
            foreach (var op in path.Value.EnumerateObject())
            {
                JsonElement? body = null;
                string? form = null;
                if (op.Value.TryGetProperty("requestBody", out var rb))
                {
                    var content = rb.GetProperty("content");
                    if (content.TryGetProperty("application/json", out var json)) body = json.GetProperty("schema");
                    else if (content.TryGetProperty("multipart/form-data", out var multipart)) form = multipart.GetProperty("schema").ToString();
                }
                var parameters = op.Value.TryGetProperty("parameters", out var ps)
                    ? ps.EnumerateArray().Select(p => new Parameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, p.GetProperty("schema"))).ToList()
                    : [];
                result.Add(new Operation(op.Name.ToUpperInvariant(), path.Name, body, form, parameters));
            }
        return result;
    }

    /// <summary>A schema's own shape: $ref and "one of (null, $ref)" resolved.</summary>
    public static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var r)) return schemas.GetProperty(r.GetString()!.Split('/').Last());
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combinator, out var options))
                foreach (var option in options.EnumerateArray())
                    if (option.TryGetProperty("$ref", out _)) return Resolve(schemas, option);
        return schema;
    }

    private static string Type(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out _)) return "enum";
        var types = !schema.TryGetProperty("type", out var t) ? [] : t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => x.GetString()!).ToArray() : [t.GetString()!];
        if (types.Contains("array")) return "array";
        if (types.Contains("object") || schema.TryGetProperty("properties", out _)) return "object";
        if (types.Contains("integer")) return "integer";
        if (types.Contains("number")) return "number";
        if (types.Contains("boolean")) return "boolean";
        if (types.Contains("string")) return schema.TryGetProperty("format", out var f) && f.GetString() is "date" or "date-time" ? "date" : "string";
        return "unknown";
    }

    /// <summary>A value a schema accepts, for the fields no example gives.</summary>
    public static JsonNode? Generate(JsonElement schemas, JsonElement schema, int depth = 0)
    {
        schema = Resolve(schemas, schema);
        switch (Type(schema))
        {
            case "enum": return JsonValue.Create(schema.GetProperty("enum").EnumerateArray().First(e => e.ValueKind == JsonValueKind.String).GetString());
            case "integer" or "number": return 1;
            case "boolean": return false;
            case "date": return "2026-12-01";
            case "string": return "Thử";
            case "array": return new JsonArray();
            case "object" when depth < 3:
                var o = new JsonObject();
                if (schema.TryGetProperty("properties", out var props) && schema.TryGetProperty("required", out var required))
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        if (props.TryGetProperty(name, out var p)) o[name] = Generate(schemas, p, depth + 1);
                return o;
            default: return null;
        }
    }

    /// <summary>Each class of hostile value for a field of this schema, as JSON.</summary>
    public static IEnumerable<(string Class, string Label, JsonNode? Value, bool IsId)> JsonValues(
        JsonElement schemas, JsonElement schema, string field, bool required, HostileWorld world)
    {
        var s = Resolve(schemas, schema);
        var type = Type(s);
        var idKind = type is "integer" or "array" ? HostileWorld.IdKind(field) : null;
        var values = new List<(string, string, JsonNode?, bool)>();
        void Add(string cls, string label, JsonNode? value, bool isId = false) => values.Add((cls, label, value, isId));
        switch (type)
        {
            case "string":
                Add("nul", "NUL", "Việc\u0000một");
                Add("control", "BEL/ESC", "Việc\u0007\u001b[31mmột");
                if (!MultiLine.Contains(field)) Add("crlf", "CR/LF", "Dòng một\r\nDòng hai");
                Add("huge", "300,000 chars", Huge);
                Add("wrong-type", "number", 123);
                Add("wrong-type", "object", new JsonObject { ["x"] = 1 });
                Add("wrong-type", "array", new JsonArray("x"));
                break;
            case "date":
                Add("date-range", "0001-01-01", "0001-01-01");
                Add("date-range", "9999-12-31", "9999-12-31");
                Add("date-range", "year 50", "0050-06-30");
                Add("wrong-type", "31/02/2026", "2026-02-31");
                Add("wrong-type", "number", 20261201);
                Add("wrong-type", "object", new JsonObject());
                break;
            case "enum":
                Add("unknown-enum", "'bogus'", "bogus");
                Add("unknown-enum", "99", 99);
                Add("unknown-enum", "-1", -1);
                Add("wrong-type", "object", new JsonObject());
                Add("wrong-type", "array", new JsonArray());
                break;
            case "integer" when idKind is not null:
                if (world.OtherProvince.TryGetValue(idKind, out var other)) Add("other-province-id", $"{idKind} {other}", other, true);
                Add("missing-id", HostileWorld.Missing.ToString(), HostileWorld.Missing, true);
                Add("number-range", "-1", -1, true);
                Add("number-range", "0", 0, true);
                Add("number-range", "long.MaxValue", long.MaxValue, true);
                Add("wrong-type", "'abc'", "abc");
                Add("wrong-type", "1.5", 1.5);
                Add("wrong-type", "object", new JsonObject());
                break;
            case "integer":
                Add("number-range", "-1", -1);
                Add("number-range", "0", 0);
                Add("number-range", "int.MaxValue", int.MaxValue);
                Add("number-range", "long.MaxValue", long.MaxValue);
                Add("wrong-type", "'abc'", "abc");
                Add("wrong-type", "1.5", 1.5);
                Add("wrong-type", "object", new JsonObject());
                break;
            case "number":
                Add("number-range", "-1", -1);
                Add("number-range", "1e308", 1e308);
                Add("wrong-type", "'abc'", "abc");
                Add("wrong-type", "object", new JsonObject());
                break;
            case "boolean":
                Add("wrong-type", "'yes'", "yes");
                Add("wrong-type", "2", 2);
                Add("wrong-type", "object", new JsonObject());
                break;
            case "array":
                Add("wrong-type", "object", new JsonObject { ["x"] = 1 });
                Add("wrong-type", "string", "abc");
                var items = s.TryGetProperty("items", out var it) ? Resolve(schemas, it) : default;
                var itemType = items.ValueKind == JsonValueKind.Object ? Type(items) : "unknown";
                if (itemType == "integer" && idKind is not null)
                {
                    if (world.OtherProvince.TryGetValue(idKind, out var o)) Add("other-province-id", $"[{idKind} {o}]", new JsonArray(o), true);
                    Add("missing-id", $"[{HostileWorld.Missing}]", new JsonArray(HostileWorld.Missing), true);
                    Add("number-range", "[-1]", new JsonArray(-1), true);
                    Add("wrong-type", "[null]", new JsonArray((JsonNode?)null));
                }
                else if (itemType == "string")
                {
                    Add("nul", "[NUL]", new JsonArray("Việc\u0000một"));
                    Add("control", "[BEL]", new JsonArray("Việc\u0007một"));
                    if (!MultiLine.Contains(field)) Add("crlf", "[CR/LF]", new JsonArray("Dòng một\r\nDòng hai"));
                    Add("huge", "[300,000 chars]", new JsonArray(Huge));
                    Add("wrong-type", "[null]", new JsonArray((JsonNode?)null));
                    Add("wrong-type", "[object]", new JsonArray(new JsonObject()));
                }
                break;
            case "object":
                Add("wrong-type", "string", "abc");
                Add("wrong-type", "array", new JsonArray());
                break;
        }
        if (required) Add("null-required", "null", null);
        return values;
    }

    /// <summary>Hostile values for a query or route parameter, as the raw text before URL-encoding.</summary>
    public static IEnumerable<(string Class, string Label, string Value, bool IsId)> TextValues(JsonElement schemas, Parameter p, HostileWorld world)
    {
        var type = Type(Resolve(schemas, p.Schema));
        var values = new List<(string, string, string, bool)>();
        void Add(string cls, string label, string value, bool isId = false) => values.Add((cls, label, value, isId));
        var idKind = p.In == "path" && p.Name == "id" ? "route" : HostileWorld.IdKind(p.Name);
        if (type == "integer" && idKind is not null)
        {
            var kind = idKind == "route" ? null : idKind;
            if (kind is not null && world.OtherProvince.TryGetValue(kind, out var other)) Add("other-province-id", $"{kind} {other}", other.ToString(), true);
            Add("missing-id", HostileWorld.Missing.ToString(), HostileWorld.Missing.ToString(), true);
            Add("number-range", "-1", "-1", true);
            Add("number-range", "0", "0", true);
            Add("number-range", "long.MaxValue", long.MaxValue.ToString(), true);
            Add("wrong-type", "20 digits", "99999999999999999999");
            Add("wrong-type", "'abc'", "abc");
        }
        else if (type == "integer")
        {
            var int64 = p.Schema.TryGetProperty("format", out var format) && format.GetString() == "int64";
            Add("number-range", "-1", "-1");
            Add("number-range", "0", "0");
            Add("number-range", "int.MaxValue", int.MaxValue.ToString());
            Add(int64 ? "number-range" : "wrong-type", "long.MaxValue", long.MaxValue.ToString());
            Add("wrong-type", "'abc'", "abc");
            Add("wrong-type", "1.5", "1.5");
        }
        else if (type == "date")
        {
            Add("date-range", "0001-01-01", "0001-01-01");
            Add("date-range", "9999-12-31", "9999-12-31");
            Add("date-range", "year 50", "0050-06-30");
            Add("wrong-type", "2026-13-01", "2026-13-01");
        }
        else if (type == "boolean")
        {
            Add("wrong-type", "'yes'", "yes");
        }
        else
        {
            Add("nul", "NUL", "Việc\u0000một");
            Add("control", "BEL/ESC", "Việc\u0007\u001b[31m");
            Add("crlf", "CR/LF", "Dòng một\r\nDòng hai");
            Add("huge", "300,000 chars", Huge);
            if (p.In == "query" && p.Name != "q" && p.Name != "period" && p.Name != "completedIn") Add("unknown-enum", "'bogus'", "bogus");
            if (p.In == "path") Add("traversal", "../../etc/passwd", "../../etc/passwd");
            if (p.Name == "province") Add("other-province-id", "dak-lak", "dak-lak", true);
        }
        return values;
    }

    /// <summary>
    /// Whether a 2xx to this hostile value is wrong. A write must refuse every one of them; a read may
    /// answer a filter of an unknown or out-of-range id with an empty list, but not a malformed value,
    /// a page out of bounds, or another province's record named in its path.
    /// </summary>
    public static bool MustRefuse(string method, string cls, string field, bool inPath) =>
        method != "GET" || cls switch
        {
            "number-range" => Paging.Contains(field),
            "missing-id" or "other-province-id" => inPath,
            _ => true,
        };

    /// <summary>Values that are valid for the field (sending them would change data lawfully), so not sent. Records start at version 0.</summary>
    public static bool Lawful(string field, string cls, string label) =>
        (cls, field, label) is ("number-range", "hour" or "percentComplete" or "baseline" or "version", "0") or ("number-range", "value" or "baseline", "-1");

    public static string Excerpt(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>What is wrong with an answer to a mutation, or null.</summary>
    public static async Task<(string? Problem, string Body)> Judge(HttpResponseMessage response, Mutation m, string leaf, IReadOnlyList<string> parents)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        if (status >= 500) return ("server error", body);
        if (status < 400) return m.MustRefuse ? ("accepted", body) : (null, body);
        if (status is 401 or 413 or 415) return (null, body);
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json") return ("4xx without ProblemDetails", body);
        if (status != 400 || m.IsId) return (null, body);
        // A malformed value refused as a bad request names the field it was in.
        using var doc = JsonDocument.Parse(body);
        var names = new StringBuilder();
        if (doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            foreach (var e in errors.EnumerateObject()) names.Append(e.Name).Append(' ');
        var keys = names.ToString();
        if (doc.RootElement.TryGetProperty("detail", out var detail)) names.Append(detail.GetString());
        if (errors.ValueKind == JsonValueKind.Object)
            foreach (var e in errors.EnumerateObject()) names.Append(' ').Append(e.Value.ToString());
        // The field, or the object it is in ("deadline" for deadline.startOn), named in a key, a message or the detail.
        var text = names.ToString();
        return text.Contains(leaf, StringComparison.OrdinalIgnoreCase) || parents.Any(p => keys.Contains(p, StringComparison.OrdinalIgnoreCase))
            ? (null, body)
            : ($"400 does not name '{leaf}'" + (keys.Length > 0 ? $" (errors: {keys.Trim()})" : ""), body);
    }

    public static HttpStatusCode Status(int code) => (HttpStatusCode)code;
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PlanTracker.Tests.Security;

/// <summary>The mutations of one operation: its valid request with one field, parameter or file name made hostile.</summary>
internal static class HostileBodies
{
    private sealed record Field(object[] Path, string Leaf, JsonElement Schema, bool Required);

    /// <summary>The create-a-draft routes read their body themselves, so the document shows none; this is its shape.</summary>
    private static readonly JsonElement TextBody = JsonDocument.Parse("""{"type":"object","required":["text"],"properties":{"text":{"type":"string"}}}""").RootElement;

    public static IEnumerable<HostileWalk.Mutation> For(HostileWalk.Operation op, HostileWorld world, JsonElement schemas)
    {
        var (example, query) = world.Example(op.Method, op.Path);
        var bodySchema = op.Body ?? (op.Method == "POST" && op.Path is "/api/v1/imports" or "/api/v1/imports/drafts" ? TextBody : (JsonElement?)null);
        JsonObject? body = null;
        if (bodySchema is { } bs)
        {
            body = example ?? HostileWalk.Generate(schemas, bs) as JsonObject ?? [];
            foreach (var field in Fields(schemas, bs, body, []))
                foreach (var (cls, label, value, isId) in HostileWalk.JsonValues(schemas, field.Schema, field.Leaf, field.Required, world))
                {
                    if (HostileWalk.Lawful(field.Leaf, cls, label)) continue;
                    var mutated = (JsonObject)(world.Alternative(op.Method, op.Path, field.Leaf) ?? body).DeepClone();
                    Set(mutated, field.Path, value?.DeepClone());
                    if (op.Method == "POST") Unique(mutated, field.Path);
                    var json = mutated.ToJsonString();
                    var url = Url(op, world, query, null, null);
                    yield return new(op.Name, string.Join(".", field.Path.Select(p => p is int i ? $"[{i}]" : p)).Replace(".[", "["), cls, label,
                        HostileWalk.MustRefuse(op.Method, cls, field.Leaf, false), isId, c => Send(c, op.Method, url, Json(json)));
                }
        }
        var bodyJson = body?.ToJsonString();
        foreach (var p in op.Parameters)
            foreach (var (cls, label, value, isId) in HostileWalk.TextValues(schemas, p, world))
            {
                // The test client cannot send a NUL in a path, and Kestrel refuses one before the app sees it.
                if (HostileWalk.Lawful(p.Name, cls, label) || (p.In == "path" && cls == "nul")) continue;
                var url = p.In == "path" ? Url(op, world, query, p.Name, value) : Url(op, world, new(query) { [p.Name] = value }, null, null);
                yield return new(op.Name, $"{p.In} {p.Name}", cls, label, HostileWalk.MustRefuse(op.Method, cls, p.Name, p.In == "path"), isId,
                    c => Send(c, op.Method, url, bodyJson is null ? Form(op, world, null, null) : Json(bodyJson)));
            }
        if (op.FormFields is not null)
            foreach (var name in FormFieldNames(op).Append("file name"))
                foreach (var (cls, label, value, isId) in HostileWalk.TextValues(schemas,
                    new(name, "form", JsonDocument.Parse(name == "parentId" ? """{"type":"integer"}""" : """{"type":"string"}""").RootElement), world))
                {
                    var url = Url(op, world, query, null, null);
                    yield return new(op.Name, $"form {name}", cls, label, true, isId, c => Send(c, op.Method, url, Form(op, world, name, value)));
                }
    }

    private static int _serial;

    /// <summary>
    /// A new code, document number or e-mail for each request that creates one: a mutation wrongly
    /// accepted must not make every later request of the walk a duplicate (refused for another field).
    /// </summary>
    private static void Unique(JsonObject body, object[] mutatedPath)
    {
        var n = Interlocked.Increment(ref _serial);
        foreach (var (key, value) in new[] { ("code", $"HX.{n}"), ("number", $"{n}/KH-UBND"), ("email", $"moi{n}@test.local") })
            if (body[key] is JsonValue && !(mutatedPath is [string k] && k == key)) body[key] = value;
    }

    private static IEnumerable<Field> Fields(JsonElement schemas, JsonElement schema, JsonObject example, object[] prefix)
    {
        var s = HostileWalk.Resolve(schemas, schema);
        if (!s.TryGetProperty("properties", out var properties)) yield break;
        var required = s.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
        foreach (var p in properties.EnumerateObject())
        {
            object[] path = [.. prefix, p.Name];
            yield return new Field(path, p.Name, p.Value, required.Contains(p.Name));
            var inner = HostileWalk.Resolve(schemas, p.Value);
            if (example[p.Name] is JsonObject nested)
                foreach (var f in Fields(schemas, inner, nested, path)) yield return f;
            else if (example[p.Name] is JsonArray { Count: > 0 } list && list[0] is JsonObject first && inner.TryGetProperty("items", out var items))
                foreach (var f in Fields(schemas, items, first, [.. path, 0])) yield return f;
        }
    }

    private static void Set(JsonNode root, object[] path, JsonNode? value)
    {
        var node = root;
        for (var i = 0; i < path.Length - 1; i++) node = path[i] is int index ? node[index]! : node[(string)path[i]]!;
        if (path[^1] is int last) node[last] = value;
        else node.AsObject()[(string)path[^1]] = value;
    }

    private static IEnumerable<string> FormFieldNames(HostileWalk.Operation op) =>
        System.Text.RegularExpressions.Regex.Matches(op.FormFields!, "\"(\\w+)\": \\{").Select(m => m.Groups[1].Value)
            .Where(n => n is not ("file" or "properties" or "type" or "allOf")).Distinct();

    private static string Url(HostileWalk.Operation op, HostileWorld world, Dictionary<string, string> query, string? hostileName, string? hostileValue)
    {
        var path = System.Text.RegularExpressions.Regex.Replace(op.Path, "\\{(\\w+)\\}", m =>
            Uri.EscapeDataString(m.Groups[1].Value == hostileName ? hostileValue! : world.RouteValue(m.Groups[1].Value, op.Method, op.Path)));
        return query.Count == 0 ? path : path + "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>A valid form for the upload routes (a document number, or a small table to import), with one field hostile.</summary>
    private static HttpContent? Form(HostileWalk.Operation op, HostileWorld world, string? name, string? value)
    {
        if (op.FormFields is null) return null;
        var evidence = op.Path.EndsWith("/evidence");
        // A file or a document number is evidence: a hostile file name is sent with the file alone, so that a file
        // part the server cannot read leaves a request that must be refused, not one the document number carries.
        var fields = !evidence ? new() { ["codePrefix"] = "PL." }
            : name == "file name" ? new Dictionary<string, string>() : new() { ["documentNumber"] = "12/BC-SNV" };
        if (name is not null && name != "file name") fields[name] = value!;
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        if (!evidence || name == "file name")
        {
            var bytes = evidence ? "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray()
                : Encoding.UTF8.GetBytes("STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n1;Việc A;Sở Nội vụ;;Năm 2027");
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new("application/octet-stream");
            var fileName = name == "file name" ? value! + (evidence ? ".pdf" : ".csv") : evidence ? "bao-cao.pdf" : "bang.csv";
            // Set by hand: MultipartFormDataContent would encode (and so defuse) control characters in the name.
            file.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"file\"; filename=\"{fileName.Replace("\"", "")}\"");
            form.Add(file);
        }
        return form;
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, string method, string url, HttpContent? content) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method is "GET" or "DELETE" ? null : content });
}

using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using PlanTracker.Core.Features.Audit;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>
/// An audit entry as a sentence a person reads: "Nguyễn Văn A (Sở Nội vụ) cập nhật tiến độ: 40% → 60%,
/// trạng thái: Đang thực hiện", in the page's language. The stored JSON stays as it is (the API gives it).
/// </summary>
public static class AuditSentence
{
    public static string Who(GetAuditTrail.Entry e, IStringLocalizer l) =>
        e.User is null ? l["Audit.System"] : e.UserAgency is { } agency ? $"{e.User} ({agency})" : e.User;

    public static string Describe(GetAuditTrail.Entry e, IStringLocalizer l)
    {
        JsonElement before = default, after = default;
        try
        {
            if (e.Data is { } data)
            {
                using var json = JsonDocument.Parse(data);
                var root = json.RootElement.Clone();
                if (root.ValueKind == JsonValueKind.Object)
                {
                    if (root.TryGetProperty("before", out var b)) before = b;
                    if (root.TryGetProperty("after", out var a)) after = a;
                }
            }
        }
        catch (JsonException) { } // an old row in another shape reads as its action alone
        string? S(JsonElement o, string name) => o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v)
            ? v.ValueKind switch { JsonValueKind.String => v.GetString(), JsonValueKind.Null => null, _ => v.GetRawText() } : null;
        string Day(string? iso) => DateOnly.TryParse(iso, CultureInfo.InvariantCulture, out var d) ? d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : iso ?? "";
        string Status(string? s) => s is null ? "" : l[$"PlanTaskStatus.{s}"];
        string Cut(string? s) => s is null ? "" : s.Length <= 120 ? s : s[..119] + "…";
        var task = e.TaskCode is { } code ? $"{l["Audit.OnTask"]} {code}: " : "";

        string sentence = e.Action switch
        {
            "task.progress" => l["Audit.task.progress", Change(S(before, "percentComplete"), S(after, "percentComplete")), Status(S(after, "status"))],
            "task.added" => l["Audit.task.added", S(after, "code") ?? "", Cut(S(after, "title"))]
                + (int.TryParse(S(after, "fannedOut"), out var n) && n > 0 ? " " + l["Audit.FannedOut", n] : ""),
            "task.edited" => l["Audit.task.edited", S(after, "code") ?? ""] + Edits(before, after, S, l),
            "task.deleted" => l["Audit.task.deleted", S(before, "code") ?? "", Cut(S(before, "title"))],
            "task.moved" => l["Audit.task.moved"],
            "task.split" => l["Audit.task.split", after.ValueKind == JsonValueKind.Object && after.TryGetProperty("parts", out var p) && p.ValueKind == JsonValueKind.Array ? p.GetArrayLength() : 0],
            "task.contribution" => l["Audit.task.contribution", Cut(S(after, "note"))],
            "task.evidence" => l["Audit.task.evidence", S(after, "fileName") ?? S(after, "documentNumber") ?? ""],
            "extension.requested" => l["Audit.extension.requested", Day(S(after, "requestedDueOn")), Cut(S(after, "reason"))],
            "extension.approved" => l["Audit.extension.approved", Day(S(after, "extendedDueOn"))],
            "extension.rejected" => l["Audit.extension.rejected", Cut(S(after, "comment"))],
            "plan.created" => l["Audit.plan.created"],
            "plan.published" => l["Audit.plan.published", S(after, "recipients") ?? "0"],
            _ => l[$"Audit.{e.Action}"] is { ResourceNotFound: false } known ? known : e.Action,
        };
        return task + sentence;
    }

    private static string Change(string? from, string? to) =>
        from is null || from == to ? $"{to}%" : $"{from}% → {to}%";

    /// <summary>What an edit changed, of the fields the trail keeps: "; nhiệm vụ: …; thời hạn: …".</summary>
    private static string Edits(JsonElement before, JsonElement after, Func<JsonElement, string, string?> s, IStringLocalizer l)
    {
        var parts = new List<string>();
        foreach (var (field, label) in new[] { ("title", "Task"), ("deadline", "Deadline"), ("code", "Code") })
        {
            var (was, now) = (s(before, field), s(after, field));
            if (now is not null && was != now) parts.Add($"{l[label].Value.ToLower(CultureInfo.CurrentCulture)}: {(was is null ? "" : was + " → ")}{now}");
        }
        return parts.Count == 0 ? "" : ": " + string.Join("; ", parts);
    }
}

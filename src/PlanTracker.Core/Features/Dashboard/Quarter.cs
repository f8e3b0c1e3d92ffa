using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>A calendar quarter, the dashboard's unit of time ("2026-Q3", shown as "Quý III/2026"); JSON "2026-Q3".</summary>
[JsonConverter(typeof(QuarterJsonConverter))]
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);
    public DateOnly End => Start.AddMonths(3).AddDays(-1);
    public Quarter Previous() => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>The <paramref name="count"/> quarters ending with <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<Quarter> Ending(Quarter last, int count)
    {
        var list = new List<Quarter> { last };
        while (list.Count < count) list.Insert(0, list[0].Previous());
        return list;
    }

    public override string ToString() => $"{Year}-Q{Number}";

    public int CompareTo(Quarter other) => (Year, Number).CompareTo((other.Year, other.Number));

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var parts = (text ?? "").Trim().ToUpperInvariant().Split("-Q");
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || !InputRules.IsYearInRange(year) || number is < 1 or > 4) return false;
        quarter = new Quarter(year, number);
        return true;
    }

    /// <summary>Reads "2026-Q3"; refuses anything else, naming the field.</summary>
    public static Quarter Parse(string? text, string field) =>
        TryParse(text, out var q) ? q : throw new RuleViolationException(field, Wording.Pick($"'{text}' không phải là quý; hãy ghi dạng 2026-Q3.", $"'{text}' is not a quarter; write it as 2026-Q3."));
}

/// <summary>
/// The period filter: a quarter ("2026-Q3") or a whole year ("2026"). Tasks are in the period when
/// their due date (an approved extension, else the document's) falls inside it.
/// </summary>
public sealed record DashboardPeriod(DateOnly Start, DateOnly End, Quarter LastQuarter, string Text)
{
    public static DashboardPeriod? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (Quarter.TryParse(text, out var q)) return new(q.Start, q.End, q, q.ToString());
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && InputRules.IsYearInRange(year))
            return new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new Quarter(year, 4), text);
        throw new RuleViolationException("period", Wording.Pick($"'{text}' không phải là kỳ; hãy ghi quý dạng 2026-Q3 hoặc năm dạng 2026.", $"'{text}' is not a period; write a quarter as 2026-Q3 or a year as 2026."));
    }
}

public sealed class QuarterJsonConverter : JsonConverter<Quarter>
{
    public override Quarter Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Quarter.Parse(reader.GetString(), "quarter");

    public override void Write(Utf8JsonWriter writer, Quarter value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

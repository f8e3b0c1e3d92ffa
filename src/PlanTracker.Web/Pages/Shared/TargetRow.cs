using System.Globalization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>
/// One target as a row of fields (chỉ tiêu, so sánh, giá trị, đơn vị, thời hạn). Numbers and dates are
/// read as the person writes them: "39,5" and "1.200" in Vietnamese, dd/MM/yyyy whatever the browser's language.
/// </summary>
public sealed class TargetRow
{
    public string? Indicator { get; set; }
    public TargetComparison Comparison { get; set; } = TargetComparison.AtLeast;
    public string? Value { get; set; }
    public TargetUnit Unit { get; set; } = TargetUnit.Percent;
    public string? UnitText { get; set; }
    public string? DueOn { get; set; }
    public string? Baseline { get; set; }
    public string? Text { get; set; }
    public bool Remove { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Indicator) && string.IsNullOrWhiteSpace(Value);

    public static TargetRow From(TargetView t, CultureInfo culture) => new()
    {
        Indicator = t.Indicator, Comparison = t.Comparison, Value = t.Value.ToString("0.####", culture), Unit = t.Unit, UnitText = t.UnitText,
        DueOn = t.DueOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), Baseline = t.Baseline?.ToString(CultureInfo.InvariantCulture), Text = t.Text,
    };

    /// <summary>The rows kept (not blank, not removed) as the command's targets; a value that does not read is named with its row.</summary>
    public static List<AddTask.TargetInput> Read(IEnumerable<TargetRow> rows, string prefix, Action<string, string> refuse)
    {
        var targets = new List<AddTask.TargetInput>();
        var i = 0;
        foreach (var row in rows)
        {
            var at = $"{prefix}[{i++}]";
            if (row.Remove || row.IsBlank) continue;
            var value = Number(row.Value);
            if (value is null) refuse($"{at}.Value", Wording.Pick($"Chỉ tiêu dòng {i}: giá trị '{row.Value}' không phải là số (ví dụ 39,5 hoặc 1.200).",
                $"Target row {i}: the value '{row.Value}' is not a number (e.g. 39.5 or 1,200)."));
            DateOnly? due = null;
            if (!string.IsNullOrWhiteSpace(row.DueOn))
            {
                due = Dates.Parse(row.DueOn);
                if (due is null) refuse($"{at}.DueOn", Wording.Pick($"Chỉ tiêu dòng {i}: thời hạn '{row.DueOn}' không phải ngày dạng dd/MM/yyyy.",
                    $"Target row {i}: the due date '{row.DueOn}' is not a date written dd/MM/yyyy."));
            }
            var baseline = decimal.TryParse(row.Baseline, NumberStyles.Number, CultureInfo.InvariantCulture, out var b) ? b : (decimal?)null;
            targets.Add(new AddTask.TargetInput(row.Indicator?.Trim() ?? "", row.Unit, row.Comparison, value ?? 0, due, baseline,
                string.IsNullOrWhiteSpace(row.UnitText) ? null : row.UnitText.Trim(), row.Text));
        }
        return targets;
    }

    /// <summary>In Vietnamese "," is the decimal mark and "." groups thousands; in English the other way round.</summary>
    public static decimal? Number(string? text)
    {
        var culture = Wording.English ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("vi-VN");
        return decimal.TryParse(text?.Trim().Replace(" ", ""), NumberStyles.Number, culture, out var v) ? v : null;
    }
}

/// <summary>Dates typed as dd/MM/yyyy (d/M/yyyy accepted), the form every page shows, whatever the browser's language.</summary>
public static class Dates
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy", "d-M-yyyy", "dd.MM.yyyy", "yyyy-MM-dd"];

    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Show(DateOnly? day) => day?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";
}

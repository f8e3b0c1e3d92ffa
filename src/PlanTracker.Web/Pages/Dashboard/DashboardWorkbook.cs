using System.Globalization;
using Microsoft.Extensions.Localization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Reports;

namespace PlanTracker.Web.Pages.Dashboard;

/// <summary>The dashboard's tables as sheets of one workbook, headed in the reader's language.</summary>
public static class DashboardWorkbook
{
    public static readonly IReadOnlyList<string> Tables = ["timeliness", "overdue", "atRisk", "ranking", "compliance", "targets", "trends"];

    public static byte[] Write(GetDashboard.Result d, string? table, IStringLocalizer l)
    {
        var chosen = table is null ? Tables : Tables.Where(t => string.Equals(t, table, StringComparison.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0) throw new RuleViolationException("table", $"'{table}' is not a table of the dashboard; one of {string.Join(", ", Tables)}.");
        var culture = CultureInfo.CurrentUICulture;
        var scope = l["Dash.AsOf", Core.Localization.DeadlineDisplay.Day(d.Today)].Value;
        return XlsxTables.Write(chosen.Select(t => t switch
        {
            "timeliness" => Timeliness(d, l, scope),
            "overdue" => Overdue(d, l, scope),
            "atRisk" => AtRisk(d, l, scope),
            "ranking" => Ranking(d, l, scope),
            "compliance" => Compliance(d, l, scope, culture),
            "targets" => Targets(d, l, scope),
            _ => Trends(d, l, scope, culture),
        }).ToList());
    }

    private static readonly Timeliness[] States = Enum.GetValues<Timeliness>();

    private static XlsxTable Timeliness(GetDashboard.Result d, IStringLocalizer l, string scope)
    {
        var rows = d.Counts.Plans.Select(p => (IReadOnlyList<object?>)
                new object?[] { p.DocumentNumber ?? l["NoNumber"].Value, p.PlanTitle, p.Total }.Concat(States.Select(s => (object?)p.ByTimeliness.GetValueOrDefault(s))).ToList())
            .Append(new object?[] { l["Dash.Total"].Value, "", d.Counts.Total }.Concat(States.Select(s => (object?)d.Counts.ByTimeliness.GetValueOrDefault(s))).ToList())
            .ToList();
        return new(l["Dash.Sheet.Timeliness"], $"{l["Dash.ByTimeliness"]} — {scope}",
            [l["DocumentNumber"], l["Plan"], l["Dash.TotalTasks"], .. States.Select(s => l[$"Timeliness.{s}"].Value)], rows);
    }

    private static XlsxTable Overdue(GetDashboard.Result d, IStringLocalizer l, string scope) =>
        new(l["Dash.Sheet.Overdue"], $"{l["Dash.Overdue"]} — {scope}",
            [l["Code"], l["Task"], l["LeadAgency"], l["Plan"], l["DocumentNumber"], l["Dash.DueOn"], l["Dash.DaysOverdue"], l["PercentComplete"]],
            d.Overdue.Items.Select(r => (IReadOnlyList<object?>)[r.Code, r.Title, r.LeadAgency, r.PlanTitle, r.DocumentNumber, r.DueOn, r.DaysOverdue, new Percent(r.PercentComplete / 100.0)]).ToList());

    private static XlsxTable AtRisk(GetDashboard.Result d, IStringLocalizer l, string scope) =>
        new(l["Dash.Sheet.AtRisk"], $"{l["Dash.AtRisk"]} — {scope}",
            [l["Code"], l["Task"], l["LeadAgency"], l["Plan"], l["DocumentNumber"], l["Dash.DueOn"], l["Dash.Elapsed"], l["PercentComplete"]],
            d.AtRisk.Tasks.Items.Select(r => (IReadOnlyList<object?>)[r.Code, r.Title, r.LeadAgency, r.PlanTitle, r.DocumentNumber, r.DueOn,
                new Percent(r.ElapsedPercent / 100.0), new Percent(r.PercentComplete / 100.0)]).ToList());

    private static XlsxTable Ranking(GetDashboard.Result d, IStringLocalizer l, string scope) =>
        new(l["Dash.Sheet.Ranking"], $"{l["Dash.Ranking"]} — {scope}",
            [l["Dash.Rank"], l["Agency"], l["Dash.AgencyLevel"], l["Dash.TotalTasks"], l["Timeliness.DoneOnTime"], l["Timeliness.DoneLate"],
                l["Timeliness.InProgressOverdue"], l["Dash.OnTimeShare"], l["Dash.ReportingCompliance"]],
            d.Ranking.Agencies.Select(r => (IReadOnlyList<object?>)[r.Rank, r.Agency, l[$"Dash.Level.{r.Level}"].Value, r.Tasks, r.DoneOnTime, r.DoneLate, r.Overdue,
                r.OnTimeShare is { } s ? new Percent(s) : null, r.Compliance is { } c ? new Percent(c) : null]).ToList());

    private static XlsxTable Compliance(GetDashboard.Result d, IStringLocalizer l, string scope, CultureInfo culture) =>
        new(l["Dash.Sheet.Compliance"], $"{l["Dash.Heatmap"]} — {scope}",
            [l["Agency"], .. d.Compliance.Quarters.Select(q => DashboardLinks.QuarterLabel(q.Quarter, culture))],
            d.Compliance.Agencies.Select(a => (IReadOnlyList<object?>)[a.Agency, .. a.Cells.Select(c => (object?)l[$"Dash.Cell.{c}"].Value)])
                .Append([l["Dash.Cell.OnTime"].Value, .. d.Compliance.Quarters.Select(q => (object?)q.OnTime)])
                .Append([l["Dash.Cell.Late"].Value, .. d.Compliance.Quarters.Select(q => (object?)q.Late)])
                .Append([l["Dash.Cell.Missing"].Value, .. d.Compliance.Quarters.Select(q => (object?)(q.Closed ? q.Missing : null))])
                .ToList());

    private static XlsxTable Targets(GetDashboard.Result d, IStringLocalizer l, string scope)
    {
        var plans = d.Targets.Plans.ToDictionary(p => p.PlanId);
        return new(l["Dash.Sheet.Targets"], $"{l["Dash.Targets"]} — {scope}",
            [l["DocumentNumber"], l["Plan"], l["Code"], l["Indicator"], l["TargetValue"], l["Dash.Actual"], l["Status"]],
            d.Targets.Targets.Select(t => (IReadOnlyList<object?>)[plans.GetValueOrDefault(t.PlanId)?.DocumentNumber, plans.GetValueOrDefault(t.PlanId)?.PlanTitle,
                t.TaskCode, t.Indicator, Core.Localization.TargetDisplay.Goal(t.Comparison, t.Value, t.Unit, t.UnitText, CultureInfo.CurrentUICulture),
                t.Actual, l[$"Dash.Attainment.{t.State}"].Value]).ToList());
    }

    private static XlsxTable Trends(GetDashboard.Result d, IStringLocalizer l, string scope, CultureInfo culture) =>
        new(l["Dash.Sheet.Trends"], $"{l["Dash.Trends"]} — {scope}",
            [l["Quarter"], l["Timeliness.DoneOnTime"], l["Timeliness.DoneLate"], l["Timeliness.InProgressOverdue"], l["Dash.ReportingCompliance"]],
            d.Trends.Quarters.Select(p => (IReadOnlyList<object?>)[DashboardLinks.QuarterLabel(p.Quarter, culture), p.DoneOnTime, p.DoneLate, p.Overdue,
                p.ReportedOnTimeShare is { } s ? new Percent(s) : null]).ToList());
}

using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Localization;

namespace PlanTracker.Web.Pages.Dashboard;

/// <summary>Every link of the dashboard keeps its filter in the query string, so a view can be shared.</summary>
public static class DashboardLinks
{
    /// <summary>The task list behind a number.</summary>
    public static string Tasks(DrillDown drill, TaskSort? sort = null) =>
        With("/Tasks", drill.QueryPairs().Concat(sort is { } s and not TaskSort.Delay ? [new("sort", s.ToString())] : []));

    public static string Tasks(DashboardFilter filter, params Timeliness[] states) => Tasks(new DrillDown(filter, states));

    public static string Dashboard(DashboardFilter filter, TaskSort sort = TaskSort.Delay, bool descending = false) =>
        With("/Dashboard", filter.QueryPairs()
            .Concat(sort == TaskSort.Delay ? [] : [new("sort", sort.ToString())])
            .Concat(descending ? [new KeyValuePair<string, string>("desc", "true")] : []));

    public static string Handler(string handler, DashboardFilter filter, params KeyValuePair<string, string>[] more) =>
        With("/Dashboard", new[] { new KeyValuePair<string, string>("handler", handler) }.Concat(filter.QueryPairs()).Concat(more));

    public static string Export(DashboardFilter filter, string? table = null) =>
        Handler("Export", filter, table is null ? [] : [new("table", table)]);

    public static string QuarterLabel(Quarter q, CultureInfo culture) => DeadlineDisplay.Format(DeadlineKind.Quarter, q.Start, q.End, culture);

    public static string PeriodLabel(string period, CultureInfo culture) =>
        Quarter.TryParse(period, out var q) ? QuarterLabel(q, culture)
            : culture.TwoLetterISOLanguageName == "vi" ? $"Năm {period}" : period;

    public static string Share(double? share) => share is { } s ? s.ToString("P0", CultureInfo.CurrentCulture) : "—";

    private static string With(string path, IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var list = pairs.ToList();
        return list.Count == 0 ? path : QueryHelpers.AddQueryString(path, list.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value)));
    }
}

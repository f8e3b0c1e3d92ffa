using Microsoft.AspNetCore.WebUtilities;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>
/// Paging of every list page. The page number travels as "trang": Razor Pages keeps its own route
/// value named "page" (the page's path, "/Tasks/Index"), which a query parameter of that name
/// collides with, so "?page=2" never reached the list (issue 16, item 1).
/// </summary>
public sealed record Pager(int Page, int PageSize, int Total, Func<int, string> Link, int? AskedFor = null)
{
    public const string Parameter = "trang";

    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    /// <summary>The page to read for what the link asked: at least 1, at most the last one.</summary>
    public static int Clamp(int asked, int total, int pageSize) => Math.Clamp(asked, 1, Math.Max(1, (total + pageSize - 1) / pageSize));

    public static Pager Of<T>(Paged<T> rows, Func<int, string> link, int asked) =>
        new(rows.Page, rows.PageSize, rows.Total, link, asked == rows.Page ? null : asked);

    /// <summary>The current URL's path and query with another page number (the filters and sort kept).</summary>
    public static Func<int, string> SameQuery(Microsoft.AspNetCore.Http.HttpRequest request, string parameter = Parameter) => page =>
    {
        var pairs = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, parameter, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Concat(page > 1 ? [new KeyValuePair<string, string?>(parameter, page.ToString(System.Globalization.CultureInfo.InvariantCulture))] : []);
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, pairs);
    };

    /// <summary>
    /// Reads a page of a list; a page past the end reads the last one instead (the pager then says
    /// so), as a shared link to "trang 5" of a list that has shrunk should still show something.
    /// </summary>
    public static async Task<Paged<T>> ReadAsync<T>(int asked, Func<int, Task<Paged<T>>> read)
    {
        var rows = await read(Math.Max(1, asked));
        if (rows.Items.Count == 0 && rows.Total > 0 && rows.Page > 1)
            rows = await read(Clamp(asked, rows.Total, rows.PageSize));
        return rows;
    }
}

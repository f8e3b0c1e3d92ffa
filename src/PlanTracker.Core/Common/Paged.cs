using Microsoft.EntityFrameworkCore;

namespace PlanTracker.Core.Common;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);

public static class PagedQueries
{
    /// <summary>
    /// One page of a list, counted and cut by the database (COUNT, then OFFSET/LIMIT). The query must
    /// end its order on a unique key, or rows with equal sort values could move between pages.
    /// </summary>
    public static async Task<Paged<T>> ToPagedAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(1, page);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<T>(items, page, pageSize, total);
    }
}

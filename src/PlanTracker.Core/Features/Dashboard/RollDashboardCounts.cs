using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>
/// The nightly job that moves the dashboard's stored counts (migration 0017) to a new day: the open
/// tasks that fell due in between are counted overdue from then on. The counts are exact without it
/// (every read corrects them by the tasks due between their day and today); it keeps that correction
/// a day's worth of tasks. Also stores the configured at-risk margin when it changed.
/// </summary>
public static class RollDashboardCounts
{
    public const string Job = "dashboard-counts";

    public sealed record Command(DateOnly AsOf) : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(DateOnly From, DateOnly To, bool MarginChanged)
    {
        public override string ToString() =>
            $"dashboard counts moved from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}{(MarginChanged ? "; at-risk margin stored anew" : "")}";
    }

    public sealed class Handler(PlanTrackerDbContext db, DashboardOptions options) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var changed = await SetMarginAsync(db, options.AtRiskMargin, ct);
            var from = await db.Database.SqlQuery<DateOnly>($"SELECT dashboard_roll({c.AsOf}) AS \"Value\"").SingleAsync(ct);
            return new Result(from, c.AsOf, changed);
        }
    }

    /// <summary>Stores the margin and recomputes the first at-risk days if it differs from the stored one (start-up, the job).</summary>
    public static async Task<bool> SetMarginAsync(PlanTrackerDbContext db, int margin, CancellationToken ct) =>
        await db.Database.SqlQuery<bool>($"SELECT dashboard_set_margin({margin}) AS \"Value\"").SingleAsync(ct);
}

using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Dashboard;

/// <summary>Tasks in view at risk (<see cref="AtRiskRule"/>), the widest gap between time gone and progress first.</summary>
public static class ListAtRiskTasks
{
    public sealed record Query(DashboardFilter Filter, int Page = 1, int PageSize = 15) : IRequest<Result>;

    public sealed record Row(long TaskId, string Code, string Title, long PlanId, string PlanTitle, string? DocumentNumber,
        long? LeadAgencyId, string? LeadAgency, DateOnly DueOn, int ElapsedPercent, int PercentComplete);

    public sealed record Result(Paged<Row> Tasks, int Margin);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
            RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, ProvinceClock clock, DashboardOptions options)
        : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            return await ComputeAsync(db, q with { Filter = await DashboardAccess.ScopeAsync(access, db, q.Filter, ct) }, clock.Today, options.AtRiskMargin, ct);
        }
    }

    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, Query q, DateOnly today, int margin, CancellationToken ct)
    {
        // The stored first at-risk days answer through an index when they were computed with this margin.
        var rule = await DashboardAggregates.StoredMarginAsync(db, ct) == margin ? AtRiskRule.Stored(today) : AtRiskRule.On(today, margin);
        var atRisk = q.Filter.Tasks(db).AsNoTracking().Where(rule);
        var total = await atRisk.CountAsync(ct);
        // The page's rows chosen from the narrow columns first (an index-only scan of the at-risk
        // index), then only those rows read whole.
        var chosen = await atRisk
            .Select(t => new
            {
                t.Id, Due = (t.ExtendedDueOn ?? t.Deadline.DueOn)!.Value, t.PercentComplete,
                Elapsed = SqlFunctions.ElapsedPercent(t.Deadline.StartOn ?? SqlFunctions.ProvinceDate(t.Plan.PublishedAt!.Value),
                    t.ExtendedDueOn ?? t.Deadline.DueOn, today)!.Value,
            })
            .OrderByDescending(r => r.Elapsed - r.PercentComplete).ThenBy(r => r.Due).ThenBy(r => r.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .ToListAsync(ct);
        var ids = chosen.Select(r => r.Id).ToArray();
        var details = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new
            {
                t.Id, t.Code, t.Title, t.PlanId, PlanTitle = t.Plan.Title, t.Plan.Document.Number, t.LeadAgencyId,
                Lead = t.LeadAgency == null ? null : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
            })
            .ToDictionaryAsync(t => t.Id, ct); // a row deleted in between is left out of this page
        return new Result(new Paged<Row>(chosen.Where(r => details.ContainsKey(r.Id)).Select(r => (Chosen: r, Task: details[r.Id])).Select(x => new Row(x.Chosen.Id, x.Task.Code,
            x.Task.Title, x.Task.PlanId, x.Task.PlanTitle, x.Task.Number, x.Task.LeadAgencyId, x.Task.Lead, x.Chosen.Due, x.Chosen.Elapsed,
            x.Chosen.PercentComplete)).ToList(), q.Page, q.PageSize, total), margin);
    }
}

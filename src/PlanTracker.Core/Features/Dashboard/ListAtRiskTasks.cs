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
        public Task<Result> Handle(Query q, CancellationToken ct)
        {
            DashboardAccess.Demand(access);
            return ComputeAsync(db, q, clock.Today, options.AtRiskMargin, ct);
        }
    }

    public static async Task<Result> ComputeAsync(PlanTrackerDbContext db, Query q, DateOnly today, int margin, CancellationToken ct)
    {
        // The stored first at-risk days answer through an index when they were computed with this margin.
        var rule = await DashboardAggregates.StoredMarginAsync(db, ct) == margin ? AtRiskRule.Stored(today) : AtRiskRule.On(today, margin);
        var atRisk = q.Filter.Tasks(db).AsNoTracking().Where(rule);
        var total = await atRisk.CountAsync(ct);
        var rows = await atRisk
            .Select(t => new
            {
                t.Id, t.Code, t.Title, t.PlanId, PlanTitle = t.Plan.Title, t.Plan.Document.Number, t.LeadAgencyId,
                Lead = t.LeadAgency == null ? null : t.LeadAgency.ShortName ?? t.LeadAgency.Name,
                Due = (t.ExtendedDueOn ?? t.Deadline.DueOn)!.Value, t.PercentComplete,
                Elapsed = SqlFunctions.ElapsedPercent(t.Deadline.StartOn ?? SqlFunctions.ProvinceDate(t.Plan.PublishedAt!.Value),
                    t.ExtendedDueOn ?? t.Deadline.DueOn, today)!.Value,
            })
            .OrderByDescending(r => r.Elapsed - r.PercentComplete).ThenBy(r => r.Due).ThenBy(r => r.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .ToListAsync(ct);
        return new Result(new Paged<Row>(rows.Select(r => new Row(r.Id, r.Code, r.Title, r.PlanId, r.PlanTitle, r.Number, r.LeadAgencyId,
            r.Lead, r.Due, r.Elapsed, r.PercentComplete)).ToList(), q.Page, q.PageSize, total), margin);
    }
}

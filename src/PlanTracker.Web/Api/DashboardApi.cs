using MediatR;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;
using PlanTracker.Core.Features.Tasks;

namespace PlanTracker.Web.Api;

/// <summary>/api/v1/dashboard and /api/v1/tasks/drilldown: the dashboard's numbers and the tasks behind each.</summary>
public static class DashboardApi
{
    public static async Task<IResult> Get(long? documentId, long? planId, long? agencyId, string? agencyLevel, long? steeringMemberId,
        string? period, string? sort, bool? desc, long? provinceId, IMediator m, CancellationToken ct) =>
        Results.Ok(await m.Send(new GetDashboard.Query(Filter(documentId, planId, agencyId, agencyLevel, steeringMemberId, period, provinceId),
            QueryValues.ParseEnum<TaskSort>(sort, nameof(sort)) ?? TaskSort.Delay, desc ?? false), ct));

    /// <summary>The same names as the dashboard's links to the task list; timeliness may repeat.</summary>
    public static async Task<IResult> DrillDown(long? documentId, long? planId, long? agencyId, string? agencyLevel, long? steeringMemberId,
        string? period, string[]? timeliness, bool? atRisk, string? completedIn, DateOnly? overdueOn, string? targets,
        string? sort, bool? desc, int? page, int? pageSize, long? provinceId, IMediator m, CancellationToken ct)
    {
        var drill = new Core.Features.Dashboard.DrillDown(Filter(documentId, planId, agencyId, agencyLevel, steeringMemberId, period, provinceId),
            (timeliness ?? []).Select(t => QueryValues.ParseEnum<Timeliness>(t, nameof(timeliness))!.Value).ToList(),
            atRisk ?? false, completedIn, overdueOn, QueryValues.ParseEnum<Attainment>(targets, nameof(targets)));
        return Results.Ok(await m.Send(new ListTasks.Query(null, null, null, null, null, page ?? 1, pageSize ?? 50, drill,
            QueryValues.ParseEnum<TaskSort>(sort, nameof(sort)) ?? TaskSort.Delay, desc ?? false), ct));
    }

    /// <param name="provinceId">An administrator's choice of province; the secretariat's own is applied whatever is sent (the handlers scope).</param>
    private static DashboardFilter Filter(long? documentId, long? planId, long? agencyId, string? agencyLevel, long? steeringMemberId, string? period,
        long? provinceId) =>
        new(documentId, planId, agencyId, QueryValues.ParseEnum<AgencyLevel>(agencyLevel, nameof(agencyLevel)), steeringMemberId, period, provinceId);
}

using MediatR;
using PlanTracker.Core.Features.Cascade;

namespace PlanTracker.Web.Api;

/// <summary>/api/v1: cascading plans (issue 18, docs/decisions/0027-cascading-plans.md). The handlers authorize.</summary>
public static class CascadeApi
{
    public sealed record ParentPlanBody(long ParentPlanId);

    public static void MapCascadeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{id:long}/cascade", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new GetPlanCascade.Query(id), ct)));
        api.MapPost("/plans/{id:long}/parents", async (long id, ParentPlanBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { linked = await m.Send(new LinkPlanParent.Command(id, body.ParentPlanId), ct) }));
        api.MapDelete("/plans/{id:long}/parents/{parentPlanId:long}", async (long id, long parentPlanId, IMediator m, CancellationToken ct) =>
            Results.Ok(new { removedTaskLinks = await m.Send(new UnlinkPlanParent.Command(id, parentPlanId), ct) }));
        api.MapGet("/plans/{id:long}/implementation", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new GetParentView.Query(id), ct)));
        api.MapPost("/plans/{id:long}/tasks/from-parent", async (long id, DraftFromParentTask.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, await m.Send(body with { PlanId = id }, ct)));

        api.MapGet("/tasks/{id:long}/links", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new GetTaskLinks.Query(id), ct)));
        api.MapPost("/tasks/{id:long}/links", async (long id, LinkTask.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new { id = await m.Send(body with { TaskId = id }, ct) }));
        api.MapDelete("/task-links/{id:long}", async (long id, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new UnlinkTask.Command(id), ct);
            return Results.NoContent();
        });

        api.MapGet("/coverage", async (IMediator m, CancellationToken ct) => Results.Ok(await m.Send(new GetCoverage.Query(), ct)));
    }
}

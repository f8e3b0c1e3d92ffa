using MediatR;
using Microsoft.AspNetCore.Mvc;
using PlanTracker.Core.Features.Cascade;

namespace PlanTracker.Web.Pages.Cascade;

/// <summary>The task page's cascade section: what the task carries out, and who carries it out (one line in Tasks/Details).</summary>
public sealed class TaskCascadeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long taskId) =>
        View((taskId, await mediator.Send(new GetTaskLinks.Query(taskId), HttpContext.RequestAborted)));
}

/// <summary>The plan page's cascade section: partial or demonstration marks, parents, implementing plans (one line in Plans/Details).</summary>
public sealed class PlanCascadeViewComponent(IMediator mediator) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(long planId) =>
        View((planId, await mediator.Send(new GetPlanCascade.Query(planId), HttpContext.RequestAborted)));
}

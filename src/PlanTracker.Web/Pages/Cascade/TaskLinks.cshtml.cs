using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Cascade;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Cascade;

/// <summary>The secretariat links a task of its plan to the parent tasks (and targets) it carries out.</summary>
public sealed class TaskLinksModel(IMediator mediator) : PageModel
{
    public GetTask.Result Task { get; private set; } = null!;
    public GetTaskLinks.Result Links { get; private set; } = null!;
    public ListLinkChoices.Result Choices { get; private set; } = null!;

    [BindProperty] public LinkTask.Command Link { get; set; } = new(0, 0);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostLinkAsync(long id, CancellationToken ct) =>
        this.Attempt("Link", async () =>
        {
            await mediator.Send(Link with { TaskId = id }, ct);
            this.Tell(Wording.Pick("Đã liên kết nhiệm vụ với nhiệm vụ cấp trên.", "The task is linked to the parent task."));
            return Redirect($"/Tasks/{id}/Links");
        }, async () => await Load(id, ct) ? Page() : NotFound());

    public Task<IActionResult> OnPostUnlinkAsync(long id, long linkId, CancellationToken ct) =>
        this.Attempt("Link", async () =>
        {
            await mediator.Send(new UnlinkTask.Command(linkId), ct);
            this.Tell(Wording.Pick("Đã bỏ liên kết.", "The link is removed."));
            return Redirect($"/Tasks/{id}/Links");
        }, async () => await Load(id, ct) ? Page() : NotFound());

    private async Task<bool> Load(long id, CancellationToken ct)
    {
        if (await mediator.Send(new GetTask.Query(id), ct) is not { } task) return false;
        Task = task;
        Choices = await mediator.Send(new ListLinkChoices.Query(task.Task.PlanId, id), ct);
        Links = await mediator.Send(new GetTaskLinks.Query(id), ct);
        return true;
    }
}

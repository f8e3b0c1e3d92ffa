using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Progress;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Tasks;

/// <summary>The lead agency's progress form; anyone else gets 403 (the command checks again).</summary>
public sealed class ProgressModel(IMediator mediator) : PageModel
{
    public GetTask.Result? Current { get; private set; }
    /// <summary>Only the secretariat (which manages the plan) cancels a task; the lead agency is not offered it.</summary>
    public bool CanCancel { get; private set; }

    [BindProperty] public ProgressInput Input { get; set; } = new();

    public sealed class ProgressInput
    {
        public int Version { get; set; }
        public PlanTaskStatus Status { get; set; }
        public int PercentComplete { get; set; }
        public string? Note { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public Dictionary<long, decimal?> Actuals { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } refusal) return refusal;
        var t = Current!.Task;
        Input = new ProgressInput { Version = t.Version, Status = t.Status, PercentComplete = t.PercentComplete };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } refusal) return refusal;
        var actuals = Input.Actuals.Where(a => a.Value is not null)
            .Select(a => new RecordProgress.TargetActualInput(a.Key, a.Value!.Value, null)).ToList();
        return await this.Attempt(nameof(Input), async () =>
        {
            await mediator.Send(new RecordProgress.Command(id, Input.Version, Input.Status, Input.PercentComplete, Input.Note ?? "",
                Input.CompletedOn, actuals), ct);
            return Redirect($"/Tasks/{id}?saved=true");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    private async Task<IActionResult?> Load(long id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetTask.Query(id), ct);
        if (Current is null) return NotFound();
        var can = await mediator.Send(new GetTaskPermissions.Query(id), ct);
        CanCancel = can.CanEdit;
        return can.CanRecordProgress ? null : StatusCode(StatusCodes.Status403Forbidden);
    }
}

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

    /// <summary>What the other person saved, when this save came second (shown above the form, which keeps what this user typed).</summary>
    public GetTaskHistory.ProgressEntry? TheirSave { get; private set; }
    /// <summary>"Hoàn thành" chosen with less than 100%: asked before saving, as the task would be saved at 100%.</summary>
    public bool AskDone { get; private set; }

    public sealed class ProgressInput
    {
        public int Version { get; set; }
        public PlanTaskStatus Status { get; set; }
        public int PercentComplete { get; set; }
        public string? Note { get; set; }
        public DateOnly? CompletedOn { get; set; }
        public Dictionary<long, decimal?> Actuals { get; set; } = [];
        /// <summary>The user answered the question "Hoàn thành at 40%?" with yes.</summary>
        public bool ConfirmDone { get; set; }
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
        if (Input.Status == PlanTaskStatus.Done && Input.PercentComplete < 100 && !Input.ConfirmDone)
        {
            AskDone = true;
            return Page();
        }
        var actuals = Input.Actuals.Where(a => a.Value is not null)
            .Select(a => new RecordProgress.TargetActualInput(a.Key, a.Value!.Value, null)).ToList();
        return await this.Attempt(nameof(Input), async () =>
        {
            var recorded = await mediator.Send(new RecordProgress.Command(id, Input.Version, Input.Status, Input.PercentComplete, Input.Note ?? "",
                Input.CompletedOn, actuals), ct);
            // A report held for the head's approval (decision 0028) is shown where the head decides on it.
            return Redirect(recorded.SubmissionId is null ? $"/Tasks/{id}?saved=true" : $"/Tasks/{id}/Work?saved=true");
        }, async () =>
        {
            if (Current!.Task.Version != Input.Version)
            {
                // Saved by someone else since this form was opened: show what they saved, keep what
                // this user typed, and carry the new version so that saving again goes on top of theirs.
                TheirSave = (await mediator.Send(new GetTaskHistory.Query(id), ct)).Progress.FirstOrDefault(p => !p.IsContribution);
                Input.Version = Current.Task.Version;
                ModelState.Remove($"{nameof(Input)}.{nameof(ProgressInput.Version)}");
            }
            return Page();
        });
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

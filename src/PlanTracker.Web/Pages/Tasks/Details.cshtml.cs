using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Extensions;
using PlanTracker.Core.Features.Progress;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Tasks;

public sealed class DetailsModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    public GetTask.Result? Result { get; private set; }
    public GetTaskPermissions.Result Can { get; private set; } = new(false, false, false, false, null, false);
    public GetTaskHistory.Result History { get; private set; } = new([], []);
    public IReadOnlyList<ListEvidence.Item> Evidence { get; private set; } = [];
    public DateOnly Today => clock.Today;
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    [BindProperty] public string? ContributionNote { get; set; }
    [BindProperty] public DateOnly? RequestedDueOn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? DecisionComment { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostContributionAsync(long id, CancellationToken ct) =>
        Act(id, "Contribution", () => mediator.Send(new AddContribution.Command(id, ContributionNote ?? ""), ct), ct);

    public Task<IActionResult> OnPostExtensionAsync(long id, CancellationToken ct) =>
        Act(id, "Extension", () => mediator.Send(new RequestExtension.Command(id, RequestedDueOn ?? default, Reason ?? ""), ct), ct);

    public Task<IActionResult> OnPostDecisionAsync(long id, long requestId, bool approve, CancellationToken ct) =>
        Act(id, "Decision", () => mediator.Send(new DecideExtension.Command(requestId, approve, DecisionComment), ct), ct);

    public Task<IActionResult> OnPostEvidenceAsync(long id, IFormFile? file, string? documentNumber, CancellationToken ct) =>
        Act(id, "Evidence", () => mediator.Send(new AttachEvidence.Command(id,
            file is null ? null : new AttachEvidence.Upload(file.FileName, file.Length, file.OpenReadStream), documentNumber), ct), ct);

    private Task<IActionResult> Act<T>(long id, string form, Func<Task<T>> send, CancellationToken ct) =>
        this.Attempt(form, async () => { await send(); return Redirect($"/Tasks/{id}?saved=true"); }, async () => await Load(id, ct) ? Page() : NotFound());

    private async Task<bool> Load(long id, CancellationToken ct)
    {
        Result = await mediator.Send(new GetTask.Query(id), ct);
        if (Result is null) return false;
        Can = await mediator.Send(new GetTaskPermissions.Query(id), ct);
        History = await mediator.Send(new GetTaskHistory.Query(id), ct);
        Evidence = Can.CanReadEvidence ? await mediator.Send(new ListEvidence.Query(id), ct) : [];
        return true;
    }
}

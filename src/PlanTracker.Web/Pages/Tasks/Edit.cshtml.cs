using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Tasks;

/// <summary>The secretariat's editing of one task: its fields and targets, its place in the tree, splitting, deleting.</summary>
public sealed class EditModel(IMediator mediator) : PageModel
{
    public GetTask.Result? Current { get; private set; }
    public GetPlan.Result? Plan { get; private set; }
    public IReadOnlyList<ListAgencies.AgencyItem> Agencies { get; private set; } = [];

    [BindProperty] public EditInput Input { get; set; } = new();

    public sealed class EditInput
    {
        public int Version { get; set; }
        public string? Code { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? ExpectedOutput { get; set; }
        public long? LeadAgencyId { get; set; }
        public List<long> CoordinatingAgencyIds { get; set; } = [];
        public string? DeadlineText { get; set; }
        public List<TargetRow> Targets { get; set; } = [];
    }

    /// <summary>Blank rows under the targets: a person adds a target by filling one in, with or without script.</summary>
    public const int BlankTargetRows = 2;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await Load(id, ct) is { } refusal) return refusal;
        var t = Current!.Task;
        Input = new EditInput
        {
            Version = t.Version, Code = t.Code, Title = t.Title, Description = Current.Description, ExpectedOutput = Current.ExpectedOutput,
            LeadAgencyId = t.LeadAgency?.Id, CoordinatingAgencyIds = t.CoordinatingAgencies.Select(a => a.Id).ToList(), DeadlineText = t.Deadline.Text,
            Targets = t.Targets.Select(x => TargetRow.From(x, CultureInfo.CurrentCulture)).ToList(),
        };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(long id, CancellationToken ct) => Act(id, async () =>
    {
        var targets = TargetRow.Read(Input.Targets, "Input.Targets", ModelState.AddModelError);
        if (!ModelState.IsValid) throw new FluentValidation.ValidationException([]); // the rows' messages are in the form already
        await mediator.Send(new EditTask.Command(id, Input.Version, Input.Code ?? "", Input.Title ?? "", Input.Description, Input.ExpectedOutput,
            Input.LeadAgencyId, Input.CoordinatingAgencyIds, Input.DeadlineText, targets), ct);
        return $"/Tasks/{id}?saved=true";
    }, ct);

    public Task<IActionResult> OnPostMoveAsync(long id, long? newParentId, CancellationToken ct) => Act(id, async () =>
    {
        await mediator.Send(new MoveTask.Command(id, Input.Version, newParentId), ct);
        return $"/Tasks/{id}?saved=true";
    }, ct);

    public Task<IActionResult> OnPostSplitAsync(long id, string? parts, CancellationToken ct) => Act(id, async () =>
    {
        await mediator.Send(new SplitTask.Command(id, Input.Version,
            (parts ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), ct);
        return $"/Tasks/{id}?saved=true";
    }, ct);

    public Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct) => Act(id, async () =>
    {
        var planId = Current!.Task.PlanId;
        await mediator.Send(new DeleteTask.Command(id, Input.Version), ct);
        return $"/Plans/{planId}";
    }, ct);

    private async Task<IActionResult> Act(long id, Func<Task<string>> send, CancellationToken ct) =>
        await Load(id, ct) ?? await this.Attempt(nameof(Input), async () => Redirect(await send()), () =>
        {
            // Saved by someone else since the form was opened: the message says who and when; the
            // form keeps what this user typed and carries the new version, so saving again goes on top.
            if (Current!.Task.Version != Input.Version)
            {
                Input.Version = Current.Task.Version;
                ModelState.Remove($"{nameof(Input)}.{nameof(Input.Version)}");
            }
            return Task.FromResult<IActionResult>(Page());
        });

    private async Task<IActionResult?> Load(long id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetTask.Query(id), ct);
        if (Current is null) return NotFound();
        if (!await mediator.Send(new GetPlanPermissions.Query(Current.Task.PlanId), ct)) return StatusCode(StatusCodes.Status403Forbidden);
        Plan = await mediator.Send(new GetPlan.Query(Current.Task.PlanId), ct);
        Agencies = await mediator.Send(new ListAgencies.Query(ProvinceId: Plan!.ProvinceId, CurrentOnly: true), ct);
        return null;
    }

    public IEnumerable<GetPlan.TaskNode> Headings() => Walk(Plan!.Tasks).Where(n => n.Task.IsGroup && n.Task.Id != Current!.Task.Id);

    private static IEnumerable<GetPlan.TaskNode> Walk(IEnumerable<GetPlan.TaskNode> nodes) => nodes.SelectMany(n => Walk(n.Children).Prepend(n));
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.AgencyWork;
using PlanTracker.Core.Features.Progress;
using PlanTracker.Core.Features.Tasks;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Tasks;

/// <summary>Inside the agency, for one task: who it is handed to, progress waiting for approval, and the thread.</summary>
public sealed class WorkModel(IMediator mediator) : PageModel
{
    public GetTask.Result? Current { get; private set; }
    public ListTaskAssignments.Result Assignments { get; private set; } = new([], false, []);
    public ListProgressSubmissions.Result? Submissions { get; private set; }
    public ListTaskComments.Result Thread { get; private set; } = new([], false, []);
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }

    [BindProperty] public AssignInput Assign { get; set; } = new();
    [BindProperty] public CommentInput Comment { get; set; } = new();
    [BindProperty] public string? DecisionComment { get; set; }

    public sealed class AssignInput
    {
        public List<long> AssigneeUserIds { get; set; } = [];
        public DateOnly? DueOn { get; set; }
        public string? Directions { get; set; }
    }

    public sealed class CommentInput
    {
        public string? Message { get; set; }
        public List<long> MentionUserIds { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await Load(id, ct) ?? Page();

    public Task<IActionResult> OnPostAssignAsync(long id, CancellationToken ct) =>
        Act(id, nameof(Assign), () => mediator.Send(new AssignTask.Command(id, Assign.AssigneeUserIds, Assign.DueOn ?? default, Assign.Directions ?? ""), ct), ct);

    public Task<IActionResult> OnPostCommentAsync(long id, CancellationToken ct) =>
        Act(id, nameof(Comment), () => mediator.Send(new AddTaskComment.Command(id, Comment.Message ?? "", Comment.MentionUserIds), ct), ct);

    public Task<IActionResult> OnPostDecideAsync(long id, long submissionId, bool approve, int version, CancellationToken ct) =>
        Act(id, nameof(DecisionComment), () => mediator.Send(new DecideProgress.Command(submissionId, approve, DecisionComment, version), ct), ct);

    private Task<IActionResult> Act<T>(long id, string form, Func<Task<T>> send, CancellationToken ct) =>
        this.Attempt(form, async () => { await send(); return Redirect($"/Tasks/{id}/Work?saved=true"); }, async () => await Load(id, ct) ?? Page());

    private async Task<IActionResult?> Load(long id, CancellationToken ct)
    {
        Current = await mediator.Send(new GetTask.Query(id), ct);
        if (Current is null) return NotFound();
        try
        {
            Assignments = await mediator.Send(new ListTaskAssignments.Query(id), ct);
            Thread = await mediator.Send(new ListTaskComments.Query(id), ct);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        if (User.IsInRole(Core.Domain.Roles.AgencyOfficer) || User.IsInRole(Core.Domain.Roles.AgencyHead))
            Submissions = await mediator.Send(new ListProgressSubmissions.Query(id), ct);
        return null;
    }
}

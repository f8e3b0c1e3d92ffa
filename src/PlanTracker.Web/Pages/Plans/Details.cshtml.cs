using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Audit;
using PlanTracker.Core.Features.Imports;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Files;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Plans;

public sealed class DetailsModel(IMediator mediator, ProvinceClock clock, EvidenceOptions files) : PageModel
{
    public GetPlan.Result? Plan { get; private set; }
    public DateOnly Today => clock.Today;
    public bool CanManage { get; private set; }
    public IReadOnlyList<ListAgencies.AgencyItem> Agencies { get; private set; } = [];
    public const int AuditPageSize = 50;
    /// <summary>Pages the audit trail; "trang", not "page": see <see cref="Shared.Pager"/>.</summary>
    [BindProperty(SupportsGet = true, Name = Shared.Pager.Parameter)] public int AuditPage { get; set; } = 1;
    public Core.Common.Paged<GetAuditTrail.Entry> Audit { get; private set; } = new([], 1, AuditPageSize, 0);
    public PreviewImport.Result? Preview { get; private set; }
    public string? PreviewToken { get; private set; }

    [BindProperty] public TaskInput NewTask { get; set; } = new();

    public sealed class TaskInput
    {
        public long? ParentId { get; set; }
        public string? Code { get; set; }
        public string? Title { get; set; }
        public bool IsGroup { get; set; }
        public long? LeadAgencyId { get; set; }
        public List<long> CoordinatingAgencyIds { get; set; } = [];
        public string? DeadlineText { get; set; }
        public string? ExpectedOutput { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostTaskAsync(long id, CancellationToken ct) =>
        Act(id, nameof(NewTask), () => mediator.Send(new AddTask.Command(id, NewTask.Code ?? "", NewTask.Title ?? "", NewTask.LeadAgencyId,
            NewTask.ParentId, null, NewTask.CoordinatingAgencyIds, NewTask.DeadlineText, NewTask.ExpectedOutput, NewTask.IsGroup), ct), ct);

    /// <summary>"Ban hành" first asks (publishing cannot be undone: the tasks are assigned and mail goes out).</summary>
    public bool AskPublish { get; private set; }

    public async Task<IActionResult> OnGetPublishAsync(long id, CancellationToken ct)
    {
        AskPublish = true;
        return await Load(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostPublishAsync(long id, CancellationToken ct) =>
        Act(id, "Publish", async () =>
        {
            var mails = await mediator.Send(new PublishPlan.Command(id), ct);
            this.Tell(Wording.Pick($"Đã ban hành kế hoạch; {mails} thư thông báo đã vào hàng đợi.",
                $"The plan is published; {mails} notification mail(s) are queued."));
            return mails;
        }, ct);

    /// <summary>Keeps the uploaded table under a token so that the user confirms exactly what was previewed.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(long id, IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            ModelState.AddModelError("Import.File", Wording.Pick("Hãy chọn tệp .csv hoặc .xlsx.", "Choose a .csv or .xlsx file."));
            return await Load(id, ct) ? Page() : NotFound();
        }
        var token = $"{Guid.NewGuid():N}{Path.GetExtension(file.FileName).ToLowerInvariant()}";
        Directory.CreateDirectory(ImportFolder);
        await using (var saved = System.IO.File.Create(Path.Combine(ImportFolder, token))) await file.CopyToAsync(saved, ct);
        async Task<IActionResult> Show() => await Load(id, ct) ? Page() : NotFound();
        return await this.Attempt("Import", async () =>
        {
            Preview = await mediator.Send(new PreviewImport.Command(id, token, () => System.IO.File.OpenRead(Path.Combine(ImportFolder, token))), ct);
            PreviewToken = token;
            return await Show();
        }, Show);
    }

    public async Task<IActionResult> OnPostImportAsync(long id, string token, CancellationToken ct)
    {
        var path = Path.Combine(ImportFolder, Path.GetFileName(token)); // only a token this page issued, never a path
        if (!System.IO.File.Exists(path)) return BadRequest();
        var result = await Act(id, "Import", () => mediator.Send(new ImportTable.Command(id, Path.GetFileName(path), () => System.IO.File.OpenRead(path)), ct), ct);
        if (ModelState.IsValid) System.IO.File.Delete(path);
        return result;
    }

    private string ImportFolder => Path.Combine(Path.GetFullPath(files.Directory), "imports");

    private Task<IActionResult> Act<T>(long id, string form, Func<Task<T>> send, CancellationToken ct) =>
        this.Attempt(form, async () => { await send(); return Redirect($"/Plans/{id}"); }, async () => await Load(id, ct) ? Page() : NotFound());

    private async Task<bool> Load(long id, CancellationToken ct)
    {
        Plan = await mediator.Send(new GetPlan.Query(id), ct);
        if (Plan is null) return false;
        CanManage = await mediator.Send(new GetPlanPermissions.Query(id), ct);
        if (CanManage)
        {
            Agencies = await mediator.Send(new ListAgencies.Query(ProvinceId: Plan.ProvinceId, CurrentOnly: true), ct);
            try
            {
                Audit = await Shared.Pager.ReadAsync(AuditPage, page => mediator.Send(new GetAuditTrail.Query(nameof(Core.Domain.Plan), id, page, AuditPageSize), ct));
            }
            catch (Exception e) when (ErrorSummary.AddTo(ModelState, e, "Filter"))
            {
                // A hand-edited page number beyond any list (over 100 000): the reason is shown, no list.
            }
        }
        return true;
    }

    public IEnumerable<(GetPlan.TaskNode Node, int Depth)> Flatten() => Walk(Plan!.Tasks, 0);

    private static IEnumerable<(GetPlan.TaskNode, int)> Walk(IEnumerable<GetPlan.TaskNode> nodes, int depth) =>
        nodes.SelectMany(n => Walk(n.Children, depth + 1).Prepend((n, depth)));
}

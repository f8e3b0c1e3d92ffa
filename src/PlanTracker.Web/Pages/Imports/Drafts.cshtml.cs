using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Drafting;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Imports;

/// <summary>The secretariat pastes a document's text or uploads it, and finds its drafts under review.</summary>
public sealed class DraftsModel(IMediator mediator) : PageModel
{
    public const int PageSize = 50;
    /// <summary>"trang", not "page": see <see cref="Pager"/>.</summary>
    [BindProperty(SupportsGet = true, Name = Pager.Parameter)] public int PageNumber { get; set; } = 1;
    public Paged<ListDrafts.Item> Drafts { get; private set; } = new([], 1, PageSize, 0);

    [BindProperty] public string? Text { get; set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct) =>
        await this.Attempt("Draft", async () =>
        {
            var result = await mediator.Send(file is { Length: > 0 }
                ? new CreateDraft.Command(null, file.FileName, file.OpenReadStream)
                : new CreateDraft.Command(Text), ct);
            return Redirect($"/Imports/Drafts/{result.DraftId}");
        }, () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        try
        {
            Drafts = await Pager.ReadAsync(PageNumber, page => mediator.Send(new ListDrafts.PageQuery(page, PageSize), ct));
        }
        catch (Exception e) when (ErrorSummary.AddTo(ModelState, e, "Filter"))
        {
            // A hand-edited page number beyond any list (over 100 000): the reason is shown, no list.
        }
        return Page();
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Documents;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Plans;

/// <summary>The secretariat registers a document and opens its draft plan.</summary>
public sealed class NewModel(IMediator mediator) : PageModel
{
    [BindProperty] public DocumentInput Document { get; set; } = new();

    public sealed class DocumentInput
    {
        public string? Number { get; set; }
        public DocumentKind Kind { get; set; } = DocumentKind.Plan;
        public string? Issuer { get; set; }
        public DateOnly? IssuedOn { get; set; }
        public string? Signer { get; set; }
        public string? Title { get; set; }
        public string? PlanTitle { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var d = Document;
        return await this.Attempt(nameof(Document), async () =>
        {
            var planId = await mediator.Send(new StartPlan.Command(
                new RegisterDocument.Command(d.Number, d.Kind, d.Issuer ?? "", d.IssuedOn, d.Signer, d.Title ?? ""), d.PlanTitle), ct);
            return Redirect($"/Plans/{planId}");
        }, () => Task.FromResult<IActionResult>(Page()));
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Digests;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Account;

/// <summary>The signed-in user's own settings: when (and whether) the e-mail digest comes.</summary>
public sealed class PreferencesModel(IMediator mediator) : PageModel
{
    public GetDigestPreference.Result? Current { get; private set; }
    public bool Saved { get; private set; }

    [BindProperty] public DigestInput Input { get; set; } = new();

    public sealed class DigestInput
    {
        public string? Frequency { get; set; }
        public string? Weekday { get; set; }
        public int? Hour { get; set; }
    }

    public async Task OnGetAsync(bool saved, CancellationToken ct)
    {
        Saved = saved;
        Current = await mediator.Send(new GetDigestPreference.Query(), ct);
        Input = new DigestInput
        {
            Frequency = Current.Frequency.ToString(),
            Weekday = (Current.Weekday ?? DayOfWeek.Monday).ToString(),
            Hour = Current.Hour ?? 7,
        };
    }

    // The form always posts a day and an hour; only those that apply to the chosen frequency are sent.
    public Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var frequency = SetDigestPreference.Parse<DigestFrequency>(Input.Frequency);
        return this.Attempt(nameof(Input), async () =>
        {
            await mediator.Send(new SetDigestPreference.Command(Input.Frequency,
                frequency == DigestFrequency.Weekly ? Input.Weekday : null,
                frequency is DigestFrequency.Daily or DigestFrequency.Weekly ? Input.Hour : null), ct);
            return RedirectToPage(new { saved = true });
        }, async () =>
        {
            Current = await mediator.Send(new GetDigestPreference.Query(), ct);
            return Page();
        });
    }
}

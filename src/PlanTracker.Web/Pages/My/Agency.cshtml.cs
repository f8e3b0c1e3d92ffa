using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.AgencyWork;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.My;

/// <summary>The agency's settings: the head changes them, its officers read them.</summary>
public sealed class AgencyModel(IMediator mediator) : PageModel
{
    public GetAgencySettings.Result? Settings { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Saved { get; set; }
    [BindProperty] public SettingsInput Input { get; set; } = new();

    public sealed class SettingsInput
    {
        public bool ProgressNeedsApproval { get; set; }
        public List<long> DeputyUserIds { get; set; } = [];
        public int Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } refusal) return refusal;
        Input = new SettingsInput { ProgressNeedsApproval = Settings!.ProgressNeedsApproval, DeputyUserIds = [.. Settings.DeputyUserIds], Version = Settings.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        await this.Attempt(nameof(Input), async () =>
        {
            await mediator.Send(new ChangeAgencySettings.Command(Input.ProgressNeedsApproval, Input.DeputyUserIds, Input.Version), ct);
            return Redirect("/My/Agency?saved=true");
        }, async () => await Load(ct) ?? Page());

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        try
        {
            Settings = await mediator.Send(new GetAgencySettings.Query(), ct);
            return null;
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }
}

using System.Globalization;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Jobs;
using PlanTracker.Core.Features.Mail;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Admin;

/// <summary>
/// The scheduled jobs: schedule, next and previous fire, last run, the recent runs, and "run now"
/// as of a date. The queries refuse anyone but admins and the secretariat; the run, anyone but admins.
/// </summary>
public sealed class JobsModel(IMediator mediator, ProvinceClock clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    public IReadOnlyList<ListJobs.Item> Jobs { get; private set; } = [];
    public ListJobRuns.Result Runs { get; private set; } = new([], null);
    public int DeadMessages { get; private set; }
    /// <summary>The run just started from this page, shown at the top.</summary>
    public JobRunView? Ran { get; private set; }
    [BindProperty(SupportsGet = true)] public long? Before { get; set; }
    [BindProperty(SupportsGet = true)] public long? Run { get; set; }
    /// <summary>The job whose form was sent and the date typed in it, kept when the form is shown again.</summary>
    public string? FormJob { get; private set; }
    public string? FormAsOf { get; private set; }
    public string Today => clock.Today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public async Task<IActionResult> OnPostRunAsync(string job, string? asOf, CancellationToken ct)
    {
        (FormJob, FormAsOf) = (job, asOf);
        DateOnly? date = null;
        if (!string.IsNullOrWhiteSpace(asOf))
        {
            if (!DateOnly.TryParseExact(asOf.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                ModelState.AddModelError("AsOf", localizer["AsOfFormat"]);
                return await Load(ct) ?? Page();
            }
            date = parsed;
        }
        try
        {
            var result = await mediator.Send(new RunJob.Command(job, date), ct);
            return RedirectToPage(new { Run = result.RunId });
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A refusal the user can correct, or a failure (already recorded with the run): said next to the form.
            if (!ErrorSummary.AddTo(ModelState, e, "RunNow")) ModelState.AddModelError("RunNow", localizer["JobFailed", localizer[$"JobName.{job}"], e.Message]);
        }
        return await Load(ct) ?? Page();
    }

    /// <summary>A moment in the province's time, dd/MM/yyyy HH:mm:ss.</summary>
    public static string Local(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, ProvinceClock.Zone).ToString("dd/MM/yyyy HH:mm:ss", CultureInfo.InvariantCulture) : "—";

    public static string Duration(long? milliseconds) =>
        milliseconds is { } ms ? (ms / 1000.0).ToString("0.###", CultureInfo.CurrentCulture) + " s" : "—";

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        try
        {
            Jobs = await mediator.Send(new ListJobs.Query(), ct);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        Runs = await mediator.Send(new ListJobRuns.Query(null, Before), ct);
        if (Run is { } id) Ran = (await mediator.Send(new ListJobRuns.Query(null, id + 1, 1), ct)).Items.SingleOrDefault(r => r.Id == id);
        DeadMessages = (await mediator.Send(new ListOutbox.Query(OutboxState.Dead, null, 1), ct)).Dead;
        return null;
    }
}

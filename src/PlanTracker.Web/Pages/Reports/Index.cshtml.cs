using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Reports;
using PlanTracker.Web.Pages.Shared;

namespace PlanTracker.Web.Pages.Reports;

/// <summary>
/// Agency staff: this quarter's report (drafted from progress, edited, submitted by the head).
/// Secretariat: who has reported this quarter, and the submitted reports to accept or return.
/// </summary>
public sealed class IndexModel(IMediator mediator, ProvinceClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }
    public DraftPeriodReport.Result? Report { get; private set; }
    public GetReportingCompliance.Result? Compliance { get; private set; }
    public IReadOnlyList<ListSubmittedReports.Item> Submitted { get; private set; } = [];
    public IReadOnlyList<QuarterlyReportFile> Compiled { get; private set; } = [];
    [BindProperty] public string? ReportText { get; set; }
    [BindProperty] public ReportSections Sections { get; set; } = new();
    /// <summary>"Gửi báo cáo" first asks: a submitted report can no longer be edited.</summary>
    public bool AskSubmit { get; private set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public bool IsStaff => User.IsInRole(Roles.AgencyOfficer) || User.IsInRole(Roles.AgencyHead);
    public bool IsSecretariat => User.IsInRole(Roles.Secretariat);
    /// <summary>A day of the quarter shown: the one asked for, else the current quarter (the page opens on it).</summary>
    public DateOnly Day => Year is { } y and >= 1 and <= 9999 && Quarter is { } q and >= 1 and <= 4 ? new DateOnly(y, q * 3, 1) : clock.Today;
    public int ShownQuarter => (Day.Month + 2) / 3;
    public DateOnly Today => clock.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        Act(async () =>
        {
            var saved = await mediator.Send(new DraftPeriodReport.Command(Day, ReportText ?? "", Version, Sections: Sections), ct);
            this.Tell(Wording.Pick("Đã lưu báo cáo (chưa gửi).", "The report is saved (not yet submitted)."));
            return saved;
        }, ct);

    public async Task<IActionResult> OnGetSubmitAsync(CancellationToken ct)
    {
        AskSubmit = true;
        return await Load(ct) ?? Page();
    }

    public Task<IActionResult> OnPostSubmitAsync(long reportId, CancellationToken ct) =>
        Act(async () =>
        {
            var state = await mediator.Send(new SubmitPeriodReport.Command(reportId, Version), ct);
            this.Tell(Wording.Pick($"Đã gửi báo cáo {PeriodName} tới cơ quan thường trực.", $"The {PeriodName} report was submitted to the secretariat."));
            return state;
        }, ct);

    /// <summary>"Quý IV/2026": the period the page is about, named wherever it is shown.</summary>
    public string PeriodName => Dashboard.DashboardLinks.QuarterLabel(new PlanTracker.Core.Features.Dashboard.Quarter(Day.Year, ShownQuarter),
        System.Globalization.CultureInfo.CurrentUICulture);

    public Task<IActionResult> OnPostReviewAsync(long reportId, bool accept, CancellationToken ct) =>
        Act(async () =>
        {
            var result = await mediator.Send(new ReviewPeriodReport.Command(reportId, accept, Comment), ct);
            this.Tell(accept ? Wording.Pick("Đã chấp nhận báo cáo.", "The report is accepted.")
                : Wording.Pick("Đã trả lại báo cáo để cơ quan sửa.", "The report was returned to the agency."));
            return result;
        }, ct);

    /// <summary>The secretariat compiles the chosen quarter's provincial report now (a new version).</summary>
    public Task<IActionResult> OnPostCompileAsync(CancellationToken ct) =>
        Act(() => mediator.Send(new CompileQuarterlyReportNow.Command(Year ?? clock.Today.Year, Quarter ?? (clock.Today.Month + 2) / 3), ct), ct, "Compile");

    private Task<IActionResult> Act<T>(Func<Task<T>> send, CancellationToken ct, string form = "Report") =>
        this.Attempt(form, async () => { await send(); return RedirectToPage(new { Year = Day.Year, Quarter = ShownQuarter }); }, async () => await Load(ct) ?? Page());

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        try
        {
            Compiled = await mediator.Send(new ListQuarterlyReports.Query(Day.Year), ct);
            if (IsStaff) Report = await mediator.Send(new DraftPeriodReport.Command(Day), ct);
            if (IsSecretariat)
            {
                var quarter = ShownQuarter;
                Compliance = await mediator.Send(new GetReportingCompliance.Query(Day.Year, quarter), ct);
                Submitted = await mediator.Send(new ListSubmittedReports.Query(Day.Year, quarter), ct);
            }
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        return null;
    }
}

using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Dashboard;

namespace PlanTracker.Web.Pages.Dashboard;

/// <summary>
/// The steering committee's dashboard. Filters live in the query string; htmx swaps parts of the
/// page (sorting the overdue list, a plan's targets) and every link also works without script.
/// </summary>
public sealed class IndexModel(IMediator mediator, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? DocumentId { get; set; }
    [BindProperty(SupportsGet = true)] public long? PlanId { get; set; }
    [BindProperty(SupportsGet = true)] public long? AgencyId { get; set; }
    [BindProperty(SupportsGet = true)] public AgencyLevel? AgencyLevel { get; set; }
    [BindProperty(SupportsGet = true)] public long? SteeringMemberId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    /// <summary>An administrator's choice of province; a secretariat's view is its own province whatever this says.</summary>
    [BindProperty(SupportsGet = true)] public long? ProvinceId { get; set; }
    [BindProperty(SupportsGet = true)] public TaskSort Sort { get; set; }
    [BindProperty(SupportsGet = true)] public bool Desc { get; set; }

    public DashboardFilter Filter => new(DocumentId, PlanId, AgencyId, AgencyLevel, SteeringMemberId, string.IsNullOrWhiteSpace(Period) ? null : Period, ProvinceId);
    public GetDashboard.Result? Data { get; private set; }
    public GetDashboardChoices.Result Choices { get; private set; } = new([], [], [], [], null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Choices = await mediator.Send(new GetDashboardChoices.Query(), ct);
            Data = await mediator.Send(new GetDashboard.Query(Filter, Sort, Desc), ct);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (RuleViolationException e)
        {
            // An unreadable period in a shared link: say so, and show the dashboard without it.
            ModelState.AddModelError(e.Field, e.Message);
            Period = null;
            Data = await mediator.Send(new GetDashboard.Query(Filter, Sort, Desc), ct);
        }
        return Page();
    }

    /// <summary>The overdue list alone, sorted (htmx).</summary>
    public async Task<IActionResult> OnGetOverdueAsync(CancellationToken ct)
    {
        try
        {
            var rows = await mediator.Send(new ListOverdueTasks.Query(Filter, Sort, Desc), ct);
            return Partial("_Overdue", new OverdueView(Filter, rows, Sort, Desc));
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>One plan's targets with actual against target (htmx, when the plan's row is opened).</summary>
    public async Task<IActionResult> OnGetTargetsAsync(long targetPlanId, CancellationToken ct)
    {
        try
        {
            var result = await mediator.Send(new GetTargetAttainment.Query(Filter, targetPlanId), ct);
            return Partial("_Targets", result.Targets);
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
    }

    /// <summary>Every table of the dashboard (or one, <paramref name="table"/>) as an .xlsx workbook.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? table, CancellationToken ct)
    {
        try
        {
            var data = await mediator.Send(new GetDashboard.Query(Filter, Sort, Desc, Complete: true), ct);
            var bytes = DashboardWorkbook.Write(data, table, localizer);
            return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"plantracker-dashboard-{data.Today:yyyy-MM-dd}{(table is null ? "" : "-" + table)}.xlsx");
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (RuleViolationException e)
        {
            return BadRequest(e.Message);
        }
    }
}

public sealed record OverdueView(DashboardFilter Filter, PlanTracker.Core.Common.Paged<ListOverdueTasks.Row> Rows, TaskSort Sort, bool Descending);

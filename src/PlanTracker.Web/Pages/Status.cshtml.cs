using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanTracker.Web.Pages;

/// <summary>The human page for 403/404 and other statuses of page requests (the API answers ProblemDetails).</summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Code = code;
}

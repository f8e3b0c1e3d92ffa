using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>
/// "Actions say what they did" (issue 16, item 7): a page that redirects after a command leaves one
/// sentence for the next page, shown by the _Done partial. TempData (a cookie) rather than the query
/// string, so that reloading the page does not announce it again.
/// </summary>
public static class Done
{
    public const string Key = "Done";

    public static void Tell(this PageModel page, string sentence) => page.TempData[Key] = sentence;
}

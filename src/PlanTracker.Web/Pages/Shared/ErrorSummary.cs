using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>How every form of the site answers a command: done, refused (403), or corrected next to its fields.</summary>
public static class ErrorSummary
{
    /// <summary>
    /// Runs a page's command. A refusal the user may correct goes into the form's messages and the
    /// page is shown again by <paramref name="redisplay"/>; a forbidden one answers 403.
    /// </summary>
    public static async Task<IActionResult> Attempt(this PageModel page, string form, Func<Task<IActionResult>> command,
        Func<Task<IActionResult>> redisplay)
    {
        try
        {
            return await command();
        }
        catch (ForbiddenException)
        {
            return page.StatusCode(StatusCodes.Status403Forbidden);
        }
        catch (Exception e) when (AddTo(page.ModelState, e, form))
        {
            return await redisplay();
        }
    }

    /// <returns>True when the exception was a refusal the user can correct; false for anything else.</returns>
    public static bool AddTo(ModelStateDictionary modelState, Exception e, string prefix)
    {
        switch (e)
        {
            case ValidationException v:
                foreach (var f in v.Errors) modelState.AddModelError($"{prefix}.{f.PropertyName}", f.ErrorMessage);
                return true;
            case RuleViolationException r:
                modelState.AddModelError($"{prefix}.{Pascal(r.Field)}", r.Message);
                return true;
            case DuplicateException d:
                modelState.AddModelError($"{prefix}.{Pascal(d.Field)}", d.Message);
                return true;
            // A conflict belongs to no field: the form-level key, so that every summary shows it
            // (a "ModelOnly" summary hid it, and the second tab's save failed without a word).
            case ConflictException c:
                modelState.AddModelError(string.Empty, c.Message);
                return true;
            case Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException u:
                // An account saved by two administrators at once (Identity keeps this exception as it is).
                modelState.AddModelError(string.Empty, ConflictMessages.Stale(u));
                return true;
            default:
                return false;
        }
    }

    private static string Pascal(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}

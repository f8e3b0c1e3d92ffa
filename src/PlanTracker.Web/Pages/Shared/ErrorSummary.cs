using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>Puts what a command refused next to the fields of the form that sent it.</summary>
public static class ErrorSummary
{
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
            case ConflictException c:
                modelState.AddModelError(prefix, c.Message);
                return true;
            default:
                return false;
        }
    }

    private static string Pascal(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];
}

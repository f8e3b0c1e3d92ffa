using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Api;

/// <summary>Turns what a request did wrong into ProblemDetails that name it; anything else is a 500.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors
                .GroupBy(e => Camel(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
            RuleViolationException r => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [r.Field] = [r.Message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request is not valid.",
            },
            ConflictException c => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Changed by someone else.", Detail = c.Message },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = n.Message },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "The request is not valid.", Detail = b.Message },
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = f.Message },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}

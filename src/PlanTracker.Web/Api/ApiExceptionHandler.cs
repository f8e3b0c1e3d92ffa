using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Web.Api;

/// <summary>Turns what a request did wrong into ProblemDetails that name it; anything else is a 500.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors
                .GroupBy(e => InputRules.FieldName(e.PropertyName))
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
            DuplicateException d => Duplicate(d),
            // The safety net for a save that did not go through the context's translation (raw SQL, a library's own save).
            Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Changed by someone else.",
                Detail = ConflictMessages.Stale(e),
            },
            _ when ConflictMessages.Duplicate(exception) is { } d => Duplicate(d),
            _ when ConflictMessages.Contention(exception) is { } message => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Changed by someone else.", Detail = message,
            },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = n.Message },
            BadHttpRequestException { InnerException: ControlCharacterException cc } => ControlCharacterProblem(cc),
            BadHttpRequestException { InnerException: System.Text.Json.JsonException j } => JsonProblem(j),
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "The request is not valid.", Detail = b.Message },
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = f.Message },
            _ => null,
        };
        if (problem is null) return false;
        http.Response.StatusCode = problem.Status!.Value;
        // A page answers with the status alone; the status-code pages render it as the site's page in the person's language.
        if (!http.Request.Path.StartsWithSegments("/api")) return true;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails ControlCharacterProblem(ControlCharacterException e)
    {
        var field = e.Path is { Length: > 2 } path ? InputRules.FieldName(path[2..]) : "body";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [InputRules.ControlCharacterMessage(field, e.Character, e.Culture)] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        };
    }

    /// <summary>Names the field the body got wrong: the missing ones, or the path of the value that could not be read.</summary>
    private static HttpValidationProblemDetails JsonProblem(System.Text.Json.JsonException j)
    {
        var missing = j.Message.Contains("missing required properties")
            ? System.Text.RegularExpressions.Regex.Matches(j.Message, "'([^']+)'").Select(m => m.Groups[1].Value).Where(n => !n.Contains('.')).ToList()
            : [];
        var errors = missing.Count > 0
            ? missing.ToDictionary(name => name, name => new[] { $"'{name}' is required." })
            : new Dictionary<string, string[]> { [j.Path is { Length: > 2 } path ? path[2..] : "body"] = [$"The request body is not valid JSON for this request ({j.Path ?? "$"})."] };
        return new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = "The request is not valid." };
    }

    /// <summary>A duplicate is a conflict with what someone else saved: 409, with the field named as validation errors name it.</summary>
    private static HttpValidationProblemDetails Duplicate(DuplicateException d) =>
        new(new Dictionary<string, string[]> { [d.Field] = [d.Message] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflicts with what exists.",
            Detail = d.Message,
        };


}

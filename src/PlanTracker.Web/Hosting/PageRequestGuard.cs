using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// Two requests a page must refuse before its handler runs. A method the page has no handler for
/// (a POST to a read-only page, TRACE, an unknown <c>?handler=</c>) is a 405: run as a GET without its
/// data it threw. A form value the binder could not read (99999999999999 or "abc" for a percentage,
/// an unknown kind, a date in year 99999) is a 400: left alone, the field kept its default and the
/// handler saved 0% or a plan without its date, where the API refuses the same value.
/// </summary>
public sealed class PageRequestGuard : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var method = context.HttpContext.Request.Method;
        // The status page re-executed for a refused POST keeps the POST's method: it is rendered, not refused again.
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerPathFeature>() is not null;
        if (!reads && context.HandlerMethod is null)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return;
        }
        if (!reads && context.ModelState.Values.Any(v => v.Errors.Count > 0 && v.AttemptedValue is not null))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}

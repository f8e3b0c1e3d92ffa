using Microsoft.AspNetCore.Mvc;
using PlanTracker.Core.Common;

namespace PlanTracker.Web.Hosting;

/// <summary>
/// The web edge of <see cref="InputRules"/>: query-string keys and values, route values, form fields
/// and uploaded file names, for the API and the pages alike, before any binder or handler reads them.
/// Query strings, route values and file names are one line; a form field may hold line breaks and
/// tabs here (which fields are multi-line is the command's to say, and InputBehavior says it).
/// JSON bodies are checked by InputBehavior once bound into the request they carry.
/// </summary>
public static class InputEdge
{
    /// <summary>The largest page form read whole: well above every upload limit (evidence 20 MB, drafts 10 MB).</summary>
    public const long PageUploadLimit = 100 * 1024 * 1024;

    public static IApplicationBuilder UseInputEdge(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (UnreadableCharset(http.Request.ContentType) is { } charset)
        {
            // Bodies are read as UTF-8 (JSON is UTF-8 by RFC 8259); any other charset threw while the body was read.
            await Answer(http, new Dictionary<string, string[]> { ["contentType"] = [Wording.Pick(
                $"Bảng mã '{charset}' không được hỗ trợ; hãy gửi nội dung theo UTF-8.", $"The charset '{charset}' is not supported; send UTF-8.")] },
                StatusCodes.Status415UnsupportedMediaType);
            return;
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in http.Request.Query)
        {
            Refuse(errors, "query", key, multiLine: false);
            foreach (var value in values) Refuse(errors, key, value, multiLine: false);
        }
        foreach (var (key, value) in http.Request.RouteValues)
            if (value is string text) Refuse(errors, key, text, multiLine: false);
        if (errors.Count == 0 && http.Request.HasFormContentType)
        {
            IFormCollection form;
            // A page's upload may be larger than the server's default body limit (30 MB): read it whole so
            // that the command refuses it next to its field in Vietnamese, instead of the connection being
            // reset under the browser. Beyond this, the status page answers 413.
            if (!http.Request.Path.StartsWithSegments("/api") && http.Request.HasFormContentType
                && http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = PageUploadLimit;
            try
            {
                form = await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                // A form that is not one (a broken multipart boundary, too many parts): the client's mistake.
                await Answer(http, new Dictionary<string, string[]> { ["form"] = [e.Message] });
                return;
            }
            foreach (var (key, values) in form)
            {
                Refuse(errors, "form", key, multiLine: false);
                foreach (var value in values) Refuse(errors, key, value, multiLine: true);
            }
            foreach (var file in form.Files)
            {
                Refuse(errors, "form", file.Name, multiLine: false);
                Refuse(errors, file.Name, file.FileName, multiLine: false);
            }
        }
        if (errors.Count > 0)
        {
            await Answer(http, errors);
            return;
        }
        await next(http);
    });

    private static void Refuse(Dictionary<string, string[]> errors, string key, string? value, bool multiLine)
    {
        if (InputRules.ForbiddenCharacter(value, multiLine) is not { } c) return;
        var field = InputRules.FieldName(InputRules.ForbiddenCharacter(key, false) is null ? key : "query");
        errors[field] = [InputRules.ControlCharacterMessage(field, c)];
    }

    /// <summary>The API answers ProblemDetails naming the fields; a page answers 400 with the site's status page.</summary>
    private static string? UnreadableCharset(string? contentType) =>
        contentType is not null && Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset.HasValue && media.Charset.Value!.Trim('"') is var charset
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase)
            ? charset : null;

    private static async Task Answer(HttpContext http, Dictionary<string, string[]> errors, int status = StatusCodes.Status400BadRequest)
    {
        http.Response.StatusCode = status;
        if (!http.Request.Path.StartsWithSegments("/api")) return;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(errors) { Status = status, Title = "The request is not valid." },
        });
    }
}

using MediatR;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Agencies;
using PlanTracker.Core.Features.Documents;
using PlanTracker.Core.Features.Imports;
using PlanTracker.Core.Features.Extensions;
using PlanTracker.Core.Features.Progress;
using PlanTracker.Core.Features.Reports;
using PlanTracker.Core.Features.Users;
using PlanTracker.Core.Features.Plans;
using PlanTracker.Core.Features.Tasks;
using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;

namespace PlanTracker.Web.Api;

/// <summary>/api/v1: adapters only. Each endpoint binds, sends one request and maps the result.</summary>
public static class PlanTrackerApi
{
    public sealed record TokenRequest(string? Email, string? Password);
    public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);
    public sealed record ProgressBody(int Version, PlanTaskStatus Status, int PercentComplete, string? Note, DateOnly? CompletedOn,
        IReadOnlyList<RecordProgress.TargetActualInput>? TargetActuals);
    public sealed record NoteBody(string? Note);
    public sealed record ExtensionBody(DateOnly RequestedDueOn, string? Reason);
    public sealed record DecisionBody(bool Approve, string? Comment, int? Version);
    public sealed record VersionBody(int Version);
    public sealed record ReviewBody(bool Accept, string? Comment);
    public sealed record ChangeUserBody(bool? Active, string? NewPassword, string? Role = null, long? AgencyId = null, int? Version = null);
    public sealed record JobRunBody(DateOnly AsOf);
    public sealed record DigestBody(string? Frequency, string? Weekday, int? Hour);

    public static void MapPlanTrackerApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization();
        api.AddEndpointFilter(BoundedValues.Filter);

        api.MapAccountApi(); // sign-in, passwords: AccountApi.cs

        api.MapGet("/plans", async (IMediator m, CancellationToken ct) => Results.Ok(await m.Send(new ListPlans.Query(), ct)));
        api.MapGet("/plans/{id:long}", async Task<Results<Ok<GetPlan.Result>, NotFound>> (long id, IMediator m, CancellationToken ct) =>
            await m.Send(new GetPlan.Query(id), ct) is { } plan ? TypedResults.Ok(plan) : TypedResults.NotFound());

        api.MapGet("/tasks", async (long? planId, long? agencyId, string? timeliness, DateOnly? dueBefore, DateOnly? dueAfter,
                int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListTasks.Query(planId, agencyId, QueryValues.ParseEnum<Timeliness>(timeliness, nameof(timeliness)), dueBefore, dueAfter, page ?? 1, pageSize ?? 50), ct)));
        api.MapGet("/tasks/drilldown", DashboardApi.DrillDown);
        api.MapGet("/dashboard", DashboardApi.Get);
        api.MapGet("/tasks/{id:long}", async Task<Results<Ok<GetTask.Result>, NotFound>> (long id, IMediator m, CancellationToken ct) =>
            await m.Send(new GetTask.Query(id), ct) is { } task ? TypedResults.Ok(task) : TypedResults.NotFound());

        api.MapGet("/my/tasks", async (string? involvement, long? planId, string? timeliness, DateOnly? dueBefore, DateOnly? dueAfter,
                int? page, int? pageSize, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListMyAgencyTasks.Query(
                QueryValues.ParseEnum<Involvement>(involvement, nameof(involvement)) ?? Involvement.Lead, planId,
                QueryValues.ParseEnum<Timeliness>(timeliness, nameof(timeliness)), dueBefore, dueAfter, page ?? 1, pageSize ?? 50), ct)));
        api.MapGet("/tasks/{id:long}/history", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new GetTaskHistory.Query(id), ct)));
        api.MapPost("/tasks/{id:long}/progress", async (long id, ProgressBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new RecordProgress.Command(id, body.Version, body.Status, body.PercentComplete, body.Note ?? "",
                body.CompletedOn, body.TargetActuals), ct)));
        api.MapPost("/tasks/{id:long}/contributions", async (long id, NoteBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(new AddContribution.Command(id, body.Note ?? ""), ct) }));
        api.MapPost("/tasks/{id:long}/extension-requests", async (long id, ExtensionBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { id = await m.Send(new RequestExtension.Command(id, body.RequestedDueOn, body.Reason ?? ""), ct) }));
        api.MapPost("/extension-requests/{id:long}/decision", async (long id, DecisionBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { state = await m.Send(new DecideExtension.Command(id, body.Approve, body.Comment, body.Version), ct) }));

        api.MapPost("/documents", async (RegisterDocument.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new { id = await m.Send(body, ct) }));
        api.MapPost("/plans", async (CreatePlan.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new { id = await m.Send(body, ct) }));
        api.MapPost("/plans/{id:long}/tasks", async (long id, AddTask.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, await m.Send(body with { PlanId = id }, ct)));
        api.MapPut("/tasks/{id:long}", async (long id, EditTask.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(body with { TaskId = id }, ct) }));
        api.MapPost("/tasks/{id:long}/move", async (long id, MoveTask.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { version = await m.Send(body with { TaskId = id }, ct) }));
        api.MapPost("/tasks/{id:long}/split", async (long id, SplitTask.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { partIds = await m.Send(body with { TaskId = id }, ct) }));
        api.MapDelete("/tasks/{id:long}", async (long id, int version, IMediator m, CancellationToken ct) =>
            Results.Ok(new { deleted = await m.Send(new DeleteTask.Command(id, version), ct) }));
        api.MapPost("/plans/{id:long}/publish", async (long id, int? version, IMediator m, CancellationToken ct) =>
            Results.Ok(new { notified = await m.Send(new PublishPlan.Command(id, version), ct) }));

        api.MapPost("/reports/draft", async (DraftPeriodReport.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(body, ct)));
        api.MapPost("/reports/{id:long}/submit", async (long id, VersionBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { state = await m.Send(new SubmitPeriodReport.Command(id, body.Version), ct) }));
        api.MapPost("/reports/{id:long}/review", async (long id, ReviewBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { state = await m.Send(new ReviewPeriodReport.Command(id, body.Accept, body.Comment), ct) }));
        api.MapGet("/reports/compliance", async (int year, int? number, int? quarter, string? regime, IMediator m, CancellationToken ct) =>
            Results.Ok(await QueryValues.Named(m.Send(new GetReportingCompliance.Query(year, number ?? quarter ?? 1,
                QueryValues.ParseEnum<ReportingRegime>(regime, nameof(regime)) ?? ReportingRegime.Quarterly), ct),
                "Number", number is null && quarter is not null ? nameof(quarter) : nameof(number))));
        api.MapPost("/reports/periods", async (CreateAdHocPeriod.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new { id = await m.Send(body, ct) }));
        api.MapPost("/reports/quarterly", async (CompileQuarterlyReportNow.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, await m.Send(body, ct)));
        api.MapGet("/reports/quarterly", async (int? year, int? quarter, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListQuarterlyReports.Query(year, quarter), ct)));
        api.MapGet("/reports/quarterly/{id:long}/file", DownloadQuarterlyReport);

        api.MapPost("/tasks/{id:long}/evidence", async (long id, IFormFile? file, [FromForm] string? documentNumber, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new
            {
                id = await m.Send(new AttachEvidence.Command(id,
                    file is null ? null : new AttachEvidence.Upload(file.FileName, file.Length, file.OpenReadStream), documentNumber), ct),
            })).DisableAntiforgery(); // bearer-token clients send no cookies, so there is no cross-site request to forge
        api.MapGet("/tasks/{id:long}/evidence", async (long id, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListEvidence.Query(id), ct)));
        api.MapGet("/evidence/{id:long}", DownloadEvidence);

        api.MapPost("/plans/{id:long}/imports/preview", async (long id, IFormFile file, [FromForm] string? codePrefix, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new PreviewImport.Command(id, file.FileName, file.OpenReadStream, codePrefix ?? "PL."), ct)))
            .DisableAntiforgery();
        api.MapPost("/plans/{id:long}/imports", async (long id, IFormFile file, [FromForm] long? parentId, [FromForm] string? codePrefix,
                IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ImportTable.Command(id, file.FileName, file.OpenReadStream, parentId, codePrefix ?? "PL."), ct)))
            .DisableAntiforgery();

        api.MapGet("/search", async (string? q, int? limit, IMediator m, CancellationToken ct) =>
            Results.Ok(await QueryValues.Named(m.Send(new PlanTracker.Core.Features.Search.Search.Query(q ?? "", limit ?? 50), ct), "Text", nameof(q))));

        api.MapGet("/users", async (IMediator m, CancellationToken ct) => Results.Ok(await m.Send(new ListUsers.Query(), ct)));
        api.MapPost("/users", async (CreateUser.Command body, IMediator m, CancellationToken ct) =>
            Results.Created((string?)null, new { id = await m.Send(body, ct) }));
        api.MapPost("/users/{id:long}", async (long id, ChangeUserBody body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(new ChangeUser.Command(id, body.Active, body.NewPassword, body.Role, body.AgencyId, body.Version), ct);
            return Results.NoContent();
        });

        api.MapPost("/agencies/{id:long}/rename", async (long id, RenameAgency.Command body, IMediator m, CancellationToken ct) =>
        {
            await m.Send(body with { AgencyId = id }, ct);
            return Results.NoContent();
        });
        api.MapPost("/agencies/merge", async (MergeAgencies.Command body, IMediator m, CancellationToken ct) => Results.Ok(await m.Send(body, ct)));
        api.MapPost("/agencies/{id:long}/split", async (long id, SplitAgency.Command body, IMediator m, CancellationToken ct) =>
            Results.Ok(new { successorIds = await m.Send(body with { AgencyId = id }, ct) }));

        api.MapPost("/jobs/{name}/runs", async (string name, JobRunBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new PlanTracker.Core.Features.Jobs.RunJob.Command(name, body.AsOf), ct)));

        api.MapGet("/me/digest", async (IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new PlanTracker.Core.Features.Digests.GetDigestPreference.Query(), ct)));
        api.MapPut("/me/digest", async (DigestBody body, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new PlanTracker.Core.Features.Digests.SetDigestPreference.Command(body.Frequency, body.Weekday, body.Hour), ct)));
        api.MapJobsApi();

        api.MapGet("/agencies", async (string? province, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListAgencies.Query(province), ct)));

        api.MapDraftingApi();
        api.MapCascadeApi(); // cascading plans: CascadeApi.cs
        api.MapAgencyWorkApi(); // inside the agency: AgencyWorkApi.cs
    }

    /// <summary>Always an attachment, never rendered by the browser, whatever the file holds.</summary>
    public static async Task<IResult> DownloadEvidence(long id, IMediator m, HttpContext http, CancellationToken ct)
    {
        if (await m.Send(new GetEvidenceFile.Query(id), ct) is not { } file) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Open(), file.ContentType, file.FileName);
    }

    /// <summary>
    /// A compiled report, as an attachment under its Vietnamese name (RFC 6266 filename*), with the
    /// name without diacritics for clients that only read filename ("Bao cao Quy III-2026 ...", not "B_o c_o").
    /// </summary>
    public static async Task<IResult> DownloadQuarterlyReport(long id, IMediator m, HttpContext http, CancellationToken ct)
    {
        if (await m.Send(new GetQuarterlyReportFile.Query(id), ct) is not { } file) return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileName = "\"" + PlanTracker.Core.Common.TextKey.Ascii(file.FileName) + "\"",
            FileNameStar = file.FileName,
        };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.File(file.Open(), file.ContentType);
    }
}

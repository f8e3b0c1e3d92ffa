using MediatR;
using Microsoft.Extensions.Localization;
using PlanTracker.Core.Features.Jobs;
using PlanTracker.Web.Pages.Admin;

namespace PlanTracker.Web.Api;

/// <summary>/api/v1/jobs: the scheduled jobs and their run history (admins and the secretariat; the handlers check).</summary>
public static class JobsApi
{
    /// <param name="Description">The schedule in words, in the request's language; null for a cron of an unusual shape.</param>
    public sealed record JobItem(string Name, string Cron, string? Description, string TimeZone, DateTimeOffset? NextFireTime,
        DateTimeOffset? PreviousFireTime, bool FromScheduler, JobRunView? LastRun);

    public static void MapJobsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/jobs", async (IMediator m, IStringLocalizer<SharedResource> localizer, CancellationToken ct) =>
            Results.Ok((await m.Send(new ListJobs.Query(), ct)).Select(j => new JobItem(j.Name, j.Cron, CronDescription.Describe(j.Cron, localizer),
                j.TimeZone, j.NextFireTime, j.PreviousFireTime, j.FromScheduler, j.LastRun))));
        api.MapGet("/jobs/{name}/runs", async (string name, long? before, int? pageSize, IMediator m, CancellationToken ct) =>
            Results.Ok(await m.Send(new ListJobRuns.Query(name, before, pageSize ?? 20), ct)));
    }
}

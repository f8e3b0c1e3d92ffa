using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using PlanTracker.Core;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Email;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Persistence;
using PlanTracker.Web.Api;
using PlanTracker.Web.Hosting;
using PlanTracker.Web.Security;

// "job <name> [--as-of yyyy-MM-dd]" / "job list": the same services, no web server, no scheduler.
var jobCommand = JobCommandLine.IsRequested(args) ? JobCommandLine.Parse(args) : null;
if (jobCommand?.Error is { } commandError)
{
    Console.Error.WriteLine(commandError);
    return 2;
}

var builder = WebApplication.CreateBuilder(jobCommand?.HostArgs ?? args);
// A schedule Hangfire would read differently from what was meant (a cron in the previous scheduler's dialect, decision 0017) stops the start.
if (PlanTracker.Core.Jobs.JobSchedule.Problems(builder.Configuration) is { Count: > 0 } scheduleProblems)
{
    foreach (var problem in scheduleProblems) Console.Error.WriteLine(problem);
    return 2;
}
if (jobCommand is not null) builder.Logging.AddFilter(null, LogLevel.Warning); // the outcome line, not the start-up chatter

var embedded = builder.UseEmbeddedDatabase(out var embeddedPostgres);
var connectionString = builder.Configuration.GetConnectionString("PlanTracker")!;

// Through a transaction-pooling pgbouncer, PlanTrackerDirect goes around it for session locks and
// Hangfire; PlanTrackerReadOnly is a streaming replica for the reads that may lag (decision 0026).
var directConnectionString = builder.Configuration.GetConnectionString("PlanTrackerDirect");
builder.Services.AddPlanTrackerCore(connectionString, directConnectionString, new PlanTracker.Core.Persistence.ReadReplicaOptions
{
    ConnectionString = builder.Configuration.GetConnectionString("PlanTrackerReadOnly"),
    RetryAfter = builder.Configuration.GetValue("ReadReplica:RetryAfter", TimeSpan.FromSeconds(30)),
    ConnectTimeout = builder.Configuration.GetValue("ReadReplica:ConnectTimeout", TimeSpan.FromSeconds(2)),
});
builder.Services.AddHttpContextAccessor();
builder.Services.AddDatabaseKeyRing(); // one key ring for every node: tokens and cookies work on any of them
builder.Services.AddScoped<ICurrentUser>(sp =>
{
    var accessor = sp.GetRequiredService<IHttpContextAccessor>();
    return new ClaimsCurrentUser(() => accessor.HttpContext?.User);
});
builder.Services.AddSingleton(Settings.Read<MailOptions>(builder.Configuration, "Mail"));
builder.Services.AddSingleton<IMailTransport, MailKitTransport>();
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Reporting.ReportingOptions>(builder.Configuration, "Reporting"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Features.Mail.OutboxOptions>(builder.Configuration, "Outbox"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Features.Reminders.ReminderOptions>(builder.Configuration, "Reminders"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Features.Escalations.EscalationOptions>(builder.Configuration, "Escalations"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Features.ReportingCycle.ReportingCycleOptions>(builder.Configuration, "ReportingCycle"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Features.Digests.DigestOptions>(builder.Configuration, "Digests"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Features.Dashboard.DashboardOptions>(builder.Configuration, "Dashboard"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Files.EvidenceOptions>(builder.Configuration, "Evidence"));
builder.Services.AddSingleton(Settings.Read<PlanTracker.Core.Reports.ReportOptions>(builder.Configuration, "Reports"));
// A web-only node (Scheduler__Enabled=false) runs no jobs; the clustered nodes that do share its database.
var runsScheduler = jobCommand is null && builder.Configuration.GetValue("Scheduler:Enabled", true);
builder.Services.AddPlanTrackerJobs(string.IsNullOrWhiteSpace(directConnectionString) ? connectionString : directConnectionString,
    builder.Configuration, runsScheduler);

// Pages sign in with a cookie, the API with a bearer token; one policy scheme picks by path.
const string PickScheme = "cookie-or-bearer";
builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = PickScheme;
        o.DefaultChallengeScheme = PickScheme;
    })
    .AddPolicyScheme(PickScheme, null, o => o.ForwardDefaultSelector = ctx =>
        ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
    .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
    {
        c.LoginPath = "/Account/Login";
        c.ExpireTimeSpan = TimeSpan.FromHours(8);
    }));
builder.Services.AddIdentityCore<AppUser>(o =>
    {
        o.User.RequireUniqueEmail = true;
        // Failed sign-ins no longer lock an account (strangers could lock out its owner); lockout is kept for
        // deactivation, and PlanTracker.Web.Security throttles guessing instead: decision 0012.
        PlanTracker.Core.Authorization.PasswordPolicy.Apply(o.Password);
    })
    .AddRoles<IdentityRole<long>>()
    .AddEntityFrameworkStores<PlanTrackerDbContext>()
    .AddSignInManager()
    .AddDefaultTokenProviders()
    .AddErrorDescriber<PlanTracker.Core.Authorization.LocalizedIdentityErrors>();
builder.Services.AddSignInSecurity(builder.Configuration);
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
// Pages carry Vietnamese as text, not as &#x...; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddRazorPages(o => o.Conventions.ConfigureFilter(new PageRequestGuard())).AddViewLocalization()
    .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new DayModelBinder.Provider())); // dd/MM/yyyy whatever the browser's language
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
    // A field the command needs and the client left out is a 400 naming it, not a default value
    // (a missing version of 0, a missing date of 01/01/0001) that reaches the handler.
    o.SerializerOptions.RespectNullableAnnotations = true;
    // An unknown field is a client's mistake (a typo, or bytes that are not UTF-8) and is named, not ignored.
    o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
    o.SerializerOptions.TypeInfoResolver = PlanTracker.Web.Api.RequiredFields.Resolver;
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    o.SerializerOptions.Converters.Add(new TextWithoutControls()); // NUL and other control characters: a 400 naming the field
    // Vietnamese text stays readable in the JSON instead of \u escapes.
    o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails();
builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.AddExceptionHandler<DatabaseUnavailableHandler>(); // 503 + Retry-After while PostgreSQL is down or restarting
builder.Services.AddOpenApi(OpenApiSchemas.Configure); // one schema per body, not one "Command" for all
var health = builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
if (runsScheduler) health.AddCheck<SchedulerHealthCheck>("scheduler", tags: ["ready"]); // this node's Hangfire server heartbeat

// Messages name a field by the label the person sees, in their language ("'Cơ quan ban hành' không được rỗng.").
FluentValidation.ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
    member is null ? null : PlanTracker.Core.Common.FieldLabels.Of(member.Name);

var app = builder.Build();
try
{
    var demoUsers = await app.PrepareDatabaseAsync(embedded);
    if (jobCommand is not null) return await jobCommand.RunAsync(app);
    ConfigurePipeline(app);
    PublicAddress.FollowServer(app); // links in mails: Mail__PublicUrl, or the address the server listens on
    app.Lifetime.ApplicationStarted.Register(() => app.PrintWelcome(embedded, demoUsers));
    await app.RunAsync();
    return 0;
}
finally
{
    // The private cluster lives exactly as long as the app, including a failed start.
    embeddedPostgres?.Stop();
}

static void ConfigurePipeline(WebApplication app)
{
    // First, so that error pages and static files carry them too (SecurityHeaders; decision 0016).
    app.UseSecurityHeaders();
    app.UseHsts(); // only on answers over https, to names other than localhost: a browser then never tries http again
    // API clients get ProblemDetails; people get a page in their language, with the status kept. The
    // status pages sit outside the exception handler, so that a refusal a page did not catch (403, 404,
    // 413) becomes the human status page, never ProblemDetails JSON in a browser (ApiExceptionHandler).
    app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
    app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Status/{0}"));
    app.UseWhen(http => http.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler());
    app.UseWhen(http => !http.Request.Path.StartsWithSegments("/api"), pages => pages.UseExceptionHandler("/Status/500"));
    app.UseRequestLocalization(o =>
    {
        string[] cultures = ["vi-VN", "en-US"];
        o.SetDefaultCulture("vi-VN").AddSupportedCultures(cultures).AddSupportedUICultures(cultures);
        // Pages change language only by an explicit choice (?culture= or the cookie); API clients
        // may also ask with Accept-Language. Vietnamese otherwise.
        o.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new ApiAcceptLanguageProvider(),
        ];
    });
    app.UseStaticFiles();
    // Explicit, after the status-code pages, so that a re-executed /Status/{code} is routed again.
    app.UseRouting();
    app.UseAuthentication();
    app.UseSessionStampCheck(); // a changed account's old cookies and tokens stop here (decision 0012)
    app.UseJobsDashboardGate(); // before the fallback policy: /hangfire is 403 to anyone but admins and the secretariat, anonymous too
    app.UseAuthorization();
    app.UseRateLimiter(); // after routing: only the sign-in endpoints and pages carry its policy
    app.UseInputEdge(); // after routing (route values) and after sign-in (anonymous callers get 401, not a lesson)

    app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
    app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    app.MapOpenApi().AllowAnonymous();
    app.MapPlanTrackerApi();
    app.MapCultureSwitch();
    app.MapGet("/evidence/{id:long}", PlanTrackerApi.DownloadEvidence); // the pages' (cookie) route to the same download
    app.MapGet("/reports/quarterly/{id:long}/file", PlanTrackerApi.DownloadQuarterlyReport); // the pages' and mails' (cookie) route
    app.MapRazorPages();
    app.MapJobsDashboard();
}

public partial class Program;

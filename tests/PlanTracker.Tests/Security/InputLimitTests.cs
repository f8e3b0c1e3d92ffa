using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Security;

/// <summary>
/// Each class of bad input (docs/decisions/0015-input-limits.md) is a 400 naming the field, in
/// Vietnamese unless the client asks for English, and changes nothing: control characters, CR/LF in
/// one-line fields, dates outside 1945–2100, paging out of bounds, a cancel by the lead agency,
/// zip bombs and damaged Office files, and a return address that leaves the site.
/// </summary>
public sealed class InputLimitTests(AppFactory app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";
    private const string Secretariat = "thuongtruc@plantracker.local";

    [Fact]
    public async Task Should_refuse_a_NUL_in_the_sign_in_email_naming_the_field()
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { email = "admin\0@plantracker.local", password = "x" });
        await AssertRefused(response, "email", "ký tự điều khiển");
    }

    [Theory]
    [InlineData("/api/v1/search?q=ch%00u", "q")]
    [InlineData("/api/v1/search?q=a%1Bb", "q")]
    [InlineData("/api/v1/agencies?province=Vinh%0APhuc", "province", "một dòng")]
    [InlineData("/api/v1/jobs/deadline%01-reminders/runs", "name")] // a NUL in the path never gets past the server (Kestrel, TestServer)
    public async Task Should_refuse_control_characters_in_query_strings_and_route_values(string url, string field, string message = "ký tự điều khiển")
    {
        var client = await app.ClientForAsync(Secretariat);
        await AssertRefused(await client.GetAsync(url), field, message);
    }

    [Fact]
    public async Task Should_refuse_a_NUL_in_a_note_in_English_when_asked_and_keep_the_task_as_it_was()
    {
        var client = await app.ClientForAsync(Officer);
        var (taskId, version) = await LeadTask(0);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/tasks/{taskId}/progress")
        {
            Content = JsonContent.Create(new { version, status = "inProgress", percentComplete = 40, note = "Đã\0 làm" }),
        };
        request.Headers.AcceptLanguage.ParseAdd("en-US");

        await AssertRefused(await client.SendAsync(request), "note", "control character");
        Assert.Equal(version, (await LeadTaskState(taskId)).Version);
    }

    [Fact]
    public async Task Should_keep_line_breaks_in_a_note_and_refuse_them_in_a_title()
    {
        var officer = await app.ClientForAsync(Officer);
        var (taskId, version) = await LeadTask(1);
        var saved = await officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "inProgress", percentComplete = 40, note = "Đã làm:\r\n\t- bước một\n- bước hai" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        var secretariat = await app.ClientForAsync(Secretariat);
        var planId = await PlanId();
        var tasksBefore = await TaskCount(planId);
        var added = await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "X.99", title = "Dòng một\r\nBcc: ai@do.vn", leadAgencyId = await AgencyId() });
        await AssertRefused(added, "title", "một dòng");
        Assert.Equal(tasksBefore, await TaskCount(planId));
    }

    [Fact]
    public async Task Should_refuse_a_control_character_in_a_nested_field_by_its_path()
    {
        var client = await app.ClientForAsync(Secretariat);
        var response = await client.PostAsJsonAsync("/api/v1/imports/drafts/1/merges", new { version = 1, itemIds = new[] { "a", "b\u0007" } });
        await AssertRefused(response, "itemIds[1]", "ký tự điều khiển");
    }

    [Fact]
    public async Task Should_refuse_a_NUL_in_a_form_field_and_a_control_character_in_an_uploaded_file_name()
    {
        var client = await app.ClientForAsync(Officer);
        var (taskId, _) = await LeadTask(2);
        var evidenceBefore = await EvidenceCount(taskId);

        var number = await client.PostAsync($"/api/v1/tasks/{taskId}/evidence",
            new MultipartFormDataContent { { new StringContent("12/QĐ\0-UBND"), "documentNumber" } });
        await AssertRefused(number, "documentNumber", "ký tự điều khiển");

        var file = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4"u8.ToArray()), "file", "bien-ban\u0001.pdf" } };
        await AssertRefused(await client.PostAsync($"/api/v1/tasks/{taskId}/evidence", file), "file", "ký tự điều khiển");

        Assert.Equal(evidenceBefore, await EvidenceCount(taskId));
    }

    [Fact]
    public async Task Should_answer_a_page_asked_for_a_NUL_with_400_not_500()
    {
        var client = await PageClient.SignInAsync(app, Officer);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Search?q=a%00b")).StatusCode);
        // A hand-edited page number: the list page shows why, instead of failing.
        var tasks = await client.GetAsync("/Tasks?trang=2147483647"); // "trang": see Pager (decision 0021)
        var html = await tasks.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
        Assert.True(html.Contains("100000"), html[html.IndexOf("<h1>", StringComparison.Ordinal)..][..600]);
    }

    [Theory]
    [InlineData("/api/v1/tasks?dueBefore=9999-12-31", "dueBefore")]
    [InlineData("/api/v1/tasks?dueAfter=0050-01-01", "dueAfter")]
    [InlineData("/api/v1/my/tasks?dueBefore=2101-01-01", "dueBefore")]
    [InlineData("/api/v1/reports/compliance?year=9999&quarter=4", "year")]
    [InlineData("/api/v1/reports/quarterly?year=50", "year")]
    [InlineData("/api/v1/dashboard?period=9999-Q4", "period")]
    [InlineData("/api/v1/dashboard?period=1900", "period")]
    [InlineData("/api/v1/tasks/drilldown?overdueOn=9999-12-31", "drillDown.overdueOn")]
    [InlineData("/api/v1/tasks?page=2147483647", "page")]
    [InlineData("/api/v1/tasks?page=0", "page")]
    [InlineData("/api/v1/my/tasks?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/tasks/drilldown?page=2147483647", "page")]
    [InlineData("/api/v1/search?q=so&limit=2147483647", "limit")]
    public async Task Should_refuse_dates_years_and_paging_out_of_bounds(string url, string field)
    {
        var client = await app.ClientForAsync(Secretariat);
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), body.ToString());
    }

    [Fact]
    public async Task Should_refuse_typed_dates_and_deadline_phrases_outside_1945_to_2100()
    {
        var officer = await app.ClientForAsync(Officer);
        var (taskId, _) = await LeadTask(3);
        await AssertRefused(await officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/extension-requests",
            new { requestedDueOn = "9999-12-31", reason = "Chờ kinh phí" }), "requestedDueOn", "1945");

        var secretariat = await app.ClientForAsync(Secretariat);
        await AssertRefused(await secretariat.PostAsJsonAsync("/api/v1/jobs/deadline-reminders/runs", new { asOf = "0050-01-01" }), "asOf", "1945");
        var planId = await PlanId();
        var before = await TaskCount(planId);
        foreach (var phrase in new[] { "Quý IV năm 9999", "Năm 0000", "trước tháng 1 năm 0000", "31/12/2101", "99999999999 ngày làm việc kể từ ngày 05/02/2024" })
            await AssertRefused(await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
                new { code = "X.98", title = "Nhiệm vụ thử", leadAgencyId = await AgencyId(), deadlineText = phrase }), "deadlineText", phrase);
        await AssertRefused(await secretariat.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks",
            new { code = "X.97", title = "Nhiệm vụ thử", leadAgencyId = await AgencyId(), deadline = new { kind = "date", dueOn = "0050-06-30" } }),
            "deadline.dueOn", "1945");
        await AssertRefused(await secretariat.PostAsJsonAsync("/api/v1/reports/periods",
            new { startOn = "2026-01-01", endOn = "9999-12-31", dataCutOffOn = "2026-12-31", submissionDueOn = "2027-01-10" }), "endOn", "1945");
        Assert.Equal(before, await TaskCount(planId));
    }

    [Fact]
    public void Should_read_deadlines_inside_the_bounds_and_no_deadline_outside_them()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), DeadlineParser.Parse("Quý IV năm 2026")!.DueOn);
        Assert.Equal(new DateOnly(2100, 12, 31), DeadlineParser.Parse("Năm 2100")!.DueOn);
        Assert.Null(DeadlineParser.Parse("Quý IV năm 9999"));
        Assert.Null(DeadlineParser.Parse("Năm 0000"));
        Assert.Null(DeadlineParser.Parse("Giai đoạn 1900-2030"));
        Assert.Null(DeadlineParser.Parse("trước tháng 1 năm 0000"));
        Assert.Null(DeadlineParser.Parse("31/12/9999"));
        Assert.NotNull(Deadline.Check(DeadlineKind.Date, null, new DateOnly(50, 1, 1), null));
    }

    [Fact]
    public async Task Should_read_a_document_whose_dates_are_outside_the_bounds_without_them()
    {
        var client = await app.ClientForAsync(Secretariat);
        var text = PlanTracker.Tests.Drafting.DraftReviewApiTests.Plan
            .Replace("ngày 15 tháng 3 năm 2025", "ngày 15 tháng 3 năm 0000")
            .Replace("trong Quý IV-2025", "trong 0 ngày làm việc kể từ ngày 31/12/9999")
            .Replace("hoàn thành trong tháng 12 năm 2025", "hoàn thành trong Quý IV năm 9999");

        var response = await client.PostAsJsonAsync("/api/v1/imports", new { text });

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        Assert.DoesNotContain("9999-", body);
        Assert.DoesNotContain("0000-", body);
    }

    [Fact]
    public async Task Should_report_a_table_row_with_a_deadline_outside_the_bounds_as_a_row_error()
    {
        var client = await app.ClientForAsync(Secretariat);
        var csv = "STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành\n1;Nhiệm vụ xa;Sở Nội vụ;;Quý IV năm 9999";
        var preview = await (await client.PostAsync($"/api/v1/plans/{await PlanId()}/imports/preview",
            new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "phu-luc.csv" } })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("errorCount").GetInt32() == 1, preview.ToString());
    }

    [Fact]
    public async Task Should_let_only_the_secretariat_cancel_a_task()
    {
        var officer = await app.ClientForAsync(Officer);
        var (taskId, version) = await LeadTask(4);
        var refused = await officer.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "cancelled", percentComplete = 0, note = "Không thực hiện nữa" });
        await AssertRefused(refused, "status", "cơ quan thường trực");
        var state = await LeadTaskState(taskId);
        Assert.Equal(version, state.Version);
        Assert.NotEqual(PlanTaskStatus.Cancelled, state.Status);

        var secretariat = await app.ClientForAsync(Secretariat);
        var cancelled = await secretariat.PostAsJsonAsync($"/api/v1/tasks/{taskId}/progress",
            new { version, status = "cancelled", percentComplete = 0, note = "Hủy theo Kết luận của Ban Chỉ đạo" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal(PlanTaskStatus.Cancelled, (await LeadTaskState(taskId)).Status);
    }

    [Fact]
    public async Task Should_refuse_a_docx_zip_bomb_unread()
    {
        var client = await app.ClientForAsync(Secretariat);
        var bomb = Package(("word/document.xml", 600L * 1024 * 1024)); // the 600 MB of XML, under 1 MB on disk
        Assert.True(bomb.Length < 1_000_000, $"{bomb.Length} bytes");
        var drafts = await DraftCount();

        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent(bomb), "file", "ke-hoach.docx" } });
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        output.WriteLine($"{bomb.Length:N0} bytes on disk refused in {watch.ElapsedMilliseconds} ms, {allocated / 1024 / 1024} MB allocated");

        await AssertRefused(response, "file", "giải nén");
        // Inflating stops at the 64 MB limit and never keeps what it inflated: the process does not grow by the XML.
        Assert.True(allocated < 48L * 1024 * 1024, $"{allocated:N0} bytes allocated");
        Assert.Equal(drafts, await DraftCount());
    }

    [Fact]
    public async Task Should_refuse_an_xlsx_compressed_beyond_the_ratio_and_a_damaged_one()
    {
        var client = await app.ClientForAsync(Secretariat);
        var url = $"/api/v1/plans/{await PlanId()}/imports/preview";
        var dense = Package(("xl/worksheets/sheet1.xml", 8L * 1024 * 1024)); // under the total, far over the ratio
        await AssertRefused(await client.PostAsync(url, new MultipartFormDataContent { { new ByteArrayContent(dense), "file", "phu-luc.xlsx" } }),
            "file", "tỷ lệ nén");

        var damaged = Package(("[Content_Types].xml", 0L));
        await AssertRefused(await client.PostAsync(url, new MultipartFormDataContent { { new ByteArrayContent(damaged), "file", "hong.xlsx" } }), "file", "hong.xlsx");
        var notZip = "PK\u0003\u0004 not really a zip"u8.ToArray();
        await AssertRefused(await client.PostAsync(url, new MultipartFormDataContent { { new ByteArrayContent(notZip), "file", "gia.xlsx" } }), "file", "gia.xlsx");
    }

    [Theory]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("https%3A%2F%2Fevil.example%2F")]
    [InlineData("%2FPlans%0D%0ASet-Cookie%3A%20a%3Db")]
    public async Task Should_refuse_a_culture_switch_that_would_leave_the_site(string returnUrl)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync($"/culture?c=en&returnUrl={returnUrl}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        var local = await client.GetAsync("/culture?c=en&returnUrl=%2FPlans%3Fx%3D1");
        Assert.Equal(HttpStatusCode.Redirect, local.StatusCode);
        Assert.Equal("/Plans?x=1", local.Headers.Location!.OriginalString);
    }

    [Fact]
    public void Should_walk_every_request_type_of_the_core_without_failing()
    {
        var requests = typeof(InputRules).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && t.GetInterfaces().Any(i => i == typeof(IBaseRequest)))
            .ToList();
        Assert.True(requests.Count > 50, $"{requests.Count} request types");
        foreach (var type in requests)
            InputWalker.Validate(RuntimeHelpers.GetUninitializedObject(type)); // defaults: nulls and 01/01/0001, never a throw
    }

    private static async Task AssertRefused(HttpResponseMessage response, string field, string messagePart)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no '{field}' in {text}");
        Assert.Contains(messagePart, messages[0].GetString()!, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A ZIP whose entries inflate to the given sizes of one repeated byte: megabytes of XML in kilobytes.</summary>
    private static byte[] Package(params (string Name, long Size)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, size) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write("<?xml version=\"1.0\"?><broken"u8);
                var block = Enumerable.Repeat((byte)' ', 64 * 1024).ToArray();
                for (long written = 0; written < size; written += block.Length) stream.Write(block);
            }
        return memory.ToArray();
    }

    /// <summary>The <paramref name="index"/>-th open task the officer's agency leads in the Vĩnh Phúc plan: one per test.</summary>
    private async Task<(long Id, int Version)> LeadTask(int index)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var agencyId = await db.Users.Where(u => u.Email == Officer).Select(u => u.AgencyId).SingleAsync();
        var task = await db.Tasks.Where(t => t.Plan.Key == "vinh-phuc/kh-36a" && t.LeadAgencyId == agencyId && !t.IsGroup
                && t.Status != PlanTaskStatus.Cancelled && t.Status != PlanTaskStatus.Done)
            .OrderBy(t => t.Id).Skip(index).Select(t => new { t.Id, t.Version }).FirstAsync();
        return (task.Id, task.Version);
    }

    private async Task<long> AgencyId()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Users.Where(u => u.Email == Officer).Select(u => u.AgencyId).SingleAsync())!.Value;
    }

    private async Task<(int Version, PlanTaskStatus Status)> LeadTaskState(long taskId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var task = await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        return (task.Version, task.Status);
    }

    private async Task<long> PlanId()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>().Plans.Where(p => p.Key == "vinh-phuc/kh-36a").Select(p => p.Id).SingleAsync();
    }

    private Task<int> TaskCount(long planId) => Count(db => db.Tasks.CountAsync(t => t.PlanId == planId));
    private Task<int> EvidenceCount(long taskId) => Count(db => db.Set<Evidence>().CountAsync(e => e.TaskId == taskId));
    private Task<int> DraftCount() => Count(db => db.Set<DocumentDraft>().CountAsync());

    private async Task<int> Count(Func<PlanTrackerDbContext, Task<int>> count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>());
    }
}

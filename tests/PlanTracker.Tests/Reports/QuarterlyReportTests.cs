using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using PlanTracker.Core.Reporting;
using PlanTracker.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace PlanTracker.Tests.Reports;

public sealed class QuarterlyReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Secretariat = "thuongtruc@plantracker.local";
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task Should_compile_Quy_IV_2016_as_a_Word_and_an_Excel_file_whose_content_agrees_with_the_database()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        await RecordActualsAsync(2016, 4, ("II.2.c-1", 0, 100m), ("II.2.c-1", 1, 0.5m));

        var response = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 4 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2016-12-31", result.GetProperty("dataAsOf").GetString()); // a past quarter is reported as it stood at its end
        var files = result.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["docx", "xlsx"], files.Select(f => f.GetProperty("kind").GetString()));
        var (overdue, tasks) = await CountAsync("2016-12-31");
        Assert.Equal(3, overdue);
        var compliance = await secretariat.GetFromJsonAsync<JsonElement>("/api/v1/reports/compliance?year=2016&quarter=4");

        // Word: the administrative header and title, the overdue table row by row, counts as the database counts them.
        using var docx = await DownloadAsync(secretariat, files[0].GetProperty("id").GetInt64(), Docx, "Báo cáo Quý IV-2016 tỉnh Vĩnh Phúc.docx");
        using (var word = WordprocessingDocument.Open(docx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(word));
            var body = word.MainDocumentPart!.Document.Body!;
            var text = body.InnerText;
            Assert.Contains("UBND TỈNH VĨNH PHÚC", text);
            Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
            Assert.Contains("Độc lập - Tự do - Hạnh phúc", text);
            Assert.Contains("Vĩnh Phúc, ngày 22 tháng 11 năm 2026", text);
            var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
            var title = paragraphs.IndexOf("BÁO CÁO");
            Assert.True(title >= 0, "no BÁO CÁO title");
            Assert.EndsWith("Quý IV/2016", paragraphs[title + 1]);
            Assert.Contains("IV. CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO", paragraphs);
            Assert.Contains(paragraphs, p => p.Contains($"{compliance.GetProperty("missing").GetInt32()}/{compliance.GetProperty("total").GetInt32()} đơn vị chưa gửi báo cáo"));

            var overdueTable = Rows(TableWithHeader(body, "Thời gian quá hạn"));
            Assert.Equal(["STT", "Nhiệm vụ", "Văn bản giao", "Cơ quan chủ trì", "Thời hạn", "Thời gian quá hạn"], overdueTable[0]);
            Assert.Equal(overdue, overdueTable.Count - 1);
            var row = overdueTable.Single(r => r[1].StartsWith("II.2.c-1. ", StringComparison.Ordinal));
            Assert.Equal(["Sở TT&TT", "Quý I/2016", "quá hạn 9 tháng"], row[3..]);

            var byPlan = Rows(TableWithHeader(body, "Kế hoạch"));
            Assert.Equal(["Tổng cộng", tasks.ToString()], byPlan[^1][..2]);
            Assert.Equal(overdue.ToString(), byPlan[^1][byPlan[0].IndexOf("Đang thực hiện quá hạn")]);
            var byAgency = Rows(TableWithHeader(body, "Cơ quan chủ trì"));
            Assert.Equal(tasks.ToString(), byAgency[^1][1]);

            var targets = Rows(TableWithHeader(body, "Đánh giá"));
            Assert.Equal(16, targets.Count); // the plan's 15 targets and the header
            Assert.Equal(["≥ 100%", "100%", "Đạt"], targets.First(r => r[1] == "II.2.c-1")[3..]);
            Assert.Equal(["≥ 1 lần/ngày", "0,5 lần/ngày", "Không đạt"], targets.Last(r => r[1] == "II.2.c-1")[3..]);
            Assert.Contains(paragraphs, p => p == "Tổng số 15 chỉ tiêu: đạt 1; không đạt 1; chưa có số liệu 13.");
        }

        // Excel: the same numbers, as numbers.
        using var xlsx = await DownloadAsync(secretariat, files[1].GetProperty("id").GetInt64(), Xlsx, "Báo cáo Quý IV-2016 tỉnh Vĩnh Phúc.xlsx");
        using (var excel = SpreadsheetDocument.Open(xlsx, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(excel));
            var summary = Sheet(excel, "Tổng hợp");
            Assert.Contains("Quý IV/2016", summary[1][0]);
            Assert.Equal(tasks.ToString(), summary.Single(r => r[0] == "Tổng số")[1]);
            var overdueSheet = Sheet(excel, "Quá hạn");
            Assert.Equal(overdue, overdueSheet.Count - 2); // title and header
            var row = overdueSheet.Single(r => r.Length > 1 && r[1] == "II.2.c-1");
            Assert.Equal("quá hạn 9 tháng", row[7]);
            Assert.Equal("275", row[8]); // 31/03/2016 to 31/12/2016
            Assert.Equal(Sheet(excel, "Chưa báo cáo").Count - 2, compliance.GetProperty("missing").GetInt32());
        }
    }

    [Fact]
    public async Task Should_keep_every_version_and_let_any_signed_in_user_list_and_download_them()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");

        var first = await (await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2017, quarter = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2017, quarter = 1 })).Content.ReadFromJsonAsync<JsonElement>();
        var listed = await officer.GetFromJsonAsync<JsonElement>("/api/v1/reports/quarterly?year=2017&quarter=1");

        Assert.Equal(1, first.GetProperty("version").GetInt32());
        Assert.Equal(2, second.GetProperty("version").GetInt32());
        Assert.Equal([2, 2, 1, 1], listed.EnumerateArray().Select(f => f.GetProperty("version").GetInt32()));
        Assert.All(listed.EnumerateArray(), f => Assert.Equal("Nguyễn Văn Thường Trực", f.GetProperty("createdBy").GetString()));
        var newest = listed[0];
        Assert.Equal("Báo cáo Quý I-2017 tỉnh Vĩnh Phúc (lần 2).docx", newest.GetProperty("fileName").GetString());
        using var older = await DownloadAsync(officer, listed[2].GetProperty("id").GetInt64(), Docx, "Báo cáo Quý I-2017 tỉnh Vĩnh Phúc.docx");
        Assert.Equal(listed[2].GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(older)));
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync("/api/v1/reports/quarterly/999999/file")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_officers_bad_quarters_and_quarters_not_begun_and_write_nothing()
    {
        var secretariat = await app.ClientForAsync(Secretariat);
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var before = await StoredAsync();

        var forbidden = await officer.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 3 });
        var badQuarter = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 5 });
        var future = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2027, quarter = 1 });
        var otherProvince = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2016, quarter = 3, province = "dak-lak" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badQuarter.StatusCode);
        Assert.True((await badQuarter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quarter", out _));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.True((await future.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("quarter", out _));
        Assert.Equal(HttpStatusCode.Forbidden, otherProvince.StatusCode);
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task Should_let_an_administrator_compile_a_named_province_and_ask_for_the_province_otherwise()
    {
        var admin = await app.ClientForAsync("admin@plantracker.local");

        var unnamed = await admin.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2018, quarter = 3 });
        var named = await admin.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2018, quarter = 3, province = "dak-lak" });

        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.True((await unnamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("province", out _));
        Assert.Equal(HttpStatusCode.Created, named.StatusCode);
        var file = (await named.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files")[0];
        Assert.Equal("Đắk Lắk", file.GetProperty("province").GetString());
        using var docx = await DownloadAsync(admin, file.GetProperty("id").GetInt64(), Docx, "Báo cáo Quý III-2018 tỉnh Đắk Lắk.docx");
        using var word = WordprocessingDocument.Open(docx, false);
        Assert.Contains("UBND TỈNH ĐẮK LẮK", word.MainDocumentPart!.Document.Body!.InnerText);
    }

    [Fact]
    public async Task Should_compile_from_the_reports_page_and_list_the_files_for_everyone()
    {
        var secretariat = await PageClientAsync(Secretariat);
        var officer = await PageClientAsync("canbo.noivu@plantracker.local");

        var page = await secretariat.GetStringAsync("/Reports?Year=2017&Quarter=2");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var posted = await secretariat.PostAsync("/Reports?handler=Compile", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Year"] = "2017", ["Quarter"] = "2", ["__RequestVerificationToken"] = token,
        }));
        var officerPage = await officer.GetStringAsync("/Reports?Year=2017&Quarter=2");

        Assert.Contains("Tổng hợp báo cáo quý", page);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode); // followed the redirect back to the page
        Assert.Contains("Báo cáo Quý II-2017 tỉnh Vĩnh Phúc.xlsx", await posted.Content.ReadAsStringAsync());
        Assert.Contains("Báo cáo Quý II-2017 tỉnh Vĩnh Phúc.docx", officerPage);
        Assert.DoesNotContain("handler=Compile", officerPage);
        var link = System.Text.RegularExpressions.Regex.Match(officerPage, "href=\"(/reports/quarterly/\\d+/file)\"").Groups[1].Value;
        var download = await officer.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.StartsWith("application/vnd.openxmlformats-officedocument", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Should_write_a_quarter_to_any_stream_without_storing_anything()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var province = await db.Provinces.Where(p => p.Key == "bac-kan").Select(p => p.Id).SingleAsync();
        var buffer = new MemoryStream();

        await PlanTracker.Core.Reports.QuarterlyReportWriter.WriteXlsxAsync(db, province, 2019, 2, new ForwardOnlyStream(buffer));

        Assert.False(await db.ReportingPeriods.AnyAsync(p => p.Year == 2019 && p.Number == 2));
        Assert.False(await db.QuarterlyReports.AnyAsync(r => r.ProvinceId == province));
        buffer.Position = 0;
        using var excel = SpreadsheetDocument.Open(buffer, false);
        Assert.Empty(new OpenXmlValidator().Validate(excel));
        Assert.Equal("UBND TỈNH BẮC KẠN", Sheet(excel, "Tổng hợp")[0][0]);
    }

    private async Task<HttpClient> PageClientAsync(string email)
    {
        var client = app.CreateClient();
        var login = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(login, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        (await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = TestDatabases.DemoPassword, ["__RequestVerificationToken"] = token,
        }))).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<MemoryStream> DownloadAsync(HttpClient client, long id, string contentType, string fileName)
    {
        var response = await client.GetAsync($"/api/v1/reports/quarterly/{id}/file");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(fileName, response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(PlanTracker.Core.Common.TextKey.Ascii(fileName), response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.StartsWith("Bao cao Quy ", response.Content.Headers.ContentDisposition.FileName.Trim('"')); // readable without its diacritics
        var copy = new MemoryStream();
        await (await response.Content.ReadAsStreamAsync()).CopyToAsync(copy);
        copy.Position = 0;
        return copy;
    }

    /// <summary>Overdue and all tasks of Vĩnh Phúc's published plans on a day, as the SQL function counts them.</summary>
    private async Task<(int Overdue, int Tasks)> CountAsync(string day)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var on = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var counts = await db.Database.SqlQuery<Counted>($"""
            SELECT count(*) FILTER (WHERE task_timeliness(t.status, t.completed_on, t.deadline_kind,
                       coalesce(t.extended_due_on, t.deadline_due_on), {on}) = 'InProgressOverdue')::int AS "Overdue",
                   count(*)::int AS "Tasks"
            FROM plan_tasks t JOIN plans p ON p.id = t.plan_id JOIN provinces pr ON pr.id = p.province_id
            WHERE pr.key = 'vinh-phuc' AND p.status = 'Published' AND NOT t.is_group
            """).SingleAsync();
        return (counts.Overdue, counts.Tasks);
    }

    private sealed record Counted(int Overdue, int Tasks);

    /// <summary>Target actuals recorded for a quarter: (task code, the target's position on the task, value).</summary>
    private async Task RecordActualsAsync(int year, int quarter, params (string Code, int Index, decimal Value)[] actuals)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var period = await scope.ServiceProvider.GetRequiredService<ReportingCalendar>().PeriodNumberAsync(ReportingRegime.Quarterly, year, quarter, default);
        await db.SaveChangesAsync();
        foreach (var (code, index, value) in actuals)
        {
            var target = await db.Targets.Where(t => db.Tasks.Any(x => x.Id == t.TaskId && x.Code == code && x.Plan.Key == "vinh-phuc/kh-36a"))
                .OrderBy(t => t.SortOrder).Skip(index).FirstAsync();
            db.TargetActuals.Add(new TargetActual(target.Id, period.Id, value, null, null, app.Clock.GetUtcNow()));
        }
        await db.SaveChangesAsync();
    }

    private async Task<(int Rows, int Files)> StoredAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlanTrackerDbContext>();
        var folder = Path.Combine(app.EvidenceDirectory, "reports");
        return (await db.QuarterlyReports.CountAsync(), Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0);
    }

    private static W.Table TableWithHeader(W.Body body, string header) =>
        body.Elements<W.Table>().First(t => t.Elements<W.TableRow>().First().Elements<W.TableCell>().Any(c => c.InnerText == header));

    private static List<string[]> Rows(W.Table table) =>
        table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToArray()).ToList();

    private static List<string[]> Sheet(SpreadsheetDocument excel, string name)
    {
        var workbook = excel.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<X.Sheet>().Single(s => s.Name == name);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return part.Worksheet.Descendants<X.Row>()
            .Select(r => r.Elements<X.Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray()).ToList();
    }
}

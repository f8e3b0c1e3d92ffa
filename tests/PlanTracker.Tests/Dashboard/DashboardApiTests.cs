using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc.Testing;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Dashboard;

/// <summary>The dashboard through HTTP: who may see it, its JSON, the task list behind a number, the workbook, the page.</summary>
public sealed class DashboardApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Should_give_an_administrator_every_provinces_seed_documents_numbers_and_each_numbers_tasks()
    {
        // Every province at once is an administrator's view; the others' scopes are in ProvinceScopingTests.
        var client = await app.ClientForAsync("admin@plantracker.local");

        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboard");

        var counts = dashboard.GetProperty("counts");
        // The five seed documents' 253 tasks and the two national parents' (03/NQ-CP appendix II: 140; partial 36a/NQ-CP: 13; decision 0027).
        Assert.Equal(253 + 140 + 13, counts.GetProperty("total").GetInt32());
        var documents = counts.GetProperty("plans").EnumerateArray().Select(p => p.GetProperty("documentNumber").GetString()).ToList();
        Assert.Contains("168/QĐ-UBND", documents);
        Assert.Contains("671a/QĐ-UBND", documents);
        var overdue = counts.GetProperty("byTimeliness").GetProperty("inProgressOverdue").GetInt32();
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/tasks/drilldown?timeliness=inProgressOverdue&pageSize=1");
        Assert.Equal(overdue, list.GetProperty("total").GetInt32());
        Assert.Equal(overdue, dashboard.GetProperty("overdue").GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("canbo.noivu@plantracker.local")]
    [InlineData("giamdoc.noivu@plantracker.local")]
    public async Task Should_refuse_the_dashboard_to_agency_staff(string email)
    {
        var client = await app.ClientForAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Should_refuse_an_unreadable_period_naming_the_field()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var response = await client.GetAsync("/api/v1/dashboard?period=2026-Q7");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("period", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_download_every_table_as_a_workbook_and_one_table_alone()
    {
        var client = await SignedInPages("bcd@plantracker.local");

        var all = await client.GetAsync("/Dashboard?handler=Export&agencyLevel=Province");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", all.Content.Headers.ContentType?.MediaType);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await all.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Equal(7, workbook.WorkbookPart!.Workbook.Sheets!.Count());
            var overdue = Rows(workbook, "Quá hạn");
            Assert.Equal("Mục", overdue[1][0]);
            Assert.True(overdue.Count > 10);
        }
        var one = await client.GetAsync("/Dashboard?handler=Export&table=ranking&culture=en-US");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await one.Content.ReadAsByteArrayAsync()), false))
            Assert.Equal(["Ranking"], workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/Dashboard?handler=Export&table=nope")).StatusCode);
    }

    [Fact]
    public async Task Should_render_the_page_in_Vietnamese_and_English_with_links_behind_the_numbers()
    {
        var client = await SignedInPages("bcd@plantracker.local");
        var page = await client.GetStringAsync("/Dashboard");
        Assert.Contains("Tổng quan điều hành", page);
        Assert.Contains("/Tasks?timeliness=InProgressOverdue", page);
        Assert.Contains("Cách xếp hạng", page);
        Assert.Contains("/lib/chart.js/chart.umd.min.js", page);
        var tasks = await client.GetStringAsync("/Tasks?timeliness=InProgressOverdue&sort=Agency");
        Assert.Contains("Quá hạn", tasks);

        var english = await client.GetStringAsync("/Dashboard?culture=en-US");
        Assert.Contains("Agency ranking", english);
        Assert.Contains("Reporting compliance", english);

        var officer = await SignedInPages("canbo.noivu@plantracker.local");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/Dashboard")).StatusCode);
        Assert.DoesNotContain("href=\"/Dashboard\"", await officer.GetStringAsync("/My"));
    }

    [Fact]
    public async Task Should_serve_the_libraries_installed_by_the_build()
    {
        var client = await SignedInPages("bcd@plantracker.local");
        foreach (var path in new[] { "/lib/htmx/htmx.min.js", "/lib/chart.js/chart.umd.min.js", "/lib/bootstrap/bootstrap-grid.min.css" })
            Assert.True((await client.GetAsync(path)).IsSuccessStatusCode, path);
    }

    private async Task<HttpClient> SignedInPages(string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var form = await client.GetStringAsync("/Account/Login");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = TestDatabases.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        response.EnsureSuccessStatusCode();
        return client;
    }

    private static List<List<string>> Rows(SpreadsheetDocument workbook, string sheet)
    {
        var part = (WorksheetPart)workbook.WorkbookPart!.GetPartById(workbook.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet).Id!);
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }
}

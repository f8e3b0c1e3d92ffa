using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

/// <summary>Importing an appendix assignment table (Phụ lục) into a plan.</summary>
public sealed class ImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "STT;Nhiệm vụ;Cơ quan chủ trì;Cơ quan phối hợp;Thời gian hoàn thành";

    private static readonly string[] TenRows =
    [
        "1;Xây dựng kho dữ liệu dùng chung;Sở Thông tin và Truyền thông;Sở Nội vụ, Sở Tài chính;Quý II năm 2027",
        "2;Số hoá hồ sơ cán bộ;Sở Nội vụ tỉnh Vĩnh Phúc;Sở TT&TT;trước 31/12/2027",
        "3;Bố trí kinh phí chuyển đổi số;Sở Tài chính;Sở Kế hoạch và Đầu tư;hằng năm",
        "4;Cập nhật dịch vụ công trực tuyến;các Sở, ban, ngành;Sở Thông tin và Truyền thông;Định kỳ hàng quý",
        "5;Đào tạo kỹ năng số;SỞ NỘI VỤ;;Năm 2027",
        "6;Triển khai chữ ký số;Sở TT&TT;Văn phòng UBND tỉnh;Quý III/2027",
        "7;Giám sát an toàn thông tin;STTTT;;thường xuyên",
        "8;Kết nối phần mềm quản lý văn bản;Sở TT&TT;\"Văn phòng UBND tỉnh; các Sở, ban, ngành\";trước tháng 7/2027",
        "9;Thanh toán trực tuyến;Sở Tài chính;;Giai đoạn 2027-2028",
        "10;Báo cáo kết quả;Sở Nội vụ;Sở TT&TT;đột xuất",
    ];

    [Fact]
    public async Task Should_preview_and_import_a_ten_row_csv_table_all_at_once()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var planId = await PlanId(client);
        var csv = string.Join("\n", TenRows.Prepend(Header));

        var preview = await (await client.PostAsync($"/api/v1/plans/{planId}/imports/preview", File("phu-luc.csv", csv)))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(preview.GetProperty("errorCount").GetInt32() == 0, preview.ToString());
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(10, rows.Count);
        Assert.Equal("Sở Nội vụ", rows[1].GetProperty("lead").GetProperty("name").GetString());
        Assert.Equal(["Sở Nội vụ", "Sở Tài chính"], rows[0].GetProperty("coordinating").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        Assert.Equal("2027-06-30", rows[0].GetProperty("dueOn").GetString());
        Assert.True(rows[7].GetProperty("coordinating").GetArrayLength() == 2, rows[7].ToString()); // "Văn phòng UBND tỉnh; các Sở, ban, ngành"

        var before = await Total(client, planId);
        var imported = await client.PostAsync($"/api/v1/plans/{planId}/imports", File("phu-luc.csv", csv));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Equal(10, (await imported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        Assert.True(await Total(client, planId) > before + 9); // row 4 fans out over the group's members
    }

    [Fact]
    public async Task Should_import_nothing_when_a_row_has_an_unknown_agency_or_an_unreadable_deadline()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var planId = await PlanId(client);
        var csv = string.Join("\n", new[] { Header, "1;Nhiệm vụ A;Sở Không Tồn Tại;;Năm 2027", "2;Nhiệm vụ B;Sở Nội vụ;;sớm nhất có thể", "3;Nhiệm vụ C;Sở Nội vụ;;Năm 2027" });
        var before = await Total(client, planId);

        var preview = await (await client.PostAsync($"/api/v1/plans/{planId}/imports/preview", File("loi.csv", csv, "ERR."))).Content.ReadFromJsonAsync<JsonElement>();
        var response = await client.PostAsync($"/api/v1/plans/{planId}/imports", File("loi.csv", csv, "ERR."));

        Assert.Equal(2, preview.GetProperty("errorCount").GetInt32());
        Assert.Contains("unknown lead agency 'Sở Không Tồn Tại'", preview.GetProperty("rows")[0].GetProperty("errors")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("dòng 2", body);
        Assert.Contains("dòng 3", body);
        Assert.Equal(before, await Total(client, planId));
    }

    [Fact]
    public async Task Should_read_an_xlsx_table()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var planId = await PlanId(client);
        var content = new ByteArrayContent(Xlsx([Header.Split(';'), "1;Lập hồ sơ điện tử;Sở Nội vụ;Sở TT&TT;Quý IV năm 2027".Split(';')]));

        var preview = await (await client.PostAsync($"/api/v1/plans/{planId}/imports/preview",
            new MultipartFormDataContent { { content, "file", "phu-luc.xlsx" }, { new StringContent("X."), "codePrefix" } })).Content.ReadFromJsonAsync<JsonElement>();

        var row = Assert.Single(preview.GetProperty("rows").EnumerateArray());
        Assert.Equal("X.1", row.GetProperty("code").GetString());
        Assert.Equal("quarter", row.GetProperty("deadlineKind").GetString());
        Assert.Equal(0, row.GetProperty("errors").GetArrayLength());
    }

    private static async Task<long> PlanId(HttpClient client)
    {
        var plans = await client.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        return plans.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "vinh-phuc/kh-36a").GetProperty("id").GetInt64();
    }

    private static async Task<int> Total(HttpClient client, long planId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks?planId={planId}")).GetProperty("total").GetInt32();

    // Each test numbers its rows apart, so that the tests of this class never collide on codes.
    [Fact]
    public async Task Should_name_a_control_character_in_the_preview_as_the_import_refuses_it()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var planId = await PlanId(client);
        var csv = string.Join("\n", Header, "1;Việc có ký tự\u0007 lạ;Sở Nội vụ;;Năm 2027");

        var preview = await (await client.PostAsync($"/api/v1/plans/{planId}/imports/preview", File("ky-tu.csv", csv)))
            .Content.ReadFromJsonAsync<JsonElement>();
        var import = await client.PostAsync($"/api/v1/plans/{planId}/imports", File("ky-tu.csv", csv));

        Assert.Equal(1, preview.GetProperty("errorCount").GetInt32());
        Assert.Contains("U+0007", preview.GetProperty("rows")[0].GetProperty("errors")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, import.StatusCode);
    }

    private static MultipartFormDataContent File(string name, string text, string codePrefix = "PL.") =>
        new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name }, { new StringContent(codePrefix), "codePrefix" } };

    private static byte[] Xlsx(string[][] rows)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var cells in rows)
                data.Append(new Row(cells.Select(c => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(c)) })));
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Phụ lục" }));
        }
        return memory.ToArray();
    }
}

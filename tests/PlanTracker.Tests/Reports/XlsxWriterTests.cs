using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using PlanTracker.Core.Reports;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Reports;

/// <summary>The one workbook writer, as the dashboard exports use it, and why it packages the parts itself.</summary>
public sealed class XlsxWriterTests
{
    [Fact]
    public void Should_write_tables_with_real_numbers_dates_and_shares_to_a_forward_only_stream()
    {
        var buffer = new MemoryStream();
        XlsxTables.Write(new ForwardOnlyStream(buffer), [
            new XlsxTable("Quá hạn", "Nhiệm vụ quá hạn — đến ngày 22/11/2026", ["Mã", "Nhiệm vụ", "Hạn", "Số ngày", "Tiến độ"],
                [["2#10", "Số hóa hồ sơ\u0001", new DateOnly(2026, 9, 30), 53, new Percent(0.4)], [null, "", null, 1.5, null]]),
            new XlsxTable("Quá hạn", "Bảng thứ hai, cùng tên", ["A"], []),
            new XlsxTable("Cơ quan [A/B]: xếp hạng theo tỷ lệ đúng hạn của năm", "Tên quá dài", ["A"], []),
        ]);

        buffer.Position = 0;
        using var excel = SpreadsheetDocument.Open(buffer, false);
        Assert.Empty(new OpenXmlValidator().Validate(excel));
        var workbook = excel.WorkbookPart!;
        Assert.Equal(["Quá hạn", "Quá hạn 2", "Cơ quan AB xếp hạng theo tỷ"],
            workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!));

        var sheet = ((WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!)).Worksheet;
        var pane = sheet.Descendants<Pane>().Single();
        Assert.Equal(("A3", PaneStateValues.Frozen), (pane.TopLeftCell!.Value, pane.State!.Value));
        var cells = sheet.Descendants<Row>().ElementAt(2).Elements<Cell>().ToList();
        Assert.Equal("Số hóa hồ sơ", cells[1].InnerText); // a control character would make the file unreadable
        Assert.Equal(new DateOnly(2026, 9, 30).ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture), cells[2].CellValue!.Text);
        Assert.Equal("dd/mm/yyyy", Format(workbook, cells[2]));
        Assert.Equal("53", cells[3].CellValue!.Text);
        Assert.Equal(("0.4", 9u), (cells[4].CellValue!.Text, Style(workbook, cells[4]).NumberFormatId!.Value)); // 9 = "0%"
    }

    /// <summary>
    /// Why <c>StreamingPackage</c> stays with Open XML SDK 3.3.0: the SDK's own package needs a
    /// readable, seekable stream (it holds each part in memory until it is saved: 227 MB for a
    /// 100,000-row sheet, measured), and a write-only System.IO.Packaging package cannot hand out
    /// parts. If an SDK upgrade makes this test fail, it streams by itself: drop StreamingPackage.
    /// </summary>
    [Fact]
    public void The_SDK_package_still_cannot_write_to_a_forward_only_stream()
    {
        Assert.ThrowsAny<Exception>(() =>
        {
            using var document = SpreadsheetDocument.Create(new ForwardOnlyStream(new MemoryStream()), SpreadsheetDocumentType.Workbook);
            using var writer = OpenXmlWriter.Create(document.AddWorkbookPart().AddNewPart<WorksheetPart>());
            writer.WriteElement(new Worksheet(new SheetData()));
        });
        Assert.ThrowsAny<IOException>(() =>
        {
            using var package = System.IO.Packaging.Package.Open(new ForwardOnlyStream(new MemoryStream()), FileMode.Create, FileAccess.Write);
            using var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook);
            using var writer = OpenXmlWriter.Create(document.AddWorkbookPart().AddNewPart<WorksheetPart>());
            writer.WriteElement(new Worksheet(new SheetData()));
        });
    }

    private static CellFormat Style(WorkbookPart workbook, Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);

    private static string? Format(WorkbookPart workbook, Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .SingleOrDefault(f => f.NumberFormatId!.Value == Style(workbook, cell).NumberFormatId!.Value)?.FormatCode?.Value;
}

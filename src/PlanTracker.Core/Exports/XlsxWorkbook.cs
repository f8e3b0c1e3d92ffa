using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanTracker.Core.Exports;

/// <summary>A share shown as a percentage in the workbook (0.75 → 75%).</summary>
public readonly record struct Percent(double Value);

/// <summary>One table of a workbook: a title line, a bold header row, then the rows.</summary>
public sealed record XlsxSheet(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>
/// Writes tables to an .xlsx workbook with the Open XML SDK (ClosedXML is not in the registry).
/// Numbers stay numbers, days are real dates shown dd/MM/yyyy, shares are percentages, so the
/// workbook can be sorted and summed as it is.
/// </summary>
public static class XlsxWorkbook
{
    private const uint Bold = 1, Date = 2, Share = 3, Heading = 4;

    public static byte[] Write(IEnumerable<XlsxSheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var list = workbook.Workbook.AppendChild(new Sheets());
            uint sheetId = 1;
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Worksheet(sheet);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = UniqueName(sheet.Name, names) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Worksheet Worksheet(XlsxSheet sheet)
    {
        var data = new SheetData();
        data.Append(Row(1, [sheet.Title], Heading));
        data.Append(Row(2, sheet.Headers.Cast<object?>().ToList(), Bold));
        uint r = 3;
        foreach (var row in sheet.Rows) data.Append(Row(r++, row, null));

        var widths = new Columns();
        for (var c = 0; c < sheet.Headers.Count; c++)
        {
            var longest = sheet.Rows.Take(500).Select(row => c < row.Count ? Text(row[c]).Length : 0).Append(sheet.Headers[c].Length).Max();
            widths.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Clamp(longest + 2, 6, 60), CustomWidth = true });
        }
        // The title and the header stay in sight while scrolling.
        var view = new SheetView { WorkbookViewId = 0 };
        view.Append(new Pane { VerticalSplit = 2, TopLeftCell = "A3", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        return new Worksheet(new SheetViews(view), widths, data);
    }

    private static Row Row(uint index, IReadOnlyList<object?> values, uint? style)
    {
        var row = new Row { RowIndex = index };
        for (var c = 0; c < values.Count; c++)
        {
            var cell = Cell(values[c]);
            cell.CellReference = ColumnName(c) + index.ToString(CultureInfo.InvariantCulture);
            if (style is { } s) cell.StyleIndex = s;
            row.Append(cell);
        }
        return row;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        int or long or decimal or double or float => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        Percent p => new Cell { DataType = CellValues.Number, StyleIndex = Share, CellValue = new CellValue(p.Value.ToString("R", CultureInfo.InvariantCulture)) },
        DateOnly d => new Cell
        {
            StyleIndex = Date,
            CellValue = new CellValue((d.ToDateTime(TimeOnly.MinValue).ToOADate()).ToString(CultureInfo.InvariantCulture)),
        },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Text(value)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly => "00/00/0000",
        Percent => "100%",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).ToArray()).Trim();
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 28)];
        var candidate = clean;
        for (var i = 2; !taken.Add(candidate); i++) candidate = $"{clean} {i}";
        return candidate;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(),
            new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold()),
            new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontSize { Val = 13 })) { Count = 3 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 9, ApplyNumberFormat = true },
            new CellFormat { FontId = 2, ApplyFont = true }) { Count = 5 });
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PlanTracker.Core.Reports;

/// <summary>A share shown as a percentage in the workbook (0.75 → 75%).</summary>
public readonly record struct Percent(double Value);

/// <summary>
/// The one workbook writer: the quarterly report and the dashboard exports both go through it.
/// Sheet by sheet, row by row, with inline strings (a shared-string table would have to be held
/// until the end), straight to the output through <see cref="StreamingPackage"/>, so memory stays
/// flat whatever the number of rows. The workbook part names every sheet up front, so the sheets
/// are then written in that order, each once. Numbers stay numbers, days are real dates shown
/// dd/MM/yyyy, shares are percentages: the workbook can be sorted and summed as it is.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private readonly StreamingPackage _package;
    private readonly IReadOnlyList<string> _sheets;
    private int _next;
    private bool _finished;

    public XlsxWriter(Stream output, IReadOnlyList<string> sheetNames)
    {
        _sheets = UniqueNames(sheetNames);
        _package = new StreamingPackage(output);
        _package.Relate("", "rId1", Relationships + "officeDocument", "xl/workbook.xml");
        using (var workbook = _package.Part("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"))
            workbook.Xml.WriteElement(new Workbook(new Sheets(_sheets.Select((name, i) =>
                new Sheet { Name = name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" }))));
        _package.Relate("xl/workbook.xml", "rIdStyles", Relationships + "styles", "styles.xml");
        using (var styles = _package.Part("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"))
            styles.Xml.WriteElement(Stylesheet());
    }

    /// <summary>The next sheet, in the order named; dispose it before asking for the one after.</summary>
    public XlsxSheet NextSheet(params double[] columnWidths) => NextSheet(0, columnWidths);

    /// <summary>The next sheet, its first <paramref name="frozenRows"/> rows kept in sight while scrolling.</summary>
    public XlsxSheet NextSheet(int frozenRows, IReadOnlyList<double> columnWidths)
    {
        var index = ++_next;
        if (index > _sheets.Count) throw new InvalidOperationException("Every sheet named in the workbook is already written.");
        _package.Relate("xl/workbook.xml", $"rId{index}", Relationships + "worksheet", $"worksheets/sheet{index}.xml");
        return new XlsxSheet(_package.Part($"xl/worksheets/sheet{index}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"),
            frozenRows, columnWidths);
    }

    public void Finish()
    {
        if (_next != _sheets.Count) throw new InvalidOperationException($"{_sheets.Count - _next} sheet(s) not written.");
        _finished = true;
        _package.Finish();
    }

    public void Dispose()
    {
        if (!_finished) _package.Dispose();
    }

    /// <summary>Excel refuses names over 31 characters, with []:*?/\ or twice the same (ignoring case).</summary>
    private static List<string> UniqueNames(IReadOnlyList<string> names)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return names.Select(name =>
        {
            var clean = new string(name.Where(ch => "[]:*?/\\".IndexOf(ch) < 0).ToArray()).Trim();
            clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 28)].TrimEnd();
            var candidate = clean;
            for (var i = 2; !taken.Add(candidate); i++) candidate = $"{clean} {i}";
            return candidate;
        }).ToList();
    }

    private static Stylesheet Stylesheet()
    {
        Font Font(bool bold) => bold
            ? new Font(new Bold(), new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" })
            : new Font(new FontSize { Val = 12 }, new FontName { Val = "Times New Roman" });
        var thin = new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(Font(false), Font(true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFD9E1F2" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center, Horizontal = HorizontalAlignmentValues.Center })
                    { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                    { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                    { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top })
                    { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 1, FormatId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top })
                    { NumberFormatId = 9, FontId = 0, FillId = 0, BorderId = 1, FormatId = 0, ApplyNumberFormat = true, ApplyBorder = true, ApplyAlignment = true })
            { Count = 7 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}

/// <summary>One worksheet being written; cells are strings, numbers or dates.</summary>
public sealed class XlsxSheet : IDisposable
{
    private const uint TitleStyle = 1, HeaderStyle = 2, BodyStyle = 3, DateStyle = 4, TotalStyle = 5, PercentStyle = 6;
    private readonly PartWriter _part;
    private uint _row;

    internal XlsxSheet(PartWriter part, int frozenRows, IReadOnlyList<double> columnWidths)
    {
        _part = part;
        _part.Xml.WriteStartElement(new Worksheet());
        if (frozenRows > 0)
            _part.Xml.WriteElement(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        _part.Xml.WriteElement(new Columns(columnWidths.Select((width, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = width, CustomWidth = true })));
        _part.Xml.WriteStartElement(new SheetData());
    }

    /// <summary>Data rows written so far (headers and titles not counted).</summary>
    public int DataRows { get; private set; }

    public void Title(string text) => Write(TitleStyle, [text]);

    public void Blank() => _row++;

    public void Header(params string[] cells) => Write(HeaderStyle, cells);

    public void Row(params object?[] values)
    {
        Write(BodyStyle, values);
        DataRows++;
    }

    public void Total(params object?[] values) => Write(TotalStyle, values);

    public void Dispose()
    {
        _part.Xml.WriteEndElement();
        _part.Xml.WriteEndElement();
        _part.Dispose();
    }

    private void Write(uint style, IReadOnlyList<object?> values)
    {
        _row++;
        _part.Xml.WriteStartElement(new Row { RowIndex = _row });
        for (var i = 0; i < values.Count; i++)
        {
            var reference = ColumnName(i) + _row;
            _part.Xml.WriteElement(values[i] switch
            {
                null => new Cell { CellReference = reference, StyleIndex = style },
                DateOnly d => new Cell { CellReference = reference, StyleIndex = DateStyle, CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate()) },
                int n => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(n) },
                long n => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue((double)n) },
                decimal n => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(n) },
                double n => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(n) },
                Percent p => new Cell { CellReference = reference, StyleIndex = PercentStyle, CellValue = new CellValue(p.Value) },
                var text => new Cell
                {
                    CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
                    InlineString = new InlineString(new Text(PartWriter.Clean(text.ToString())) { Space = SpaceProcessingModeValues.Preserve }),
                },
            });
        }
        _part.Xml.WriteEndElement();
    }

    private static string ColumnName(int index) => index < 26 ? ((char)('A' + index)).ToString() : ColumnName(index / 26 - 1) + (char)('A' + index % 26);
}

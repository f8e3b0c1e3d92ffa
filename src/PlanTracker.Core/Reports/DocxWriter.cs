using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace PlanTracker.Core.Reports;

public sealed record DocxColumn(string Header, int Width, bool Centered = false);

/// <summary>
/// A Word document written top to bottom as it is produced: each paragraph or table row is
/// built as a few elements, written and forgotten. A4 portrait, Times New Roman 13 pt and the
/// margins of Decree 30/2020/NĐ-CP on administrative documents.
/// </summary>
internal sealed class DocxWriter : IDisposable
{
    /// <summary>Text width between the margins (A4 11906 twips less 30 mm and 15 mm).</summary>
    public const int TextWidth = 9355;
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private readonly StreamingPackage _package;
    private readonly PartWriter _body;
    private bool _finished;

    public DocxWriter(Stream output)
    {
        _package = new StreamingPackage(output);
        _package.Relate("", "rId1", Relationships + "officeDocument", "word/document.xml");
        _package.Relate("word/document.xml", "rId1", Relationships + "styles", "styles.xml");
        using (var styles = _package.Part("word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"))
            styles.Xml.WriteElement(Styles());
        _body = _package.Part("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
        _body.Xml.WriteStartElement(new Document());
        _body.Xml.WriteStartElement(new Body());
    }

    public void Write(OpenXmlElement element) => _body.Xml.WriteElement(element);

    public void Paragraph(string text, bool bold = false, bool italic = false, bool centered = false, int? size = null, bool indent = false) =>
        Write(Para(centered, indent, Text(text, bold, italic, size)));

    /// <summary>A section heading ("I. TỔNG HỢP…"), bold.</summary>
    public void Heading(string text) => Write(new Paragraph(
        new ParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "120" }, new Indentation { FirstLine = "567" }),
        Text(text, bold: true)));

    /// <summary>Starts a bordered table with a header row repeated on every page.</summary>
    public DocxTable Table(IReadOnlyList<DocxColumn> columns)
    {
        var w = _body.Xml;
        w.WriteStartElement(new Table());
        w.WriteElement(new TableProperties(
            new TableWidth { Width = columns.Sum(c => c.Width).ToString(), Type = TableWidthUnitValues.Dxa },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
            new TableLayout { Type = TableLayoutValues.Fixed }));
        w.WriteElement(new TableGrid(columns.Select(c => new GridColumn { Width = c.Width.ToString() })));
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var c in columns) header.Append(Cell(c, c.Header, bold: true, centered: true, shaded: true));
        w.WriteElement(header);
        return new DocxTable(this, columns);
    }

    internal static TableCell Cell(DocxColumn column, string text, bool bold = false, bool centered = false, bool shaded = false) =>
        new(CellProperties(column, shaded), new Paragraph(CellParagraphProperties(column, centered), Text(text, bold, size: CellFontSize)));

    internal const int CellFontSize = 22;

    internal static TableCellProperties CellProperties(DocxColumn column, bool shaded = false)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = column.Width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (shaded) properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "D9E1F2" });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        return properties;
    }

    internal static ParagraphProperties CellParagraphProperties(DocxColumn column, bool centered = false) =>
        new(new SpacingBetweenLines { Before = "40", After = "40" },
            new Justification { Val = centered || column.Centered ? JustificationValues.Center : JustificationValues.Left });

    internal OpenXmlWriter Xml => _body.Xml;

    /// <summary>Closes a table; a paragraph follows, as Word needs one between two tables.</summary>
    internal void EndTable()
    {
        _body.Xml.WriteEndElement();
        Write(new Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
    }

    /// <summary>Closes the body with the page set-up and writes the package's remaining parts.</summary>
    public void Finish()
    {
        _finished = true;
        _body.Xml.WriteElement(new SectionProperties(
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 850, Header = 709, Footer = 709, Gutter = 0 }));
        _body.Xml.WriteEndElement();
        _body.Xml.WriteEndElement();
        _body.Dispose();
        _package.Finish();
    }

    public void Dispose()
    {
        if (_finished) return;
        _body.Dispose();
        _package.Dispose();
    }

    /// <summary>One line of a header or signature block, without spacing after (centred unless told).</summary>
    internal static Paragraph Line(string text, bool bold = false, bool italic = false, int? size = null, bool centered = true) =>
        new(new ParagraphProperties(new SpacingBetweenLines { After = "0" },
            new Justification { Val = centered ? JustificationValues.Center : JustificationValues.Left }),
            Text(text, bold, italic, size));

    /// <summary>Side-by-side blocks with no borders: the issuer and the national motto, the recipients and the signature.</summary>
    internal static Table Borderless(params (int Width, List<OpenXmlElement> Content)[] cells)
    {
        var table = new Table(
            new TableProperties(new TableWidth { Width = cells.Sum(c => c.Width).ToString(), Type = TableWidthUnitValues.Dxa },
                new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
                    new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
                    new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(cells.Select(c => new GridColumn { Width = c.Width.ToString() })));
        var row = new TableRow();
        foreach (var (width, content) in cells)
            row.Append(new TableCell(content.Prepend(new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa }))));
        table.Append(row);
        return table;
    }

    internal static Paragraph Para(bool centered, bool indent, params OpenXmlElement[] runs)
    {
        var properties = new ParagraphProperties();
        if (indent) properties.Append(new Indentation { FirstLine = "567" });
        properties.Append(new Justification { Val = centered ? JustificationValues.Center : JustificationValues.Both });
        return new Paragraph(runs.Prepend(properties));
    }

    internal static Run Text(string text, bool bold = false, bool italic = false, int? size = null) =>
        new(RunProperties(bold, italic, size), new Text(PartWriter.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    internal static RunProperties RunProperties(bool bold = false, bool italic = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold) properties.Append(new Bold());
        if (italic) properties.Append(new Italic());
        if (size is { } half) properties.Append(new FontSize { Val = half.ToString() }, new FontSizeComplexScript { Val = half.ToString() });
        return properties;
    }

    private static Styles Styles() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", EastAsia = "Times New Roman", ComplexScript = "Times New Roman" },
                new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        new Style(new StyleName { Val = "Normal Table" },
            new StyleTableProperties(new TableCellMarginDefault(
                new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
}

/// <summary>
/// An open table: rows are written one at a time, tag by tag, with each column's formatting
/// built once and reused, so that a 100,000-row table costs little more than its text.
/// </summary>
internal sealed class DocxTable
{
    private static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];
    private static readonly TableRowProperties RowProperties = new(new CantSplit());
    private static readonly RunProperties Normal = DocxWriter.RunProperties(size: DocxWriter.CellFontSize);
    private static readonly RunProperties Bold = DocxWriter.RunProperties(bold: true, size: DocxWriter.CellFontSize);
    private readonly DocxWriter _document;
    private readonly int _columns;
    private readonly TableCellProperties[] _cells;
    private readonly ParagraphProperties[] _paragraphs;

    public DocxTable(DocxWriter document, IReadOnlyList<DocxColumn> columns)
    {
        _document = document;
        _columns = columns.Count;
        _cells = columns.Select(c => DocxWriter.CellProperties(c)).ToArray();
        _paragraphs = columns.Select(c => DocxWriter.CellParagraphProperties(c)).ToArray();
    }

    public int Rows { get; private set; }

    public void Row(params string[] cells) => Row(false, cells);

    public void Row(bool bold, params string[] cells)
    {
        var w = _document.Xml;
        w.WriteStartElement(new TableRow());
        w.WriteElement(RowProperties);
        for (var i = 0; i < _columns; i++)
        {
            w.WriteStartElement(new TableCell());
            w.WriteElement(_cells[i]);
            w.WriteStartElement(new Paragraph());
            w.WriteElement(_paragraphs[i]);
            w.WriteStartElement(new Run());
            w.WriteElement(bold ? Bold : Normal);
            w.WriteStartElement(new Text(), Preserve);
            w.WriteString(PartWriter.Clean(i < cells.Length ? cells[i] : ""));
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
        Rows++;
    }

    public void End() => _document.EndTable();
}

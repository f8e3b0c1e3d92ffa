using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanTracker.Core.Common;
using PlanTracker.Core.Localization;

namespace PlanTracker.Core.Reporting;

/// <summary>What an urging letter (công văn đôn đốc) says: who writes, to whom, for which period.</summary>
public sealed record UrgingLetterFacts(string Province, string Secretariat, string Agency, string Period, DateOnly SubmissionDueOn, DateOnly WrittenOn);

/// <summary>
/// A Word draft of the secretariat's letter urging an agency to send its overdue period report, laid
/// out as Decree 30/2020/NĐ-CP asks (Times New Roman 13-14, the two-column header, "Kính gửi",
/// "Nơi nhận"); the number and the signature are left for the secretariat to fill in and sign.
/// </summary>
public static class UrgingLetter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string FileName(UrgingLetterFacts f) => $"Cong-van-don-doc-{Slug(f.Agency)}.docx";

    public static byte[] Build(UrgingLetterFacts f)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(
                Header(f),
                Line(""),
                Line($"Kính gửi: {f.Agency}.", JustificationValues.Center),
                Line(""),
                Line($"Thực hiện chế độ báo cáo định kỳ về tình hình thực hiện các nhiệm vụ xây dựng chính quyền điện tử, chính quyền số " +
                     $"của tỉnh {f.Province}, thời hạn gửi báo cáo {f.Period} là ngày {DeadlineDisplay.Day(f.SubmissionDueOn)}. " +
                     $"Đến nay, {f.Secretariat} chưa nhận được báo cáo của Quý cơ quan.", JustificationValues.Both, indent: true),
                Line($"Để kịp thời tổng hợp, báo cáo Ban Chỉ đạo và Ủy ban nhân dân tỉnh, {f.Secretariat} đề nghị Quý cơ quan khẩn trương " +
                     "hoàn thiện và gửi báo cáo trên hệ thống PlanTracker trước ngày " +
                     $"{DeadlineDisplay.Day(f.WrittenOn.AddDays(5))}.", JustificationValues.Both, indent: true),
                Line("Trân trọng./.", JustificationValues.Both, indent: true),
                Line(""),
                Signature(),
                new SectionProperties(
                    new PageSize { Width = 11906U, Height = 16838U },
                    new PageMargin { Top = 1134, Bottom = 1134, Left = 1701, Right = 1134, Header = 720, Footer = 720, Gutter = 0U }));
            main.Document = new Document(body);
            main.AddNewPart<StyleDefinitionsPart>().Styles = DefaultStyles();
        }
        return stream.ToArray();
    }

    private static Table Header(UrgingLetterFacts f) => TwoColumns(
        [Bold($"UBND TỈNH {f.Province.ToUpperInvariant()}"), Bold(f.Secretariat.ToUpperInvariant()), Plain("Số:        /"), Italic($"V/v đôn đốc gửi báo cáo {f.Period}")],
        [Bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Bold("Độc lập - Tự do - Hạnh phúc"), Plain(""),
            Italic($"{f.Province}, ngày {f.WrittenOn.Day:00} tháng {f.WrittenOn.Month:00} năm {f.WrittenOn.Year}")]);

    private static Table Signature() => TwoColumns(
        [Bold("Nơi nhận:", 24), Plain("- Như trên;", 22), Plain("- Ban Chỉ đạo (để b/c);", 22), Plain("- Lưu: VT.", 22)],
        [Bold("KT. GIÁM ĐỐC"), Bold("PHÓ GIÁM ĐỐC"), Plain(""), Plain(""), Italic("(ký, ghi rõ họ tên)")]);

    private static Table TwoColumns(IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        var borders = new TableBorders(new TopBorder { Val = BorderValues.None }, new BottomBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None }, new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None }, new InsideVerticalBorder { Val = BorderValues.None });
        return new Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, borders),
            new TableGrid(new GridColumn { Width = "3800" }, new GridColumn { Width = "5200" }),
            new TableRow(Cell(left, "2100"), Cell(right, "2900")));
    }

    private static TableCell Cell(IEnumerable<Paragraph> paragraphs, string widthPct) =>
        new(paragraphs.Prepend<OpenXmlElement>(new TableCellProperties(new TableCellWidth { Width = widthPct, Type = TableWidthUnitValues.Pct })));

    private static Paragraph Bold(string text, int size = 26) => Centered(text, size, bold: true);
    private static Paragraph Italic(string text) => Centered(text, 26, italic: true);
    private static Paragraph Plain(string text, int size = 26) => Centered(text, size);

    private static Paragraph Centered(string text, int halfPoints, bool bold = false, bool italic = false)
    {
        var run = new RunProperties(new FontSize { Val = halfPoints.ToString() });
        if (bold) run.Append(new Bold());
        if (italic) run.Append(new Italic());
        return new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }, new SpacingBetweenLines { After = "0" }),
            new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Paragraph Line(string text, JustificationValues? justify = null, bool indent = false)
    {
        var properties = new ParagraphProperties(new Justification { Val = justify ?? JustificationValues.Left }, new SpacingBetweenLines { After = "120" });
        if (indent) properties.Append(new Indentation { FirstLine = "720" });
        return new Paragraph(properties, new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Styles DefaultStyles() => new(new DocDefaults(
        new RunPropertiesDefault(new RunPropertiesBaseStyle(
            new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman" },
            new FontSize { Val = "28" }, new Languages { Val = "vi-VN" })),
        new ParagraphPropertiesDefault()));

    /// <summary>An ASCII file name: mail clients and Windows mangle diacritics in attachment names.</summary>
    private static string Slug(string text) => TextKey.Fold(text).Replace("&", "").Replace(' ', '-');
}

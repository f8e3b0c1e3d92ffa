using DocumentFormat.OpenXml;
using PlanTracker.Core.Common;
using PlanTracker.Core.Localization;
using PlanTracker.Core.Reports;

namespace PlanTracker.Core.Reporting;

/// <summary>What an urging letter (công văn đôn đốc) says: who writes, to whom, for which period.</summary>
public sealed record UrgingLetterFacts(string Province, string Secretariat, string Agency, string Period, DateOnly SubmissionDueOn, DateOnly WrittenOn);

/// <summary>
/// A Word draft of the secretariat's letter urging an agency to send its overdue period report, laid
/// out as Decree 30/2020/NĐ-CP asks (the same page, fonts and header blocks as the quarterly report);
/// the number and the signature are left for the secretariat to fill in and sign.
/// </summary>
public static class UrgingLetter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const int LeftColumn = 3800;

    public static string FileName(UrgingLetterFacts f) => $"Cong-van-don-doc-{Slug(f.Agency)}.docx";

    public static byte[] Build(UrgingLetterFacts f)
    {
        using var stream = new MemoryStream();
        using (var doc = new DocxWriter(stream))
        {
            doc.Write(DocxWriter.Borderless(
                (LeftColumn, [Bold($"UBND TỈNH {f.Province.ToUpperInvariant()}"), Bold(f.Secretariat.ToUpperInvariant()), DocxWriter.Line("Số:        /"),
                    DocxWriter.Line($"V/v đôn đốc gửi báo cáo {f.Period}", italic: true)]),
                (DocxWriter.TextWidth - LeftColumn, [Bold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), Bold("Độc lập - Tự do - Hạnh phúc"), DocxWriter.Line(""),
                    DocxWriter.Line($"{f.Province}, ngày {f.WrittenOn.Day:00} tháng {f.WrittenOn.Month:00} năm {f.WrittenOn.Year}", italic: true)])));
            doc.Paragraph("");
            doc.Paragraph($"Kính gửi: {f.Agency}.", centered: true);
            doc.Paragraph($"Thực hiện chế độ báo cáo định kỳ về tình hình thực hiện các nhiệm vụ xây dựng chính quyền điện tử, chính quyền số " +
                $"của tỉnh {f.Province}, thời hạn gửi báo cáo {f.Period} là ngày {DeadlineDisplay.Day(f.SubmissionDueOn)}. " +
                $"Đến nay, {f.Secretariat} chưa nhận được báo cáo của Quý cơ quan.", indent: true);
            doc.Paragraph($"Để kịp thời tổng hợp, báo cáo Ban Chỉ đạo và Ủy ban nhân dân tỉnh, {f.Secretariat} đề nghị Quý cơ quan khẩn trương " +
                $"hoàn thiện và gửi báo cáo trên hệ thống PlanTracker trước ngày {DeadlineDisplay.Day(f.WrittenOn.AddDays(5))}.", indent: true);
            doc.Paragraph("Trân trọng./.", indent: true);
            doc.Paragraph("");
            doc.Write(DocxWriter.Borderless(
                (LeftColumn, [DocxWriter.Line("Nơi nhận:", bold: true, italic: true, size: 24, centered: false),
                    DocxWriter.Line("- Như trên;", size: 22, centered: false), DocxWriter.Line("- Ban Chỉ đạo (để b/c);", size: 22, centered: false),
                    DocxWriter.Line("- Lưu: VT.", size: 22, centered: false)]),
                (DocxWriter.TextWidth - LeftColumn, [Bold("KT. GIÁM ĐỐC"), Bold("PHÓ GIÁM ĐỐC"), DocxWriter.Line(""), DocxWriter.Line(""),
                    DocxWriter.Line("(ký, ghi rõ họ tên)", italic: true)])));
            doc.Finish();
        }
        return stream.ToArray();
    }

    private static OpenXmlElement Bold(string text) => DocxWriter.Line(text, bold: true, size: 24);

    /// <summary>An ASCII file name: mail clients and Windows mangle diacritics in attachment names.</summary>
    private static string Slug(string text) => TextKey.Fold(text).Replace("&", "").Replace(' ', '-');
}

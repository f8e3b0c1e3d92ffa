using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Text hard-wrapped without indentation, as a PDF viewer's copy gives a letter (decision 0030, "A PDF viewer's copy"):
/// a paragraph starts after a line that ends a sentence short of the margin, or at a list mark; a line that opens with
/// a capital after a line broken at the margin goes on with it.
/// </summary>
public sealed class ReaderWrappedTextTests
{
    [Fact]
    public void Should_join_a_short_letter_s_lines_broken_at_the_margin_though_the_next_opens_with_a_capital()
    {
        const string letter =
            "Ủy ban nhân dân tỉnh nhận được Tờ trình số 112/TTr-SXD ngày 02/10/2026 của Sở\n" +
            "Xây dựng về việc cải tạo khu chung cư cũ.\n" +
            "Sau khi xem xét, Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì, phối\n" +
            "hợp với Sở Xây dựng và Ủy ban nhân dân phường Cam Đường rà soát nguồn vốn của\n" +
            "Trung ương và địa phương, đề xuất phương án bố trí kinh phí cải tạo khu chung\n" +
            "cư xuống cấp theo thứ tự ưu tiên, lấy ý kiến các hộ dân và Công ty cổ phần Nhà\n" +
            "Ở Lào Cai; báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11/2026, đồng thời gửi\n" +
            "kết quả cho Sở Xây dựng để tổng hợp.\n" +
            "Yêu cầu các cơ quan, đơn vị liên quan khẩn trương triển khai thực hiện./.";

        var (paragraphs, wrapped) = Paragraphs.Split(letter);

        Assert.True(wrapped);
        Assert.Equal(
        [
            "Ủy ban nhân dân tỉnh nhận được Tờ trình số 112/TTr-SXD ngày 02/10/2026 của Sở Xây dựng về việc cải tạo khu chung cư cũ.",
            "Sau khi xem xét",
            "Yêu cầu các cơ quan",
        ], paragraphs.Select(p => p.Text.StartsWith("Ủy ban", StringComparison.Ordinal) ? p.Text : p.Text.Split(',')[0]));
        Assert.Contains("Công ty cổ phần Nhà Ở Lào Cai; báo cáo Ủy ban nhân dân tỉnh trước ngày 15/11/2026", paragraphs[1].Text);
    }

    [Fact]
    public void Should_start_a_paragraph_after_a_heading_ending_on_a_compound_noun_and_at_a_list_mark()
    {
        const string letter =
            "Để triển khai kịp thời Kế hoạch của Ban Thường vụ Tỉnh ủy, Đảng ủy đề nghị các\n" +
            "tổ chức đảng trực thuộc tập trung thực hiện tốt một số nội dung trọng tâm sau:\n" +
            "1. Các chi bộ, đảng bộ cơ sở\n" +
            "Các chi bộ chủ động xây dựng kế hoạch học tập, quán triệt chuyên đề cho toàn\n" +
            "thể cán bộ, đảng viên và người lao động trong cơ quan, đơn vị; tổ chức sinh hoạt\n" +
            "chuyên đề ít nhất một lần trong quý, hoàn thành việc quán triệt trong tháng\n" +
            "12/2026.\n" +
            "- Văn phòng Đảng ủy theo dõi, đôn đốc, tổng hợp kết quả thực hiện và báo cáo\n" +
            "Thường trực Đảng ủy trước ngày 20/12/2026.\n" +
            "2. Ban Tuyên giáo Đảng ủy hướng dẫn nội dung học tập.";

        var (paragraphs, _) = Paragraphs.Split(letter);

        Assert.Equal(
        [
            "Để triển khai", "1. Các chi bộ, đảng bộ cơ sở", "Các chi bộ", "- Văn phòng Đảng", "2. Ban Tuyên",
        ], paragraphs.Select(p => p.Text.StartsWith("1.", StringComparison.Ordinal) ? p.Text : string.Join(' ', p.Text.Split(' ').Take(p.Text.StartsWith('-') ? 4 : 3))));
        Assert.EndsWith("Thường trực Đảng ủy trước ngày 20/12/2026.", paragraphs[3].Text);
    }
}

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

    [Fact]
    public void Should_start_a_paragraph_at_a_first_line_the_dropped_indent_left_short_after_a_sentence_ending_at_the_margin()
    {
        // Laid out as a page with indented first lines and copied without the indent: first lines hold about 69 characters,
        // the others about 74. "… của ngành giáo dục." ends where "Đồng" would not have fitted, yet the line under it is short
        // and wrapped: a first line. "… giải ngân vốn đầu tư." / "Trường hợp …" fills the measure: the same paragraph.
        const string letter =
            "Thực hiện Kế hoạch số 45/KH-UBND ngày 12/3/2026 của Ủy ban nhân dân\n" +
            "tỉnh về chuyển đổi số trong giáo dục, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu\n" +
            "các cơ quan, đơn vị thực hiện một số nội dung sau:\n" +
            "1. Giao Sở Giáo dục và Đào tạo\n" +
            "Chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng kho học liệu\n" +
            "số dùng chung cho các trường trung học trên địa bàn tỉnh, hoàn thành trước\n" +
            "ngày 30/9/2026; hướng dẫn các trường cập nhật học liệu theo đúng quy định hiện\n" +
            "hành, cập nhật dữ liệu giáo viên vào cơ sở dữ liệu của ngành giáo dục.\n" +
            "Đồng thời, tổ chức tập huấn kỹ năng số cho giáo viên các trường trung\n" +
            "học phổ thông, báo cáo kết quả về Ủy ban nhân dân tỉnh trước ngày 15/12/2026.\n" +
            "2. Giao Sở Tài chính\n" +
            "Bố trí kinh phí thực hiện các nhiệm vụ nêu trên từ nguồn ngân sách\n" +
            "tỉnh năm 2026 theo phân cấp hiện hành, bảo đảm tiến độ giải ngân vốn đầu tư.\n" +
            "Trường hợp nguồn vốn không bảo đảm, Sở Tài chính tham mưu bố trí bổ sung từ\n" +
            "nguồn dự phòng ngân sách tỉnh theo quy định.";

        var (paragraphs, wrapped) = Paragraphs.Split(letter);

        Assert.True(wrapped);
        Assert.Equal(["Thực hiện", "1. Giao", "Chủ trì,", "Đồng thời,", "2. Giao", "Bố trí"], paragraphs.Select(p => FirstWords(p.Text)));
        Assert.EndsWith("của ngành giáo dục.", paragraphs[2].Text);
        Assert.EndsWith("nguồn dự phòng ngân sách tỉnh theo quy định.", paragraphs[5].Text);
    }

    [Fact]
    public void Should_keep_a_name_after_a_clause_ending_at_the_margin_in_its_paragraph_and_cut_at_a_short_first_line()
    {
        // Another wording and layout: a report schedule whose dashes end their first line with ";" where the next name would not
        // have fitted ("Văn phòng Sở tổng hợp …" goes on), and a duty whose second paragraph opens on a short wrapped line.
        const string letter =
            "Để bảo đảm chế độ báo cáo về công tác phòng, chống thiên tai năm 2026,\n" +
            "Giám đốc Sở Nông nghiệp và Môi trường đề nghị các đơn vị trực thuộc thực hiện\n" +
            "một số nội dung như sau:\n" +
            "1. Chi cục Thủy lợi\n" +
            "Theo dõi diễn biến mưa lũ, cập nhật hiện trạng các hồ chứa nước trên\n" +
            "địa bàn tỉnh, tham mưu phương án vận hành điều tiết nước bảo đảm an toàn cho\n" +
            "vùng hạ du công trình thủy lợi, nhất là các hồ chứa xung yếu ở xã vùng cao.\n" +
            "Kiểm tra, đôn đốc các đơn vị quản lý hồ đập thực hiện nghiêm quy trình\n" +
            "vận hành, hoàn thành việc rà soát trước ngày 30/6/2026.\n" +
            "2. Chế độ báo cáo\n" +
            "- Báo cáo tháng: Các phòng gửi Văn phòng Sở trước ngày 20 hằng tháng;\n" +
            "Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 25 hằng tháng.\n" +
            "- Báo cáo năm: Các phòng, đơn vị gửi Văn phòng Sở trước ngày 10/12;\n" +
            "Văn phòng Sở tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12.\n" +
            "- Báo cáo đột xuất: Theo yêu cầu của Ủy ban nhân dân tỉnh.";

        var (paragraphs, wrapped) = Paragraphs.Split(letter);

        Assert.True(wrapped);
        Assert.Equal(["Để bảo", "1. Chi", "Theo dõi", "Kiểm tra,", "2. Chế", "- Báo", "- Báo", "- Báo"], paragraphs.Select(p => FirstWords(p.Text)));
        Assert.EndsWith("trước ngày 10/12; Văn phòng Sở tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12.", paragraphs[6].Text);
        Assert.EndsWith("trước ngày 20 hằng tháng; Văn phòng Sở tổng hợp, báo cáo Giám đốc Sở trước ngày 25 hằng tháng.", paragraphs[5].Text);
    }

    private static string FirstWords(string text) => string.Join(' ', text.Split(' ').Take(2));
}

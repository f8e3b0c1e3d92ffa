using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The forms the fourth set showed (decision 0009, "Round 7 — a document's own period and what is no task"), each on
/// constructed texts worded and laid out unlike its documents (a national directive, a party resolution, notices and
/// replies): a goal's horizon in the introducing paragraph, an item opening with a recurrence, a request to carry on, a
/// recipients list misread by an OCR, a wrapped line that opens with "Điều N". No database.
/// </summary>
public sealed class ReaderFourthSetTimesTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    /// <summary>The one leaf whose title starts with these words, listing every item when there is not exactly one.</summary>
    private static ProposedItem Leaf(Proposal p, string title)
    {
        var found = p.Items.Where(i => !i.IsGroup && i.Title.StartsWith(title, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"'{title}' among: " + string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title} {i.Deadline?.Kind}")));
        return found[0];
    }

    private static void Expect(Proposal p, string title, DeadlineKind kind, string? dueOn = null)
    {
        var d = Leaf(p, title).Deadline!;
        Assert.True(d.Kind == kind && (dueOn is null || d.DueOn == DateOnly.Parse(dueOn)),
            $"'{title}': {d.Kind} {d.DueOn} '{d.Text}'; all: " + string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title} {i.Deadline?.Kind} {i.Deadline?.DueOn}")));
    }

    [Fact]
    public void Should_not_take_the_time_of_a_goal_named_in_the_introducing_sentence_as_the_documents_period()
    {
        // A province's directive: the purpose names a goal's horizon, the items have their own quarters or none.
        var directive = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            CHỈ THỊ
            Về tăng cường quản lý các cụm công nghiệp
            Nhằm sớm đạt mục tiêu đến năm 2030 tỉnh trở thành tỉnh công nghiệp theo hướng hiện đại, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành thực hiện tốt các nhiệm vụ sau:
            1. Sở Công Thương rà soát quy hoạch các cụm công nghiệp, báo cáo Ủy ban nhân dân tỉnh trong quý III năm 2027.
            2. Sở Tài chính bố trí kinh phí đầu tư hạ tầng các cụm công nghiệp.
            3. Sở Nội vụ kiện toàn tổ chức bộ máy quản lý cụm công nghiệp.
            """);

        Expect(directive, "Sở Công Thương rà soát", DeadlineKind.Quarter, "2027-09-30");
        Expect(directive, "Sở Tài chính bố trí", DeadlineKind.Unspecified);
        Expect(directive, "Sở Nội vụ kiện toàn", DeadlineKind.Unspecified);

        // A party committee's resolution: the sentence before the one introducing the list aims at a year "và những năm
        // tiếp theo"; a dash list under a roman heading.
        var resolution = Parse("""
            NGHỊ QUYẾT
            về phát triển du lịch
            Những năm qua, du lịch của tỉnh có bước phát triển khá. Để phấn đấu tăng trưởng du lịch năm 2027 và những năm tiếp theo, Ban Thường vụ thống nhất một số nội dung như sau:
            I. NHIỆM VỤ, GIẢI PHÁP
            - Sở Văn hóa, Thể thao và Du lịch xây dựng sản phẩm du lịch đặc trưng.
            - Sở Tài chính ưu tiên bố trí nguồn lực cho hạ tầng du lịch.
            """);

        Assert.All(resolution.Items.Where(i => !i.IsGroup), i => Assert.Equal(DeadlineKind.Unspecified, i.Deadline!.Kind));

        // The document's own period in the introducing sentence is still the items' time.
        var plan = Parse("""
            CHỈ THỊ
            Về cải cách hành chính
            Trong năm 2027, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ngành tập trung thực hiện các nhiệm vụ sau:
            1. Sở Nội vụ rà soát thủ tục hành chính.
            2. Sở Tư pháp kiểm soát thủ tục hành chính.
            """);

        Expect(plan, "Sở Nội vụ rà soát", DeadlineKind.Year, "2027-12-31");
    }

    [Fact]
    public void Should_time_an_item_that_opens_with_a_recurrence_by_it_and_keep_a_later_milestone_in_the_words()
    {
        var p = Parse("""
            KẾ HOẠCH
            Hỗ trợ phát triển cụm công nghiệp
            II. NHIỆM VỤ
            1. Sở Tài chính:
            a) Hằng năm, rà soát nguồn vốn hỗ trợ các cụm công nghiệp để bố trí trong dự toán. Đến hết năm 2028, hoàn thành hỗ trợ hạ tầng cho các xã khó khăn.
            b) Trình Ủy ban nhân dân tỉnh phương án phân bổ vốn trong quý IV năm 2027. Trước mắt, tạm dừng bổ sung danh mục mới cho đến khi có ý kiến của Ủy ban nhân dân tỉnh.
            2. Sở Nội vụ:
            - Định kỳ hằng quý, tổng hợp kết quả thực hiện; trước ngày 31/12/2027 hoàn thành đánh giá bộ máy.
            - Hằng năm, trước ngày 15/12, báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.
            """);

        Expect(p, "Hằng năm, rà soát", DeadlineKind.RecurringYearly);
        Expect(p, "Định kỳ hằng quý", DeadlineKind.RecurringQuarterly);
        // "Trước mắt, …" after a dated sentence is a stopgap inside it: the date stays.
        Expect(p, "Trình Ủy ban nhân dân tỉnh phương án", DeadlineKind.Quarter, "2027-12-31");
        // A date in the recurrence's own clause times it as before.
        Expect(p, "Hằng năm, trước ngày 15/12", DeadlineKind.RecurringYearly);
    }

    [Fact]
    public void Should_read_a_request_to_carry_on_as_continuous_and_a_round_the_clock_watch_as_no_time()
    {
        // A department's inspection notice: recommendations as dashes, no period.
        var notice = Parse("""
            THÔNG BÁO
            Kết quả kiểm tra công tác phòng cháy, chữa cháy
            1. Kết quả kiểm tra
            Các cơ sở cơ bản chấp hành quy định.
            2. Kiến nghị
            - Đề nghị Sở Công Thương tiếp tục tăng cường kiểm tra, bảo vệ kho hàng 24/24 giờ.
            - Đề nghị Sở Nội vụ rà soát quy chế phối hợp.
            """);

        Expect(notice, "Đề nghị Sở Công Thương tiếp tục", DeadlineKind.Continuous);
        Expect(notice, "Đề nghị Sở Nội vụ rà soát", DeadlineKind.Unspecified);

        // A province's letter with lettered items and several addressees in the request.
        var letter = Parse("""
            Kính gửi: Các sở, ban, ngành tỉnh
            Về việc triển khai cải cách thủ tục hành chính, Ủy ban nhân dân tỉnh có ý kiến như sau:
            a) Yêu cầu Sở Tư pháp, Sở Nội vụ tiếp tục rà soát, đơn giản hóa thủ tục hành chính.
            b) Đề nghị Sở Tài chính chủ trì, phối hợp với Sở Nội vụ hướng dẫn lập dự toán trước ngày 30/9/2027.
            """);

        Expect(letter, "Yêu cầu Sở Tư pháp", DeadlineKind.Continuous);
        Expect(letter, "Đề nghị Sở Tài chính chủ trì", DeadlineKind.Date, "2027-09-30");
    }

    [Fact]
    public void Should_stop_at_a_recipients_list_an_OCR_misread_or_a_party_signature_and_propose_none_of_it()
    {
        // OCR of a party resolution: the recipients and the signature columns interleave on one line.
        var resolution = Parse("""
            NGHỊ QUYẾT
            về công tác cán bộ
            II. NHIỆM VỤ
            1. Sở Nội vụ tham mưu kiện toàn đội ngũ cán bộ.
            2. Sở Tài chính bảo đảm kinh phí thực hiện.

            Nơi nhân: T/M BAN THƯỜNG VỤ
            - Các đồng chí Ủy viên Ban Thường vụ, BÍ THƯ

            - Các huyện ủy, thành ủy,
            - Lưu Văn phòng.
            Nguyễn Văn An
            """);

        Assert.Equal(["Sở Nội vụ tham mưu", "Sở Tài chính bảo đảm"], resolution.Items.Where(i => !i.IsGroup).Select(i => string.Join(' ', i.Title.Split(' ').Take(5))));

        // A province's letter: the signature block comes first ("T/M ỦY BAN NHÂN DÂN"), then the recipients misread as "Noi nhạn".
        var letter = Parse("""
            Kính gửi: Các sở, ban, ngành tỉnh
            Ủy ban nhân dân tỉnh yêu cầu thực hiện các nội dung sau:
            1. Sở Công Thương kiểm tra an toàn các kho xăng dầu.
            2. Sở Xây dựng rà soát các công trình xuống cấp.
            T/M ỦY BAN NHÂN DÂN
            - Giám đốc các sở;
            - Chủ tịch UBND các huyện;
            Noi nhạn:
            - Như trên;
            - Lưu: VT.
            """);

        Assert.Equal(2, letter.Items.Count(i => !i.IsGroup));
    }

    [Fact]
    public void Should_keep_a_wrapped_line_that_opens_with_an_articles_number_in_its_sentence()
    {
        // A ministry's reply as pdftotext lays it out (a paragraph's first line indented, the rest at the margin): a cited
        // "Điều 76 Luật …" opens a line.
        const string reply =
            "                    Kính gửi: Sở Công Thương tỉnh Vĩnh Phúc\n" +
            "       Trả lời Văn bản số 15/SCT-QLCN của Sở Công Thương, Bộ Công Thương có ý\n" +
            "kiến như sau:\n" +
            "       1. Về việc cấp phép khai thác khoáng sản làm vật liệu xây dựng thông thường\n" +
            "       - Đề nghị Sở Công Thương hướng dẫn tổ chức, cá nhân thực hiện đúng trình tự,\n" +
            "thủ tục cấp giấy phép khai thác theo quy định tại Điều 72, Điều 73 và\n" +
            "Điều 76 Luật Địa chất và Khoáng sản năm 2024 và các văn bản hướng dẫn thi hành.\n" +
            "       - Đề nghị Sở Tài chính hướng dẫn việc thu tiền cấp quyền khai thác khoáng sản,\n" +
            "phí bảo vệ môi trường theo quy định.\n";

        var p = Parse(reply);

        Assert.DoesNotContain(p.Items, i => i.Title.StartsWith("Điều 76", StringComparison.Ordinal));
        Assert.Contains("Điều 76 Luật Địa chất", Leaf(p, "Đề nghị Sở Công Thương hướng dẫn").Title);
        Assert.Equal(2, p.Items.Count(i => !i.IsGroup));
    }

    [Fact]
    public void Should_not_read_a_rates_each_year_as_a_yearly_item()
    {
        var p = Parse("""
            KẾ HOẠCH
            Giảm nghèo bền vững
            II. NHIỆM VỤ
            1. Sở Nội vụ phấn đấu giảm tỷ lệ hộ nghèo bình quân mỗi năm 1,5%.
            2. Sở Tài chính tăng nguồn vốn tín dụng ưu đãi 10% mỗi năm.
            3. Sở Tư pháp mỗi năm tổ chức tập huấn cho cán bộ tư pháp cấp xã.
            """);

        Expect(p, "Sở Nội vụ phấn đấu", DeadlineKind.Unspecified);
        Expect(p, "Sở Tài chính tăng", DeadlineKind.Unspecified);
        Expect(p, "Sở Tư pháp mỗi năm", DeadlineKind.RecurringYearly);
    }

    [Fact]
    public void Should_not_propose_a_replys_points_that_only_explain_the_law()
    {
        // A ministry's reply to a department: point 1 cites the law and says who decides, point 2 asks.
        var reply = Parse("""
            Kính gửi: Sở Công Thương tỉnh Vĩnh Phúc
            Trả lời Công văn số 88/SCT-KT ngày 02/3/2027 của Sở Công Thương về thẩm quyền thành lập chợ, Bộ Công Thương có ý kiến như sau:
            1. Về thẩm quyền
            Theo quy định tại Điều 8 Nghị định số 60/2024/NĐ-CP của Chính phủ, việc thành lập chợ thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh.
            Do đó, Ủy ban nhân dân tỉnh quyết định việc thành lập chợ trên địa bàn.
            2. Về hồ sơ
            Đề nghị Sở Công Thương hướng dẫn các địa phương lập hồ sơ theo mẫu tại Phụ lục của Nghị định.
            """);

        Assert.Contains("Đề nghị Sở Công Thương hướng dẫn", Assert.Single(reply.Items, i => !i.IsGroup).Description);

        // A Government Office letter conveying an opinion: a point that states the law goes; one that opens on its agency
        // stays a task though it asks in no word of request (u03 2, "Ủy ban nhân dân tỉnh Nghệ An chủ động rà soát …").
        var opinion = Parse("""
            Kính gửi: Bộ Tài chính
            Xét đề nghị của Bộ Tài chính, Phó Thủ tướng Chính phủ có ý kiến như sau:
            I. Theo quy định tại khoản 3 Điều 9 Luật Ngân sách nhà nước, việc bổ sung vốn cho chương trình thuộc thẩm quyền của Quốc hội.
            II. Giao Bộ Tài chính chủ trì, phối hợp với các bộ liên quan hoàn thiện dự thảo Nghị định trong quý II năm 2027.
            III. Ủy ban nhân dân tỉnh Vĩnh Phúc chủ động rà soát danh sách đối tượng được hỗ trợ.
            """);

        Assert.Equal(2, opinion.Items.Count(i => !i.IsGroup));
        Assert.DoesNotContain(opinion.Items, i => i.Title.StartsWith("Theo quy định", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_not_propose_a_numbered_execution_clause()
    {
        // A province's decision: its organisation article numbers the execution clause.
        var decision = Parse("""
            QUYẾT ĐỊNH
            Điều 1. Ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh.
            Điều 2. Tổ chức thực hiện
            1. Sở Công Thương hướng dẫn, kiểm tra việc thực hiện Quy chế, báo cáo Ủy ban nhân dân tỉnh trước ngày 31/12/2027.
            2. Sở Tài chính bố trí kinh phí thực hiện Quy chế.
            3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở, Chủ tịch Ủy ban nhân dân các huyện chịu trách nhiệm thi hành Quyết định này./.
            """);

        Assert.DoesNotContain(decision.Items, i => i.Title.StartsWith("Chánh Văn phòng", StringComparison.Ordinal));
        Assert.Equal(2, decision.Items.Count(i => !i.IsGroup && i.Title.StartsWith("Sở ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_read_a_closing_paragraph_charging_one_agency_as_its_task_after_the_last_item()
    {
        // A province's directive: numbered items, then the follow-up charge closing the document.
        var directive = Parse("""
            CHỈ THỊ
            Về tăng cường kỷ luật hành chính
            Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
            1. Sở Nội vụ kiểm tra công vụ tại các cơ quan, báo cáo trong quý II năm 2027.
            2. Các sở, ban, ngành chỉ đạo thực hiện tốt Chỉ thị này và báo cáo kết quả theo đúng tiến độ.
            Sở Nội vụ chịu trách nhiệm theo dõi, đôn đốc, kịp thời báo cáo Chủ tịch Ủy ban nhân dân tỉnh những vấn đề phát sinh./.
            """);

        var charge = Leaf(directive, "Sở Nội vụ chịu trách nhiệm theo dõi");
        Assert.Equal("2-1", charge.Code);
        Assert.Equal("vinh-phuc/so-noi-vu", charge.Lead!.AgencyKey);
        Assert.False(Leaf(directive, "Các sở, ban, ngành chỉ đạo").IsGroup);

        // A department's plan with lettered items: the office charged in the closing line; a decision's execution clause
        // in the same place stays a formula.
        var plan = Parse("""
            KẾ HOẠCH
            Kiểm tra an toàn thực phẩm
            II. NHIỆM VỤ
            a) Sở Công Thương kiểm tra các cơ sở kinh doanh.
            b) Sở Tài chính bố trí kinh phí kiểm tra.
            Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm tổng hợp kết quả, báo cáo Chủ tịch Ủy ban nhân dân tỉnh./.
            """);

        Assert.Equal("vinh-phuc/vp-ubnd", Leaf(plan, "Văn phòng Ủy ban nhân dân tỉnh có trách nhiệm").Lead!.AgencyKey);

        var decision = Parse("""
            QUYẾT ĐỊNH
            Điều 1. Giao Sở Công Thương kiểm tra các cơ sở kinh doanh xăng dầu trong quý III năm 2027.
            Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
            Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Công Thương chịu trách nhiệm thi hành Quyết định này./.
            """);

        Assert.DoesNotContain(decision.Items, i => i.Title.StartsWith("Chánh Văn phòng", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_keep_the_parts_a_bullet_introduces_in_its_text_and_not_as_more_bullets()
    {
        // A province's plan: dash bullets, one ending "cụ thể:" over (i)–(iii).
        var plan = Parse("""
            KẾ HOẠCH
            Bảo đảm an toàn hồ chứa
            II. NHIỆM VỤ
            - Sở Công Thương kiểm tra an toàn các hồ chứa thủy điện, cụ thể:
            (i) Rà soát quy trình vận hành hồ chứa.
            (ii) Kiểm tra phương án ứng phó thiên tai.
            (iii) Kiểm tra hệ thống quan trắc.
            - Sở Tài chính bố trí kinh phí kiểm tra.
            """);

        Assert.Equal(2, plan.Items.Count(i => !i.IsGroup));
        Assert.Contains("(iii) Kiểm tra hệ thống quan trắc", Leaf(plan, "Sở Công Thương kiểm tra").Description);

        // A ministry's letter: plus bullets, one ending "gồm:"; a paragraph after the parts that is no part is still an item.
        var letter = Parse("""
            Kính gửi: Sở Xây dựng tỉnh Vĩnh Phúc
            Bộ Xây dựng đề nghị Sở Xây dựng lưu ý các nội dung sau:
            1. Về hồ sơ
            + Hướng dẫn chủ đầu tư lập hồ sơ đề nghị cấp phép, gồm:
            (i) Đơn đề nghị cấp giấy phép;
            (ii) Bản vẽ thiết kế.
            + Kiểm tra hồ sơ trước khi cấp phép.
            Ngoài ra, tổng hợp kết quả cấp phép gửi Bộ Xây dựng.
            """);

        Assert.Equal(3, letter.Items.Count(i => !i.IsGroup));
        Assert.DoesNotContain(letter.Items, i => i.Title.StartsWith("(i", StringComparison.Ordinal));
    }
}

using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Issue 15, round 5 (docs/decisions/0009-drafting.md, "Round 5: leads, targets, inline enumerations"): lists written
/// inside one paragraph, syllables a PDF split apart, the proposer of a decision and a committee's office. Constructed
/// cases in realistic Vietnamese, no database.
/// </summary>
public sealed class ReaderInlineAndSplitTests
{
    private static readonly AgencyDirectory Province = new("Lào Cai",
    [
        new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, [], IsSecretariat: true),
        new DirectoryAgency(2, "so-nv", "Sở Nội vụ", null, []),
        new DirectoryAgency(3, "so-tc", "Sở Tài chính", null, []),
        new DirectoryAgency(4, "so-yt", "Sở Y tế", null, []),
        new DirectoryAgency(5, "cong-an", "Công an tỉnh", null, []),
        new DirectoryAgency(6, "so-khcn", "Sở Khoa học và Công nghệ", null, []),
    ]);

    private static readonly AgencyDirectory National = new("Việt Nam",
    [
        new DirectoryAgency(1, "vpcp", "Văn phòng Chính phủ", null, [], IsSecretariat: true),
        new DirectoryAgency(2, "bo-yt", "Bộ Y tế", null, []),
        new DirectoryAgency(3, "bo-ldtbxh", "Bộ Lao động - Thương binh và Xã hội", null, []),
        new DirectoryAgency(4, "bo-qp", "Bộ Quốc phòng", null, []),
        new DirectoryAgency(5, "bcd", "Ban Chỉ đạo quốc gia 1237", null, []),
        new DirectoryAgency(6, "vp-bcd", "Văn phòng Ban Chỉ đạo quốc gia 1237", null, []),
    ]);

    private static Proposal Parse(string text, AgencyDirectory directory) => DraftParser.Parse(DraftInput.FromText(text), directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    [Fact]
    public void Should_split_a_numbered_list_inside_one_paragraph_into_tasks_each_with_its_own_agency_and_date()
    {
        var p = Parse("""
            KẾ HOẠCH
            Triển khai chuyển đổi số năm 2026
            II. NHIỆM VỤ
            1. Giao các cơ quan thực hiện các nhiệm vụ sau: (1) Sở Nội vụ chủ trì rà soát, sắp xếp bộ phận một cửa các cấp, hoàn thành trước ngày 30/6/2026; (2) Sở Tài chính bố trí kinh phí thực hiện Kế hoạch, trong quý III/2026; (3) Công an tỉnh hướng dẫn làm sạch dữ liệu dân cư, hoàn thành trước ngày 15/11/2026.
            2. Sở Y tế triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh trong năm 2026.
            """, Province);

        Assert.True(Item(p, "II.1").IsGroup);
        Assert.Equal(["II.1.1", "II.1.2", "II.1.3"], p.Items.Where(i => i.ParentId == Item(p, "II.1").Id).Select(i => i.Code));
        Assert.Equal("so-nv", Item(p, "II.1.1").Lead?.AgencyKey);
        Assert.Equal(new DateOnly(2026, 6, 30), Item(p, "II.1.1").Deadline?.DueOn);
        Assert.Equal("so-tc", Item(p, "II.1.2").Lead?.AgencyKey);
        Assert.Equal(DeadlineKind.Quarter, Item(p, "II.1.2").Deadline?.Kind);
        Assert.Equal(new DateOnly(2026, 9, 30), Item(p, "II.1.2").Deadline?.DueOn);
        Assert.Equal("cong-an", Item(p, "II.1.3").Lead?.AgencyKey);
        Assert.Equal(new DateOnly(2026, 11, 15), Item(p, "II.1.3").Deadline?.DueOn);
        Assert.StartsWith("Công an tỉnh hướng dẫn", Item(p, "II.1.3").Title);
        Assert.Equal("so-yt", Item(p, "II.2").Lead?.AgencyKey);
    }

    [Fact]
    public void Should_split_a_lettered_list_on_one_line_under_an_agency_heading()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phòng, chống dịch bệnh năm 2026
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Y tế
            Chủ trì thực hiện các nội dung: a) xây dựng phương án ứng phó dịch, hoàn thành trước ngày 31/3/2026; b) phối hợp với Sở Tài chính mua sắm vật tư, trong quý II/2026; c) tổng hợp, báo cáo kết quả trước ngày 15/12/2026.
            2. Sở Nội vụ bố trí biên chế cho Trung tâm Kiểm soát bệnh tật.
            """, Province);

        var parts = p.Items.Where(i => i.ParentId == Item(p, "III.1").Id).ToList();
        Assert.Equal(["III.1.a", "III.1.b", "III.1.c"], parts.Select(i => i.Code));
        Assert.All(parts, i => Assert.Equal("so-yt", i.Lead?.AgencyKey));
        Assert.Equal(new DateOnly(2026, 3, 31), parts[0].Deadline?.DueOn);
        Assert.Equal(new DateOnly(2026, 6, 30), parts[1].Deadline?.DueOn);
        Assert.Equal(["so-tc"], parts[1].Coordinating.Select(c => c.AgencyKey));
        Assert.Equal(new DateOnly(2026, 12, 15), parts[2].Deadline?.DueOn);
    }

    [Fact]
    public void Should_keep_the_paragraphs_after_an_inline_list_as_the_items_fields()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phòng, chống dịch bệnh năm 2026
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Y tế chủ trì xây dựng kế hoạch ứng phó dịch của tỉnh.
            Nội dung gồm: (1) đánh giá nguy cơ dịch bệnh; (2) tổng hợp, báo cáo kết quả trước ngày 15/12/2026.
            Thời gian thực hiện: Quý III/2026.
            2. Sở Nội vụ bố trí biên chế cho Trung tâm Kiểm soát bệnh tật.
            """, Province);

        var parts = p.Items.Where(i => i.ParentId == Item(p, "III.1-1").Id).ToList();
        Assert.Equal(["III.1-1.1", "III.1-1.2"], parts.Select(i => i.Code));
        Assert.All(parts, i => Assert.Equal("so-yt", i.Lead?.AgencyKey));
        Assert.Equal(new DateOnly(2026, 9, 30), parts[0].Deadline?.DueOn); // the time field after the list
        Assert.Equal(new DateOnly(2026, 12, 15), parts[1].Deadline?.DueOn); // its own date
    }

    [Theory]
    // A citation's letter or a lone mark is no list; nor are marks out of order.
    [InlineData("1. Sở Nội vụ thực hiện theo điểm a) khoản 2 Điều 5 của Nghị định, hoàn thành trước ngày 30/6/2026.")]
    [InlineData("1. Sở Nội vụ tổng hợp ý kiến (1) của các xã, hoàn thành trước ngày 30/6/2026.")]
    [InlineData("1. Sở Nội vụ tổng hợp các mục (2) và (3) của biểu mẫu, hoàn thành trước ngày 30/6/2026.")]
    public void Should_leave_a_paragraph_whole_when_its_marks_are_no_list(string line)
    {
        var p = Parse("KẾ HOẠCH\nCải cách hành chính năm 2026\nII. NHIỆM VỤ\n" + line, Province);

        Assert.False(Item(p, "II.1").IsGroup);
        Assert.Single(p.Items, i => !i.IsGroup);
    }

    [Theory]
    [InlineData("7. Bộ Y t ế", "7. Bộ Y tế")]
    [InlineData("e) Đ ế n năm 2020, hoàn thành.", "e) Đến năm 2020, hoàn thành.")]
    [InlineData("đến h ế t năm 2019", "đến hết năm 2019")]
    [InlineData("UBND các t ỉ nh, thành phố", "UBND các tỉnh, thành phố")]
    [InlineData("ứng dụng công ng hệ thông tin", "ứng dụng công nghệ thông tin")]
    [InlineData("các tổ chức chí nh trị - xã hội", "các tổ chức chính trị - xã hội")]
    [InlineData("phong trào Đ ề n ơn đáp nghĩa", "phong trào Đền ơn đáp nghĩa")]
    [InlineData("Trợ l ý Thủ tướng", "Trợ lý Thủ tướng")]
    // Left alone: a list's letter, a unit after a number, capitals, real words side by side, "y tế" split after the "y".
    [InlineData("theo điểm c khoản 2 Điều 3", "theo điểm c khoản 2 Điều 3")]
    [InlineData("dài 50 km đường tỉnh", "dài 50 km đường tỉnh")]
    [InlineData("UBND TP Lào Cai", "UBND TP Lào Cai")]
    [InlineData("ngành y t ế", "ngành y tế")]
    [InlineData("Đề án xây dựng", "Đề án xây dựng")]
    public void Should_join_syllables_a_pdf_split_apart_and_nothing_else(string text, string expected)
    {
        Assert.Equal(expected, SplitSyllables.Join(text, out _));
    }

    [Fact]
    public void Should_read_the_agency_a_pdf_split_apart_as_the_agency_and_say_the_text_was_joined()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chăm sóc người có công năm 2026
            III. TỔ CHỨC THỰC HIỆN
            1. Bộ Y t ế
            - Chủ trì xây dựng k ế hoạch chăm sóc sức khỏe người có công, hoàn thành Đ ế n năm 2027.
            """, National);

        Assert.Equal("bo-yt", Item(p, "III.1-1").Lead?.AgencyKey);
        Assert.Equal(new DateOnly(2027, 12, 31), Item(p, "III.1-1").Deadline?.DueOn);
        Assert.Contains(p.Notes, n => n.Contains("joined"));
    }

    [Fact]
    public void Should_give_the_items_that_name_no_one_to_the_ministry_that_proposed_the_decision()
    {
        // QĐ 773/QĐ-TTg (Bộ Lao động - Thương binh và Xã hội), QĐ 254/QĐ-UBND Sơn La (Công an tỉnh), QĐ 2200/QĐ-BNNMT write it.
        var p = Parse("""
            QUYẾT ĐỊNH
            Ban hành Kế hoạch chăm sóc người có công
            Xét đề nghị của Bộ trưởng Bộ Lao động - Thương binh và Xã hội,
            II. NHIỆM VỤ
            1. Rà soát, hoàn thiện chính sách ưu đãi người có công.
            2. Bộ Y tế xây dựng kế hoạch chăm sóc sức khỏe người có công.
            """, National);

        Assert.Equal("bo-ldtbxh", Item(p, "II.1").Lead?.AgencyKey);
        Assert.Equal("bo-yt", Item(p, "II.2").Lead?.AgencyKey);
    }

    [Fact]
    public void Should_not_give_the_plan_to_an_office_that_prepares_documents_to_carry_it_out()
    {
        // KH 252/KH-BCĐQG1237: the committee's office "đề xuất … để triển khai thực hiện Kế hoạch này" serves the plan.
        var p = Parse("""
            KẾ HOẠCH
            Tìm kiếm, quy tập hài cốt liệt sĩ
            C. NỘI DUNG TRỌNG TÂM
            1. Tổng kết giai đoạn năm 2013 - 2015; bổ sung kế hoạch giai đoạn năm 2016 - 2020.
            D. TỔ CHỨC THỰC HIỆN
            1. Văn phòng Ban Chỉ đạo quốc gia 1237
            - Chủ trì, phối hợp với các cơ quan chức năng đề xuất các văn bản chỉ đạo để triển khai thực hiện Kế hoạch này.
            """, National);

        Assert.NotEqual("vp-bcd", Item(p, "C.1").Lead?.AgencyKey);
    }

    [Fact]
    public void Should_count_what_a_clause_opening_with_completion_sets_out_to_complete()
    {
        // KH 134/KH-UBND Lào Cai II.4 writes it; the rest is constructed.
        var targets = TargetPhrases.Find("Hoàn thành di dời 01 khu công nghiệp (Đông Phố Mới) và 02 cụm công nghiệp (Đông Phố Mới và Sơn Mãn).");
        Assert.Equal([(1m, TargetUnit.Count), (2m, TargetUnit.Count)], targets.Select(t => (t.Value, t.Unit)));
        Assert.All(targets, t => Assert.Equal(TargetComparison.AtLeast, t.Comparison));

        // A document's or article's number, a date and a year are no counts.
        Assert.Empty(TargetPhrases.Find("Hoàn thành việc sửa đổi Điều 52 Luật Bảo vệ môi trường theo Nghị quyết số 15 ngày 01 tháng 7 năm 2026."));
        // Nor is a count in a clause that does not open with completing.
        Assert.Empty(TargetPhrases.Find("Tổ chức 03 đoàn kiểm tra tại các cụm công nghiệp."));
    }

    [Fact]
    public void Should_read_a_roman_section_written_after_its_word_as_a_section()
    {
        // QĐ 773/QĐ-TTg as a web page writes "## Mục II. NHIỆM VỤ VÀ GIẢI PHÁP"; "Phần", "Chương" the same.
        var p = Parse("""
            KẾ HOẠCH
            Chăm sóc người có công
            ## Mục II. NHIỆM VỤ VÀ GIẢI PHÁP
            1. Bộ Y tế xây dựng kế hoạch chăm sóc sức khỏe người có công.
            # BAN HÀNH KẾ HOẠCH CHĂM SÓC NGƯỜI CÓ CÔNG
            ## Mục III. TỔ CHỨC THỰC HIỆN
            1. Bộ Quốc phòng hoàn thiện hồ sơ liệt sĩ.
            """, National);

        Assert.Equal("bo-yt", Item(p, "II.1").Lead?.AgencyKey);
        Assert.Equal("bo-qp", Item(p, "III.1").Lead?.AgencyKey);
        Assert.DoesNotContain(p.Items, i => i.Title.StartsWith("BAN HÀNH", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_take_the_lead_of_an_item_from_a_heading_that_says_whose_duties_it_holds()
    {
        // KH 252/KH-BCĐQG1237 D.3: "Trách nhiệm của …" over a paragraph whose subject is not at its start.
        var p = Parse("""
            KẾ HOẠCH
            Tìm kiếm, quy tập hài cốt liệt sĩ
            D. TỔ CHỨC THỰC HIỆN
            3. Trách nhiệm của Bộ Quốc phòng; Bộ Y tế
            Căn cứ các nội dung phân công tại Kế hoạch này, theo chức năng, nhiệm vụ, xây dựng kế hoạch triển khai thực hiện.
            """, National);

        Assert.Equal("bo-qp", Item(p, "D.3").Lead?.AgencyKey);
        Assert.Equal(["bo-yt"], Item(p, "D.3").Coordinating.Select(c => c.AgencyKey));
    }

    [Fact]
    public void Should_read_a_merged_agency_written_with_its_predecessors_names()
    {
        var directory = new AgencyDirectory("Việt Nam",
        [
            new DirectoryAgency(1, "cuc-lnkl", "Cục Lâm nghiệp và Kiểm lâm", null, []),
            new DirectoryAgency(2, "so-nnmt", "Sở Nông nghiệp và Môi trường các tỉnh", null, []),
            new DirectoryAgency(3, "so-tc", "Sở Tài chính", null, []),
            new DirectoryAgency(4, "so-xd", "Sở Xây dựng", null, []),
        ]);

        Assert.Equal(["cuc-lnkl", "so-nnmt"], directory.Mentions("Cục Lâm nghiệp và Cục Kiểm lâm; Sở Nông nghiệp và Môi trường các tỉnh").Select(m => m.Agency?.Key));
        // Two agencies that are two agencies stay two.
        Assert.Equal(["so-tc", "so-xd"], directory.Mentions("Sở Tài chính và Sở Xây dựng").Select(m => m.Agency?.Key));
    }

    [Fact]
    public void Should_keep_the_items_own_year_when_a_targets_yearly_steps_follow_it()
    {
        // QĐ 773/QĐ-TTg II.1.e; the second item is constructed.
        var p = Parse("""
            KẾ HOẠCH
            Chăm sóc người có công
            II. NHIỆM VỤ
            1. Đến năm 2020, phấn đấu đạt 100% gia đình người có công có mức sống bằng hoặc cao hơn mức trung bình, năm 2018 đạt 99%, năm 2019 đạt 99,5%.
            2. Bộ Y tế hoàn thành đề án trong năm 2019.
            """, National);

        Assert.Equal(DeadlineKind.Year, Item(p, "II.1").Deadline?.Kind);
        Assert.Equal(new DateOnly(2020, 12, 31), Item(p, "II.1").Deadline?.DueOn);
        Assert.Equal([100m, 99m, 99.5m], Item(p, "II.1").Targets.Select(t => t.Value));
        Assert.Equal(new DateOnly(2019, 12, 31), Item(p, "II.2").Deadline?.DueOn);
    }

    [Fact]
    public void Should_read_no_target_in_a_rate_that_says_how_and_an_exact_count_in_what_is_kept()
    {
        // NQ 03/NQ-CP II.6.i and its appendix row 131; KH 252/KH-BCĐQG1237 B.IV.1.đ.
        Assert.Empty(TargetPhrases.Find("có đầu tư Trung tâm nghiên cứu và phát triển tại Việt Nam với tỷ lệ 1% – 3% doanh thu."));
        Assert.Empty(TargetPhrases.Find("Hỗ trợ doanh nghiệp với mức 50% kinh phí đào tạo."));
        Assert.Equal([(70m, TargetComparison.AtLeast)], TargetPhrases.Find("Tỷ lệ hồ sơ trực tuyến đạt 70%.").Select(t => (t.Value, t.Comparison)));

        var kept = Assert.Single(TargetPhrases.Find("Trước mắt, giữ nguyên 20 đội như hiện nay."));
        Assert.Equal((20m, TargetUnit.Count, TargetComparison.Exactly), (kept.Value, kept.Unit, kept.Comparison));
    }

    [Fact]
    public void Should_keep_a_wrapped_recipient_line_in_the_letters_recipients()
    {
        // CV 2449-CV/ĐU Lào Cai: the second recipient's name runs onto the next line; the closing request is no task.
        var p = Parse("""
            Kính gửi: - Sở Nội vụ,
                      - Các cơ quan chuyên trách tham mưu, giúp việc
                      Đảng ủy Ủy ban nhân dân tỉnh,
                      - Công an tỉnh.
            Thực hiện Chương trình hành động số 104-CTr/TU, đề nghị các cơ quan thực hiện như sau:
            1. Sở Nội vụ rà soát tổ chức bộ máy, hoàn thành trước ngày 30/6/2026.
            2. Công an tỉnh bảo đảm an ninh trật tự.
            Đề nghị các cơ quan nghiêm túc triển khai thực hiện.
            """, Province);

        Assert.Equal(["1", "2"], p.Items.Select(i => i.Code));
        Assert.Equal("so-nv", Item(p, "1").Lead?.AgencyKey);
    }
}

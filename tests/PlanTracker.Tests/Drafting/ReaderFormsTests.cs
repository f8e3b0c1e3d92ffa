using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The forms of issue 15 (real documents the seeds never showed), each on two constructed cases written in
/// the shape of the development corpus (tests/PlanTracker.Tests/Drafting/Corpus): no database.
/// </summary>
public sealed class ReaderFormsTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    private static ProposedItem Titled(Proposal p, string start) => p.Items.Single(i => i.Title.StartsWith(start, StringComparison.Ordinal));

    [Theory]
    [InlineData("Gửi báo cáo về Sở Nội vụ trước ngày 20 tháng 11 năm 2025.", DeadlineKind.Date, "2025-11-20")]
    [InlineData("Hoàn thành trước ngày 31 tháng 10 năm 2024.", DeadlineKind.Date, "2024-10-31")]
    [InlineData("Đưa vào vận hành trong Quí III năm 2025.", DeadlineKind.Quarter, "2025-09-30")]
    [InlineData("Hoàn thành quy hoạch trước năm 2025.", DeadlineKind.Date, "2024-12-31")]
    [InlineData("Thực hiện từ năm 2025 đến hết năm 2030.", DeadlineKind.Period, "2030-12-31")]
    public void Should_read_written_out_days_quí_before_a_year_and_from_to_periods(string sentence, DeadlineKind kind, string dueOn)
    {
        var p = Parse($"KẾ HOẠCH\nChuyển đổi số\n\nII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì. {sentence}");

        var d = Item(p, "II.1").Deadline!;

        Assert.Equal(kind, d.Kind);
        Assert.Equal(DateOnly.Parse(dueOn), d.DueOn);
    }

    [Fact]
    public void Should_not_take_a_vision_year_or_the_years_in_a_cited_strategy_or_party_resolution_as_deadlines()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phát triển khoáng sản đến năm 2030, tầm nhìn đến năm 2045

            II. NHIỆM VỤ
            1. Sở Công Thương tham mưu triển khai Chiến lược dữ liệu quốc gia đến năm 2030.
            2. Sở Xây dựng phổ biến Nghị quyết số 10-NQ/TW của Bộ Chính trị về định hướng chiến lược địa chất đến năm 2030.
            3. Sở Tài chính rà soát Quy hoạch tỉnh thời kỳ 2021 - 2030, hoàn thành trước ngày 30 tháng 6 năm 2026.
            """);

        // The plan's own horizon is its period, not the vision year; the cited titles' years are nobody's deadline.
        Assert.All(new[] { "II.1", "II.2" }, code =>
        {
            Assert.Equal(DeadlineKind.Year, Item(p, code).Deadline!.Kind);
            Assert.Equal(new DateOnly(2030, 12, 31), Item(p, code).Deadline!.DueOn);
            Assert.True(Item(p, code).Deadline!.Inherited);
        });
        Assert.Equal(new DateOnly(2026, 6, 30), Item(p, "II.3").Deadline!.DueOn);
    }

    [Fact]
    public void Should_take_the_plans_stated_duration_as_its_horizon()
    {
        var p = Parse("""
            CHƯƠNG TRÌNH
            Giảm phát thải khí nhà kính đến năm 2030

            1. Phạm vi, đối tượng và thời gian thực hiện:
            - Phạm vi: toàn tỉnh.
            - Thời gian thực hiện: Từ năm 2027 đến hết năm 2030.
            2. Nhiệm vụ
            a) Sở Nội vụ kiện toàn tổ chức bộ máy.
            b) Sở Tài chính bố trí kinh phí thực hiện.
            """);

        Assert.All(new[] { "2.a", "2.b" }, code => Assert.Equal((DeadlineKind.Period, new DateOnly(2027, 1, 1)),
            (Item(p, code).Deadline!.Kind, Item(p, code).Deadline!.StartOn!.Value)));
        Assert.DoesNotContain(p.Items, i => i.Title.StartsWith("Thời gian thực hiện", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_table_headers_by_their_first_words_and_a_caption_as_the_tables_title()
    {
        var p = Parse("""
            KẾ HOẠCH
            Triển khai Chỉ thị

            I. MỤC ĐÍCH
            Bảo đảm thực hiện đồng bộ.

            DANH MỤC
            CÁC NHIỆM VỤ CHỦ YẾU KÈM THEO KẾ HOẠCH
            (Kèm theo Kế hoạch số 09/KH-UBND ngày 06 tháng 8 năm 2026 của Ủy ban nhân dân tỉnh)

            | TT | Nhiệm vụ và giải pháp | Sản phẩm | Cơ quan chủ trì thực hiện | Cơ quan phối hợp thực hiện | Thời gian trình |
            | --- | --- | --- | --- | --- | --- |
            | 1 | Xây dựng cơ sở dữ liệu khoáng sản | Hệ thống | Sở Công Thương | Sở Tài chính | Tháng 12/2026 |
            | 2 | Rà soát quy định về đấu giá | Quyết định | Sở Tư pháp | Sở Xây dựng | Quý IV năm 2026 |
            """);

        var table = Item(p, "PL");
        Assert.Equal("DANH MỤC CÁC NHIỆM VỤ CHỦ YẾU KÈM THEO KẾ HOẠCH", table.Title);
        Assert.Equal(["PL", "PL.1", "PL.2"], p.Items.Select(i => i.Code));
        Assert.Equal("vinh-phuc/so-cong-thuong", Item(p, "PL.1").Lead!.AgencyKey);
        Assert.Equal("vinh-phuc/so-tai-chinh", Assert.Single(Item(p, "PL.1").Coordinating).AgencyKey);
        Assert.Equal(new DateOnly(2026, 12, 31), Item(p, "PL.1").Deadline!.DueOn);
        Assert.Equal(DeadlineKind.Quarter, Item(p, "PL.2").Deadline!.Kind);
    }

    [Fact]
    public void Should_read_a_header_on_two_rows_numbering_in_the_time_column_and_a_time_cell_merged_over_rows()
    {
        var p = Parse("""
            KẾ HOẠCH
            Lập quy hoạch

            | Thời gian | Nội dung công việc | Thực hiện |
            |  |  | Đơn vị chủ trì | Đơn vị phối hợp |
            | I | GIAI ĐOẠN 1: LẬP NHIỆM VỤ |
            | 1 | Lập nhiệm vụ quy hoạch |
            | 10-11/2026 | Xây dựng khung định hướng quy hoạch | Sở Xây dựng | Sở Tài chính |
            |  | Lấy ý kiến các cơ quan liên quan | Sở Xây dựng | Sở Tư pháp |
            | 12/2026 | Phê duyệt nhiệm vụ lập quy hoạch | Sở Tài chính | Sở Xây dựng |
            """);

        Assert.True(Item(p, "PL.I").IsGroup);
        var heading = Item(p, "PL.I.1");
        Assert.True(heading.IsGroup);
        var rows = p.Items.Where(i => i.ParentId == heading.Id).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal((DeadlineKind.Date, new DateOnly(2026, 11, 30)), (rows[0].Deadline!.Kind, rows[0].Deadline!.DueOn!.Value));
        Assert.Equal(new DateOnly(2026, 11, 30), rows[1].Deadline!.DueOn);
        Assert.True(rows[1].Deadline!.Inherited);
        Assert.Equal((DeadlineKind.Month, new DateOnly(2026, 12, 31)), (rows[2].Deadline!.Kind, rows[2].Deadline!.DueOn!.Value));
        Assert.Equal("vinh-phuc/so-tai-chinh", rows[2].Lead!.AgencyKey);
    }

    [Fact]
    public void Should_group_rows_under_a_group_column_and_number_11_1_under_11()
    {
        var p = Parse("""
            CHƯƠNG TRÌNH
            Giảm phát thải

            PHỤ LỤC
            NỘI DUNG CHƯƠNG TRÌNH GIAI ĐOẠN 2026 - 2030

            | TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
            | a) | Nhóm hoạt động nhằm hạn chế mất rừng |
            | - | Rà soát quy hoạch sử dụng rừng | + Rà soát quy hoạch đất lâm nghiệp | Sở Nông nghiệp và Phát triển nông thôn | Sở Tài chính | 2026-2030 |
            |  |  | + Hỗ trợ lập quy hoạch cấp tỉnh | Sở Kế hoạch và Đầu tư | Sở Xây dựng | 2026-2027 |
            | 11 | Chỉ tiêu về dịch vụ công | | | | |
            | 11.1 | Tỉ lệ hồ sơ trực tuyến | | Sở Nội vụ | | 2030 |
            """);

        Assert.Equal("NỘI DUNG CHƯƠNG TRÌNH GIAI ĐOẠN 2026 - 2030", Item(p, "PL").Title);
        var group = Titled(p, "Rà soát quy hoạch sử dụng rừng");
        Assert.True(group.IsGroup);
        Assert.Equal(["Rà soát quy hoạch đất lâm nghiệp", "Hỗ trợ lập quy hoạch cấp tỉnh"],
            p.Items.Where(i => i.ParentId == group.Id).Select(i => i.Title));
        Assert.Equal("vinh-phuc/so-khdt", Titled(p, "Hỗ trợ lập").Lead!.AgencyKey);
        var eleven = Titled(p, "Chỉ tiêu về dịch vụ công");
        Assert.True(eleven.IsGroup);
        Assert.Equal(eleven.Id, Titled(p, "Tỉ lệ hồ sơ trực tuyến").ParentId);
    }

    [Fact]
    public void Should_read_targets_from_an_indicator_tables_unit_and_value_cells_and_its_group_rows_time()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            PHỤ LỤC I
            DANH MỤC CÁC CHỈ TIÊU CỤ THỂ

            | TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá |
            | --- | --- | --- | --- | --- |
            | **I** | **Đến năm 2030** | | | |
            | 1 | Xếp hạng năng lực cạnh tranh số | Thứ bậc | ≤ 3 Đông Nam Á; ≤ 50 Thế giới | Sở Nội vụ |
            | 2 | Số doanh nghiệp công nghệ số | Doanh nghiệp | ≥ 1.500 | Sở Công Thương |
            | 3 | Quy mô kinh tế số | % GDP | 39,5 | Sở Tài chính |
            | 4 | Trình độ công nghệ của doanh nghiệp | Thứ bậc | Đạt mức trên trung bình | Sở Tư pháp |
            """);

        var rank = Titled(p, "Xếp hạng năng lực");
        Assert.Equal([(TargetComparison.AtMost, 3m, TargetUnit.Rank), (TargetComparison.AtMost, 50m, TargetUnit.Rank)],
            rank.Targets.Select(t => (t.Comparison, t.Value, t.Unit)));
        Assert.Equal((TargetComparison.AtLeast, 1500m, TargetUnit.Count, "Doanh nghiệp"),
            Titled(p, "Số doanh nghiệp").Targets.Select(t => (t.Comparison, t.Value, t.Unit, t.UnitText)).Single());
        Assert.Equal((39.5m, TargetUnit.Percent, "% GDP"), Titled(p, "Quy mô").Targets.Select(t => (t.Value, t.Unit, t.UnitText)).Single());
        Assert.Empty(Titled(p, "Trình độ công nghệ").Targets);
        Assert.Equal((DeadlineKind.Year, new DateOnly(2030, 12, 31), true), (rank.Deadline!.Kind, rank.Deadline.DueOn!.Value, rank.Deadline.Inherited));
    }

    [Fact]
    public void Should_address_a_letters_items_to_its_single_recipient_or_to_the_one_its_introduction_asks()
    {
        var greeting = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Số: 10/UBND-KT
            Kính gửi: Sở Tài chính
            Thực hiện chỉ đạo của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh có ý kiến như sau:
            1. Rà soát các khoản chi thường xuyên, báo cáo trước ngày 15/12/2026.
            2. Tổng hợp nhu cầu kinh phí năm 2027.
            """);
        var asked = Parse("""
            BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
            Số: 9389/BNNMT-BĐKH
            Kính gửi: Sở Tài chính; Sở Nội vụ
            Để triển khai các quy định mới, Bộ kính đề nghị UBND các huyện, thành phố, thị xã chỉ đạo các cơ quan trực thuộc thực hiện, cụ thể như sau:
            1. Rà soát số liệu tiêu thụ năng lượng.
            2. Báo cáo kết quả kiểm kê khí nhà kính.
            """);

        Assert.All(greeting.Items.Where(i => !i.IsGroup), i => Assert.Equal(("vinh-phuc/so-tai-chinh", AssigneeBasis.Addressee), (i.Lead!.AgencyKey, i.Lead.Basis)));
        Assert.All(asked.Items.Where(i => !i.IsGroup), i => Assert.Equal("vinh-phuc/ubnd-cap-huyen", i.Lead!.AgencyKey));
    }

    [Fact]
    public void Should_address_a_sections_items_to_whom_its_introducing_sentence_names()
    {
        var p = Parse("""
            CHƯƠNG TRÌNH HÀNH ĐỘNG
            Chuyển đổi số

            I. MỤC TIÊU
            Thực hiện đầy đủ các quan điểm.
            II. NHIỆM VỤ CỤ THỂ
            Nhằm đạt được mục tiêu đề ra, trong thời gian tới, bên cạnh các nhiệm vụ thường xuyên, các sở, ban, ngành cần tổ chức thực hiện các nhiệm vụ sau đây:
            1. Xây dựng chương trình tuyên truyền.
            2. Rà soát, tháo gỡ các điểm nghẽn về thể chế.
            3. Sở Tư pháp chủ trì rà soát văn bản quy phạm pháp luật.
            """);

        Assert.Equal(("vinh-phuc/cac-so-ban-nganh", AssigneeBasis.Addressee), (Item(p, "II.1").Lead!.AgencyKey, Item(p, "II.1").Lead!.Basis));
        Assert.Equal("vinh-phuc/cac-so-ban-nganh", Item(p, "II.2").Lead!.AgencyKey);
        Assert.Equal("vinh-phuc/so-tu-phap", Item(p, "II.3").Lead!.AgencyKey);
        // "các nhiệm vụ thường xuyên" names regular work, not the time of these tasks.
        Assert.NotEqual(DeadlineKind.Continuous, Item(p, "II.1").Deadline!.Kind);
    }

    [Fact]
    public void Should_not_propose_a_section_again_that_the_appendix_table_details()
    {
        var p = Parse("""
            ĐỀ ÁN
            Thị trường các-bon

            IV. NHIỆM VỤ VÀ GIẢI PHÁP
            1. Nhóm nhiệm vụ về hàng hóa
            - Xây dựng kế hoạch giảm nhẹ phát thải;
            - Xây dựng quy định về quản lý tín chỉ;
            (Chi tiết về các nhiệm vụ và giải pháp được thể hiện tại Phụ lục kèm theo)
            V. TỔ CHỨC THỰC HIỆN
            1. Sở Tài chính bố trí kinh phí thực hiện Đề án.

            PHỤ LỤC
            | TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện/ hoàn thành |
            | 1 | Xây dựng kế hoạch giảm nhẹ phát thải | Sở Công Thương | Sở Tài chính | 2026-2027 |
            """);

        Assert.DoesNotContain(p.Items, i => i.Code.StartsWith("IV", StringComparison.Ordinal));
        Assert.Equal("vinh-phuc/so-tai-chinh", Item(p, "V.1").Lead!.AgencyKey);
        Assert.Equal("vinh-phuc/so-cong-thuong", Item(p, "PL.1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_read_markdown_headings_an_annexed_programmes_named_heading_and_the_specific_objectives()
    {
        var p = Parse("""
            # NGHỊ QUYẾT
            Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.
            Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký.
            Nơi nhận:
            - Như Điều 3;
            TM. CHÍNH PHỦ
            # CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ
            *(Kèm theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2026 của Chính phủ)*
            ## I. MỤC TIÊU
            ### 1. Mục tiêu chung
            Phát triển khoa học, công nghệ.
            ### 2. Mục tiêu cụ thể
            a) Tỷ lệ dịch vụ công trực tuyến đạt trên 80%.
            b) Kinh tế số đạt 30% GDP.
            ## II. NHIỆM VỤ CỤ THỂ
            ### 1. Sở Nội vụ xây dựng chương trình đào tạo.
            """);

        Assert.Equal(["I.2", "I.2.a", "I.2.b", "II", "II.1"], p.Items.Select(i => i.Code));
        Assert.Equal(80m, Item(p, "I.2.a").Targets.Single().Value);
        Assert.Equal("vinh-phuc/so-noi-vu", Item(p, "II.1").Lead!.AgencyKey);
    }

    [Theory]
    [InlineData("Về đề nghị của Sở Tài chính, Phó Chủ tịch UBND tỉnh có ý kiến như sau:", "Sở Nội vụ báo cáo kết quả rà soát trước ngày 15/12/2026.", "vinh-phuc/so-noi-vu")]
    [InlineData("Thực hiện chỉ đạo của Thủ tướng Chính phủ, Chủ tịch UBND tỉnh chỉ đạo như sau:", "Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp hướng dẫn thủ tục.", "vinh-phuc/so-cong-thuong")]
    public void Should_read_each_paragraph_after_an_unnumbered_letters_introduction_as_an_item(string intro, string paragraph, string lead)
    {
        var p = Parse($"ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC\nSố: 12/UBND-KT\n{intro}\n{paragraph}\nVăn phòng UBND tỉnh thông báo để các cơ quan biết, thực hiện./.");

        var item = Assert.Single(p.Items);
        Assert.Equal(lead, item.Lead!.AgencyKey);
    }

    [Fact]
    public void Should_not_read_the_recipients_under_kính_gửi_as_items()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Số: 9387/UBND-KT
            Kính gửi:
            - Các sở, ban, ngành;
            - Sở Nội vụ;
            - UBND các huyện, thành phố, thị xã.
            Thực hiện Chương trình hành động của Tỉnh ủy, Chủ tịch UBND tỉnh có ý kiến chỉ đạo như sau:
            1. Các sở, ban, ngành tổ chức quán triệt Chương trình.
            2. Giao Sở Nội vụ tổng hợp, báo cáo trước ngày 05/10/2026.
            """);

        Assert.Equal(["1", "2"], p.Items.Select(i => i.Code));
        Assert.Equal("vinh-phuc/so-noi-vu", Item(p, "2").Lead!.AgencyKey);
    }

    /// <summary>A directory with two groups and the group that holds them both, as a national one has.</summary>
    private static readonly AgencyDirectory Joined = new("Vĩnh Phúc",
    [
        new DirectoryAgency(1, "so-a", "Sở Nội vụ", null, []),
        new DirectoryAgency(2, "so-b", "Sở Tài chính", null, []),
        new DirectoryAgency(3, "xa-1", "Ủy ban nhân dân xã Tam Dương", null, []),
        new DirectoryAgency(4, "cac-so", "Các sở, ban, ngành", null, ["các sở, ban, ngành tỉnh"], IsGroup: true, MemberKeys: ["so-a", "so-b"]),
        new DirectoryAgency(5, "ubnd-xa", "Ủy ban nhân dân các xã, phường", null, ["UBND các xã, phường"], IsGroup: true, MemberKeys: ["xa-1"]),
        new DirectoryAgency(6, "cac-so-xa", "Các sở, ngành, địa phương", null, [], IsGroup: true, MemberKeys: ["so-a", "so-b", "xa-1"]),
    ]);

    [Theory]
    // The document's introducing sentence, and a section's.
    [InlineData("Các sở, ban, ngành, Ủy ban nhân dân các xã, phường tổ chức thực hiện các nhiệm vụ sau:\n\nII. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\n2. Số hóa hồ sơ.", "II.1", "cac-so-xa")]
    [InlineData("II. NHIỆM VỤ\n1. Chuyển đổi số\nCác sở, ban, ngành và UBND các xã, phường thực hiện các nhiệm vụ sau:\na) Rà soát thủ tục hành chính.\nb) Số hóa hồ sơ.", "II.1.a", "cac-so-xa")]
    // Groups named apart are not joined: the first is the lead.
    [InlineData("II. NHIỆM VỤ\n1. Chuyển đổi số\nUBND các xã, phường chủ trì, phối hợp với các sở, ban, ngành thực hiện các nhiệm vụ sau:\na) Rà soát thủ tục hành chính.\nb) Số hóa hồ sơ.", "II.1.a", "ubnd-xa")]
    public void Should_read_several_groups_addressed_together_as_the_group_holding_them_all(string body, string code, string lead)
    {
        var p = DraftParser.Parse(DraftInput.FromText("KẾ HOẠCH\nChuyển đổi số năm 2026\n\n" + body.Replace("\\n", "\n")), Joined);

        Assert.Equal(lead, Item(p, code).Lead!.AgencyKey);
        Assert.Equal(AssigneeBasis.Addressee, Item(p, code).Lead!.Basis);
    }

    [Theory]
    [InlineData("Điều 1. Phê duyệt Chương trình giảm phát thải khí nhà kính; bảo tồn, quản lý bền vững rừng đến năm 2035 với các nội dung sau:")]
    [InlineData("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số, phát triển dữ liệu giai đoạn 2026 - 2035 với các nội dung sau:")]
    public void Should_not_take_the_years_closing_the_name_of_the_approved_programme_as_a_deadline(string article)
    {
        var p = Parse($"""
            QUYẾT ĐỊNH
            Về việc triển khai

            {article}
            1. Phạm vi và thời gian thực hiện:
            - Thời gian thực hiện: Từ năm 2027 đến hết năm 2030.
            2. Nhiệm vụ
            a) Sở Nội vụ kiện toàn tổ chức bộ máy.
            b) Sở Tài chính bố trí kinh phí thực hiện.
            """);

        // The items take the programme's stated duration, not the year in its name.
        Assert.All(p.Items.Where(i => i.Title.StartsWith("Sở", StringComparison.Ordinal)), i =>
            Assert.Equal((DeadlineKind.Period, new DateOnly(2030, 12, 31)), (i.Deadline!.Kind, i.Deadline!.DueOn!.Value)));
        Assert.Equal(2, p.Items.Count(i => i.Title.StartsWith("Sở", StringComparison.Ordinal)));
    }

    [Fact]
    public void Should_not_lend_an_appendix_rows_date_to_the_item_of_the_text_it_restates()
    {
        var p = Parse("""
            KẾ HOẠCH
            Triển khai Chỉ thị

            II. NHIỆM VỤ
            1. Sở Công Thương xây dựng cơ sở dữ liệu khoáng sản tập trung của tỉnh.
            2. Sở Tư pháp rà soát quy định về đấu giá quyền khai thác khoáng sản.

            PHỤ LỤC
            | TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
            | --- | --- | --- | --- | --- |
            | 1 | Xây dựng cơ sở dữ liệu khoáng sản tập trung của tỉnh | Sở Công Thương | Sở Tài chính | Tháng 12/2026 |
            | 2 | Rà soát quy định về đấu giá quyền khai thác khoáng sản | Sở Tư pháp | Sở Xây dựng | Quý IV năm 2026 |
            """);

        Assert.All(new[] { "II.1", "II.2" }, code => Assert.Null(Item(p, code).Deadline!.DueOn));
        Assert.Equal(new DateOnly(2026, 12, 31), Titled(p, "Xây dựng cơ sở dữ liệu").Deadline!.DueOn);
    }
}

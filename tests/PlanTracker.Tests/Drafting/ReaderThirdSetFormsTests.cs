using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The structure forms the third unseen set showed (issue 15, round 5; docs/decisions/0009-drafting.md): a responsibility
/// line after a group's bullets, an objectives list or a heading that points to the appendix, a catch-all "(nếu có)"
/// bullet, a lead column named by the kind of body that leads, and a table the PDF's text layer gave one cell per line with
/// no header to order it. Constructed cases in the shape of the documents; no database.
/// </summary>
public sealed class ReaderThirdSetFormsTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    [Fact]
    public void Should_read_a_responsibility_line_after_bullets_as_their_lead_and_not_as_an_item()
    {
        var p = Parse("""
            KẾ HOẠCH
            Bảo vệ môi trường năm 2026
            II. NHIỆM VỤ
            1. Tăng cường công tác tuyên truyền
            - Đổi mới công tác tuyên truyền, phổ biến pháp luật theo hướng số hóa.
            - Nhân rộng các mô hình phân loại chất thải tại nguồn.
            Trách nhiệm chỉ đạo thực hiện: Sở Tư pháp; Sở Nội vụ.
            2. Huy động các nguồn lực
            - Bố trí ngân sách cho sự nghiệp bảo vệ môi trường.
            Trách nhiệm thực hiện: Sở Tài chính.
            """);

        Assert.Equal(["II.1-1", "II.1-2"], p.Items.Where(i => i.ParentId == Item(p, "II.1").Id).Select(i => i.Code));
        Assert.DoesNotContain(p.Items, i => i.Title.StartsWith("Trách nhiệm", StringComparison.Ordinal));
        foreach (var code in new[] { "II.1-1", "II.1-2" })
        {
            Assert.Equal("vinh-phuc/so-tu-phap", Item(p, code).Lead!.AgencyKey);
            Assert.Contains(Item(p, code).Coordinating, c => c.AgencyKey == "vinh-phuc/so-noi-vu");
        }
        Assert.Equal("vinh-phuc/so-tai-chinh", Item(p, "II.2-1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_not_propose_an_objectives_list_or_a_heading_that_points_to_the_appendix()
    {
        var p = Parse("""
            KẾ HOẠCH
            Bảo vệ môi trường giai đoạn 2026 - 2030
            I. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU
            1. Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030
            1.1. Về quản lý chất thải
            - 95% chất thải rắn sinh hoạt đô thị được thu gom, xử lý.
            - 100% cụm công nghiệp có hệ thống xử lý nước thải tập trung.
            (Có biểu phụ lục số 01 chi tiết kèm theo)
            II. NHIỆM VỤ
            1. Các nhiệm vụ cần làm ngay trong năm 2026
            Các nhiệm vụ cần làm ngay trong năm 2026 được xác định tại Phụ lục 2 kèm theo Kế hoạch; tổ chức thực hiện theo tiến độ, trách nhiệm đề ra đối với từng nhiệm vụ.
            2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.
            PHỤ LỤC 1
            CÁC CHỈ TIÊU CHỦ YẾU
            | TT | Chỉ tiêu | Cơ quan chủ trì | Thời gian thực hiện |
            | 1 | Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý đạt 95% | Sở Xây dựng | 2026 - 2030 |
            | 2 | Tỷ lệ cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt 100% | Sở Công Thương | 2026 - 2030 |
            """);

        Assert.DoesNotContain(p.Items, i => i.Code.StartsWith("I.", StringComparison.Ordinal) || i.Code == "I");
        Assert.Equal(2, p.Items.Count(i => i.Origin == "table" && !i.IsGroup));
        Assert.DoesNotContain(p.Items, i => i.Code == "II.1");
        Assert.Equal("vinh-phuc/so-tai-chinh", Item(p, "II.2").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_keep_an_objectives_list_whose_appendix_was_not_read_as_the_only_copy_of_its_targets()
    {
        var p = Parse("""
            KẾ HOẠCH
            Bảo vệ môi trường giai đoạn 2026 - 2030
            I. MỤC TIÊU VÀ CHỈ TIÊU CHỦ YẾU
            1. Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030
            - 95% chất thải rắn sinh hoạt đô thị được thu gom, xử lý.
            - 100% cụm công nghiệp có hệ thống xử lý nước thải tập trung.
            (Có biểu phụ lục số 01 chi tiết kèm theo)
            """);

        Assert.Equal(2, p.Items.Count(i => !i.IsGroup && i.Targets.Count > 0));
        // The bracketed note after the bullets is no item of its own.
        Assert.Equal(2, p.Items.Count(i => !i.IsGroup));
    }

    [Theory]
    [InlineData("Thực hiện một số nội dung khác thuộc chức năng, nhiệm vụ của Sở hoặc theo sự phân công của Ủy ban nhân dân tỉnh (nếu có).")]
    [InlineData("Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao (nếu có).")]
    public void Should_not_propose_a_catch_all_bullet_left_open_for_later(string catchAll)
    {
        var p = Parse($"""
            KẾ HOẠCH
            Chuyển đổi số năm 2026
            II. NHIỆM VỤ
            1. Sở Nội vụ
            - Rà soát thủ tục hành chính trên môi trường số.
            - {catchAll}
            """);

        Assert.Single(p.Items, i => !i.IsGroup);
        Assert.DoesNotContain(p.Items, i => i.Title.Contains("(nếu có)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sở, ngành chủ trì tham mưu")]
    [InlineData("Cơ quan, tổ chức đảng chủ trì")]
    public void Should_read_a_lead_column_named_by_the_kind_of_body_that_leads(string leadColumn)
    {
        var p = Parse($"""
            KẾ HOẠCH
            Triển khai Chỉ thị năm 2026
            II. NHIỆM VỤ
            1. Sở Nội vụ tổ chức quán triệt Chỉ thị.
            Nơi nhận: - Như trên; - Lưu: VT.
            PHÓ CHỦ TỊCH Nguyễn Văn A

            Phụ lục

            MỘT SỐ NHIỆM VỤ TRỌNG TÂM
            (Kèm theo Kế hoạch số:    /KH-UBND ngày    tháng    năm 2026 của UBND tỉnh)

            TT | Tên nhiệm vụ | {leadColumn} | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú
             | (1) | (2) | (3) | (4) | (5)
            1 | Tổ chức quán triệt sâu rộng Chỉ thị đến cán bộ, công chức | Sở Nội vụ | Sở Tư pháp | Quý II/2026 |
            2 | Rà soát quy hoạch khoáng sản | Sở Tài chính | Sở Xây dựng | Thường xuyên |
            """);

        var rows = p.Items.Where(i => i.Origin == "table" && !i.IsGroup).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["vinh-phuc/so-noi-vu", "vinh-phuc/so-tai-chinh"], rows.Select(r => r.Lead!.AgencyKey));
        Assert.Equal("vinh-phuc/so-tu-phap", Assert.Single(rows[0].Coordinating).AgencyKey);
    }

    [Fact]
    public void Should_propose_nothing_from_a_table_given_one_cell_per_line_without_a_header_row_and_say_so()
    {
        var p = Parse("""
            KẾ HOẠCH
            Bảo vệ môi trường năm 2026
            II. NHIỆM VỤ
            1. Sở Nội vụ tổ chức quán triệt Kế hoạch.
            Nơi nhận:
            - Lưu: VT.
            T/M ỦY BAN NHÂN DÂN
            Nguyễn Văn A

            PHỤ LỤC 2
            DANH MỤC CÁC NHIỆM VỤ QUAN TRỌNG

            TT

            Nhiệm vụ cụ thể

            I Các nhiệm vụ cần làm ngay trong năm 2026

            Cơ quan chủ trì

            Cá nhân phụ trách chỉ
            đạo, kiểm tra, đôn đốc

            1

            Tổ chức quán triệt Kế hoạch đến cán bộ, công chức.

            Sở Nội vụ

            Đồng chí Nguyễn Văn B -
            Phó Chủ tịch UBND tỉnh

            2

            3

            Đồng chí Trần Văn C
            Phó Chủ tịch UBND tỉnh

            II Nhiệm vụ thực hiện theo lộ trình đến năm 2030
            """);

        Assert.Equal(["II", "II.1"], p.Items.Select(i => i.Code));
        Assert.DoesNotContain(p.Items, i => i.Title.Contains("Đồng chí", StringComparison.Ordinal));
        Assert.Contains(p.Notes, n => n.StartsWith("PHỤ LỤC 2", StringComparison.Ordinal) && n.Contains("one cell per line", StringComparison.Ordinal));
    }
}

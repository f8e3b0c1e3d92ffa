using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Imports;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Appendix tables given one cell per line with no pipe header (issue 15, round 6; docs/decisions/0009-drafting.md, "Round 6:
/// tables rebuilt"): a PDF's text layer that gives the columns one after another (column order) and a PDF viewer's copy that
/// gives each row's cells after its task (row order) are put back together by the column each cell's form names; what does
/// not add up is dropped with a note. Constructed cases in wordings and column orders of their own; no database.
/// </summary>
public sealed class ReaderScrambledTablesTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static List<ProposedItem> Rows(Proposal p) => p.Items.Where(i => i.Origin == "table" && !i.IsGroup).ToList();

    private const string Body = """
        KẾ HOẠCH
        Chuyển đổi số tỉnh Vĩnh Phúc giai đoạn 2026 - 2030
        I. MỤC TIÊU
        1. Chỉ tiêu chủ yếu
        - 90% hồ sơ thủ tục hành chính được số hóa.
        (Chi tiết tại Phụ lục I kèm theo)
        II. NHIỆM VỤ
        1. Sở Nội vụ tổ chức quán triệt Kế hoạch.
        Nơi nhận:
        - Lưu: VT.
        KT. CHỦ TỊCH
        Nguyễn Văn A

        """;

    [Fact]
    public void Should_keep_a_group_row_s_whole_title_when_runs_of_spaces_stand_before_it()
    {
        // A group row laid out as a PDF's text layer spaces it: the title's start was once found in the line with its
        // spaces, then cut from the text with them squeezed, which lost letters or threw on a short title.
        var text = Body + "PHỤ LỤC\nNHIỆM VỤ TRỌNG TÂM\n\nTT\n\nNội dung\n\nCơ quan chủ trì\n\nI" + new string(' ', 30) + "Ab\n\nII.1       Hoàn thiện thể chế\n\n1\n\nRà soát quy định về dữ liệu\n\nSở Tư pháp\n";

        var p = Parse(text);

        Assert.DoesNotContain(p.Items, i => i.Title.StartsWith("n thiện", StringComparison.Ordinal) || i.Title.StartsWith("thiện", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_nest_a_group_row_numbered_under_a_section_in_that_section_not_the_one_read_last()
    {
        // "II.1" after section I's rows, with no row "II": the text layer dropped it or the table opens the section so.
        var p = Parse(Body + "PHỤ LỤC\nNHIỆM VỤ TRỌNG TÂM\n\nTT\n\nNội dung\n\nCơ quan chủ trì\n\nI       Chuyển đổi số trong cơ quan nhà nước\n\n1\n\nRà soát quy định về dữ liệu\n\nSở Tư pháp\n\nII.1       Hoàn thiện thể chế\n\n2\n\nBan hành quy chế khai thác dữ liệu\n\nSở Nội vụ\n");

        var group = p.Items.Single(i => i.Title == "Hoàn thiện thể chế");
        Assert.Equal("PL.II.1", group.Code);
        Assert.Equal("PL", p.Items.Single(i => i.Id == group.ParentId).Code);
        Assert.Equal(group.Id, p.Items.Single(i => i.Title == "Ban hành quy chế khai thác dữ liệu").ParentId);
    }

    [Fact]
    public void Should_nest_a_group_row_numbered_under_a_section_in_it_when_the_section_s_row_stands_above()
    {
        var p = Parse(Body + "PHỤ LỤC\nNHIỆM VỤ TRỌNG TÂM\n\nTT\n\nNội dung\n\nCơ quan chủ trì\n\nI       Chuyển đổi số trong cơ quan nhà nước\n\n1\n\nRà soát quy định về dữ liệu\n\nSở Tư pháp\n\nII       Thể chế và nguồn lực\n\nII.1       Hoàn thiện thể chế\n\n2\n\nBan hành quy chế khai thác dữ liệu\n\nSở Nội vụ\n");

        var group = p.Items.Single(i => i.Title == "Hoàn thiện thể chế");
        Assert.Equal("PL.II.1", group.Code);
        Assert.Equal("Thể chế và nguồn lực", p.Items.Single(i => i.Id == group.ParentId).Title);
    }

    [Fact]
    public void Should_rebuild_an_indicator_table_whose_text_layer_gave_the_columns_one_after_another()
    {
        // Numbers, then the indicators, then their values, the header's lead cell after them, the leads; a page number and
        // the header repeated on the next page; one indicator cut by the page break.
        var p = Parse(Body + """
            PHỤ LỤC I
            CHỈ TIÊU CHUYỂN ĐỔI SỐ ĐẾN NĂM 2030
            (Kèm theo Kế hoạch số    /KH-UBND ngày    tháng    năm 2026)

            STT

            Chỉ tiêu

            Mục tiêu đến năm 2030

            1

            2

            3

            Tỷ lệ hồ sơ thủ tục hành chính
            được số hóa

            Tỷ lệ cơ quan nhà nước sử dụng
            chữ ký số

            Số doanh nghiệp công nghệ số
            thành lập mới

            ≥ 90%

            100%

            Tối thiểu
            500 doanh nghiệp

            Đơn vị
            chủ trì
            Sở Nội vụ

            Sở Tài chính

            Sở Khoa học
            và Công nghệ

            7

            STT

            Chỉ tiêu

            Mục tiêu đến năm 2030

            4 Tỷ lệ người dân có tài khoản
            định danh điện tử

            95%

            Sở Tư pháp
            """);

        var rows = Rows(p);
        Assert.Equal(4, rows.Count);
        Assert.StartsWith("Tỷ lệ hồ sơ thủ tục hành chính được số hóa", rows[0].Title, StringComparison.Ordinal);
        Assert.StartsWith("Tỷ lệ người dân có tài khoản định danh điện tử", rows[3].Title, StringComparison.Ordinal);
        Assert.Equal(["vinh-phuc/so-noi-vu", "vinh-phuc/so-tai-chinh", "vinh-phuc/so-kh-cn", "vinh-phuc/so-tu-phap"], rows.Select(r => r.Lead?.AgencyKey));
        Assert.Equal([90m, 100m, 500m, 95m], rows.Select(r => Assert.Single(r.Targets).Value));
        // No time column: the rows are due by the period the appendix's title names.
        Assert.All(rows, r => Assert.Equal(new DateOnly(2030, 12, 31), r.Deadline!.DueOn));
        // The body's objectives restate the appendix, which was read: they are no items.
        Assert.DoesNotContain(p.Items, i => i.Origin != "table" && i.Title.Contains("90% hồ sơ", StringComparison.Ordinal));
        Assert.DoesNotContain(p.Notes, n => n.Contains("one cell per line", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_rebuild_a_task_table_a_viewer_copied_row_by_row_with_coordinating_time_and_product_columns()
    {
        var p = Parse(Body + """
            PHỤ LỤC II
            DANH MỤC NHIỆM VỤ

            TT
            Nội dung công việc
            Đơn vị chủ trì
            Đơn vị phối hợp
            Thời gian hoàn thành
            Sản phẩm

            A. NHIỆM VỤ TRỌNG TÂM

            1
            Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức
            của tỉnh
            Sở Nội vụ
            Sở Tài chính
            Quí III/2026
            Cơ sở dữ liệu được vận hành

            2
            Ban hành quy chế khai thác dữ liệu dùng chung
            Sở Tư pháp
            Sở Nội vụ
            Năm 2027
            Quyết định của UBND tỉnh
            """);

        var rows = Rows(p);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức của tỉnh", rows[0].Title);
        Assert.Equal(["vinh-phuc/so-noi-vu", "vinh-phuc/so-tu-phap"], rows.Select(r => r.Lead?.AgencyKey));
        Assert.Equal("vinh-phuc/so-tai-chinh", Assert.Single(rows[0].Coordinating).AgencyKey);
        Assert.Equal("vinh-phuc/so-noi-vu", Assert.Single(rows[1].Coordinating).AgencyKey);
        Assert.Equal(new DateOnly(2026, 9, 30), rows[0].Deadline!.DueOn);
        Assert.Equal(new DateOnly(2027, 12, 31), rows[1].Deadline!.DueOn);
        Assert.Contains(p.Items, i => i.IsGroup && i.Title == "NHIỆM VỤ TRỌNG TÂM");
    }

    [Fact]
    public void Should_propose_nothing_and_say_so_when_a_column_does_not_have_one_cell_for_every_task()
    {
        // Three tasks, two leads and a person who names no agency: no reading puts every cell in a row.
        var p = Parse(Body + """
            PHỤ LỤC II
            DANH MỤC NHIỆM VỤ

            TT

            Nhiệm vụ

            Cơ quan thực hiện

            Lãnh đạo phụ trách

            Rà soát quy hoạch sử dụng đất cấp xã

            Kiểm tra việc bảo vệ tài nguyên nước

            Tổng kết việc thực hiện Kế hoạch

            Sở Tài chính

            Sở Nội vụ

            Đồng chí Lê Văn D
            """);

        Assert.Empty(Rows(p));
        Assert.DoesNotContain(p.Items, i => i.Title.Contains("Đồng chí", StringComparison.Ordinal) || i.Title.StartsWith("Rà soát", StringComparison.Ordinal));
        Assert.Contains(p.Notes, n => n.StartsWith("PHỤ LỤC II", StringComparison.Ordinal) && n.Contains("one cell per line", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Đơn vị chủ trì", "Thời gian hoàn thành")]
    [InlineData("Cơ quan thực hiện", "Tiến độ")]
    [InlineData("Cơ quan, tổ chức\nđảng chủ trì", "Thời hạn\nthực hiện\n(*)")]
    public void Should_name_each_column_by_its_header_wording_whatever_the_wording(string lead, string time)
    {
        var p = Parse(Body + $"""
            PHỤ LỤC II
            NHIỆM VỤ NĂM 2026

            TT

            Nhiệm vụ

            {lead}

            {time}

            1

            2

            Số hóa hồ sơ lưu trữ của các cơ quan

            Sở Tài chính

            Tổng kết việc thực hiện Kế hoạch

            Sở Nội vụ

            Tháng 6/2026

            Quý IV/2026
            """);

        var rows = Rows(p);
        Assert.Equal(["vinh-phuc/so-tai-chinh", "vinh-phuc/so-noi-vu"], rows.Select(r => r.Lead?.AgencyKey));
        Assert.Equal([new DateOnly(2026, 6, 30), new DateOnly(2026, 12, 31)], rows.Select(r => r.Deadline!.DueOn!.Value));
    }

    [Fact]
    public void Should_read_a_ruled_pdf_table_in_another_column_order_continued_over_a_page_break_with_its_header_repeated()
    {
        // A .pdf keeps the table's ruling lines: PdfLayout cuts the rows by them, so no rebuild is needed; the header the
        // next page repeats and the row numbering the columns are no rows.
        double[] columns = [50, 80, 200, 430, 540];
        void Header(DraftFormatsTests.PageWriter page, double y)
        {
            page.Text("STT", 55, y); page.Text("Don vi chu tri", 85, y); page.Text("Noi dung cong viec", 205, y); page.Text("Thoi gian hoan thanh", 435, y);
        }
        var pdf = DraftFormatsTests.Pdf(
            page =>
            {
                page.Text("KE HOACH", 50, 800);
                page.Text("Chuyen doi so nam 2026", 50, 785);
                page.Text("PHU LUC", 50, 760);
                page.Grid(top: 740, rows: [20, 20, 30], columns: columns);
                Header(page, 727);
                page.Text("1", 55, 707); page.Text("2", 85, 707); page.Text("3", 205, 707); page.Text("4", 435, 707);
                page.Text("1", 55, 687); page.Text("So Noi vu", 85, 687); page.Text("So hoa ho so luu tru", 205, 687); page.Text("31/12/2026", 435, 687);
            },
            page =>
            {
                page.Grid(top: 800, rows: [20, 30], columns: columns);
                Header(page, 787);
                page.Text("2", 55, 767); page.Text("So Tai chinh", 85, 767); page.Text("Ban hanh quy che du lieu", 205, 767); page.Text("30/6/2027", 435, 767);
            });

        var p = DraftParser.Parse(DraftInput.FromFile("phu-luc.pdf", new MemoryStream(pdf)), Directory);

        var rows = Rows(p);
        Assert.Equal(["So hoa ho so luu tru", "Ban hanh quy che du lieu"], rows.Select(r => r.Title));
        Assert.Equal([new DateOnly(2026, 12, 31), new DateOnly(2027, 6, 30)], rows.Select(r => r.Deadline!.DueOn!.Value));
        Assert.All(rows, r => Assert.NotNull(r.Lead));
    }

    [Fact]
    public void Should_skip_a_header_repeated_after_a_page_break_and_a_row_of_column_numbers()
    {
        var rows = AssignmentTable.Parse([
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["1", "2", "3", "4"],
            ["1", "Số hóa hồ sơ", "Sở Nội vụ", "2026"],
            ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
            ["2", "Ban hành quy chế", "Sở Tư pháp", "2027"],
        ]);

        Assert.Equal(["Số hóa hồ sơ", "Ban hành quy chế"], rows.Select(r => r.Task));
    }
}

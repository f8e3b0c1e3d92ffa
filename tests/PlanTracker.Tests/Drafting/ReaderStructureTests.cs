using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Which text becomes an item (issue 15, round 4: the held-out failures): layout text whose continuation lines start at
/// column 0, page markers and OCR footnotes, a section's list of assignees, the provisions that give no work, a letter
/// that numbers nothing, a table copied one cell per line. Constructed cases in the shape of the documents; no database.
/// </summary>
public sealed class ReaderStructureTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    private static string Full(ProposedItem i) => i.Description ?? i.Title;

    [Fact]
    public void Should_join_layout_lines_that_start_further_left_than_their_paragraph_even_with_a_capital()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                  TỈNH VĨNH PHÚC                      Độc lập - Tự do - Hạnh phúc
                  Số: 123 /KH-UBND                    Vĩnh Phúc, ngày 10 tháng 3 năm 2026
                                             KẾ HOẠCH
                            Phát triển các cụm công nghiệp năm 2026
                  I. TỔ CHỨC THỰC HIỆN
                  1. Sở Tài chính
                  - Rà soát và lập hồ sơ mở rộng các cụm công nghiệp hiện có phù hợp với quy
            hoạch và đúng quy định pháp luật (Bình Xuyên, Tam Dương, Lập Thạch, Yên
            Lạc, Vĩnh Tường).
                  - Tham mưu bố trí vốn đầu tư hạ tầng kỹ thuật các cụm công nghiệp trên địa
            bàn tỉnh, hoàn thành phân bổ vốn trong quý II năm 2026 theo quy định hiện hành;
            Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2026.
                  2. Sở Xây dựng
                  Chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn quy hoạch chi tiết
            các cụm công nghiệp theo quy định của pháp luật hiện hành về quy hoạch xây dựng.
                  Đồng thời, chủ trì kiểm tra việc xây dựng hạ tầng kỹ thuật các cụm công
            nghiệp trên địa bàn tỉnh, báo cáo kết quả thực hiện trước ngày 15/12/2026.
            """);

        // "Lạc, Vĩnh Tường)." and "Sở Tài chính tổng hợp …" start at column 0 under an indented first line: they go on with it.
        Assert.Equal(["I.1-1", "I.1-2"], p.Items.Where(i => i.ParentId == Item(p, "I.1").Id).Select(i => i.Code));
        Assert.EndsWith("Yên Lạc, Vĩnh Tường).", Full(Item(p, "I.1-1")));
        Assert.EndsWith("trước ngày 20/12/2026.", Full(Item(p, "I.1-2")));
        // Back at the first-line indent, "Đồng thời, …" is a paragraph of its own.
        Assert.Equal(2, p.Items.Count(i => i.ParentId == Item(p, "I.2").Id));
        Assert.StartsWith("Đồng thời", Item(p, "I.2-2").Title);
    }

    [Fact]
    public void Should_read_a_letter_that_numbers_nothing_as_its_order_not_its_background()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                  TỈNH VĨNH PHÚC                      Độc lập - Tự do - Hạnh phúc
                  Số: 812 /UBND-KT                    Vĩnh Phúc, ngày 10 tháng 8 năm 2026
            V/v kiểm tra, xác minh kiến nghị
                              Kính gửi:
                                   - Các Sở: Tài chính, Xây dựng,
                                     Công Thương;
                                   - Ủy ban nhân dân huyện Tam Dương.

                  Ủy ban nhân dân tỉnh nhận được Văn bản số 28/CV-XD ngày 04/8/2026 của Công ty
            Cổ phần Xây dựng Tam Đảo về việc lấn chiếm đất tại cụm công nghiệp Hợp Thịnh và
            Kim Long trên địa bàn huyện Tam Dương, tỉnh Vĩnh Phúc.
                   Sau khi xem xét, Chủ tịch Ủy ban nhân dân tỉnh giao Sở Tài chính chủ trì,
            phối hợp với Sở Xây dựng, Sở Công Thương, Ủy ban nhân dân huyện Tam Dương tổ chức
            Kiểm tra, xác minh, làm rõ nội dung kiến nghị, xử lý nghiêm các vi phạm (nếu có).
            Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 30/8/2026.
                  Yêu cầu Sở Tài chính, Sở Xây dựng, Sở Công Thương, Ủy ban nhân dân huyện Tam
            Dương triển khai thực hiện./.
            """);

        var item = Assert.Single(p.Items);
        Assert.StartsWith("Sau khi xem xét", item.Title);
        Assert.Equal("vinh-phuc/so-tai-chinh", item.Lead!.AgencyKey);
        Assert.Equal(new DateOnly(2026, 8, 30), item.Deadline!.DueOn);
    }

    [Fact]
    public void Should_blank_page_markers_and_the_OCR_footnote_above_them()
    {
        var p = Parse("""
            KẾ HOẠCH
            Quản lý tài sản kết cấu hạ tầng năm 2026

            II. NHIỆM VỤ
            1. Sở Tài chính rà soát, thống kê toàn bộ tài sản kết cấu hạ tầng do cơ quan,


            ===== Trang 2 =====
            đơn vị quản lý; hoàn thành trong quý IV năm 2026.
            2. Sở Xây dựng hướng dẫn lập hồ sơ tài sản theo quy định tương ứng!.

            ! Tại khoản 6 Điều 3 Nghị định số 178/2026/NĐ-CP.


            --- Page 3 ---
            3. Sở Nội vụ kiện toàn bộ phận quản lý tài sản.
            """);

        Assert.Equal(["II", "II.1", "II.2", "II.3"], p.Items.Select(i => i.Code));
        Assert.EndsWith("hoàn thành trong quý IV năm 2026.", Full(Item(p, "II.1")));
        Assert.Equal(new DateOnly(2026, 12, 31), Item(p, "II.1").Deadline!.DueOn);
        Assert.DoesNotContain(p.Items, i => Full(i).Contains("Trang", StringComparison.Ordinal) || Full(i).Contains("khoản 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_not_propose_funding_escalation_issuing_article_or_a_bare_heading_as_tasks()
    {
        var p = Parse("""
            QUYẾT ĐỊNH
            Ban hành Kế hoạch phát triển cụm công nghiệp năm 2026
            QUYẾT ĐỊNH:
            Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phát triển cụm công nghiệp năm 2026.
            Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
            Nơi nhận:
            - Như Điều 2;
            KẾ HOẠCH
            Phát triển cụm công nghiệp năm 2026
            I. NỘI DUNG
            1. Sở Công Thương rà soát quy hoạch các cụm công nghiệp.
            II. VỐN ĐẦU TƯ
            1. Vốn ngân sách nhà nước: 1.280 tỷ đồng, bao gồm:
            - Hoàn thiện hạ tầng kỹ thuật cụm công nghiệp với tổng số vốn 285 tỷ đồng.
            - Đầu tư xây dựng hạ tầng kỹ thuật khu tái định cư.
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Nội vụ theo dõi, đôn đốc thực hiện Kế hoạch.
            2. Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước trong dự toán chi thường xuyên hằng năm.
            3. Kinh phí thực hiện Kế hoạch này: Do ngân sách nhà nước đảm bảo theo phân cấp hiện hành.
            4. Trong quá trình thực hiện, nếu phát sinh khó khăn, vướng mắc, các cơ quan, đơn vị báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ) để xem xét.
            5. Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các sở, ban, ngành nghiêm túc thực hiện. Quá trình thực hiện nếu có khó khăn, vướng mắc, kịp thời báo cáo Ủy ban nhân dân tỉnh.
            6. Trong quá trình tổ chức thực hiện, nếu thấy cần sửa đổi, bổ sung nội dung của Kế hoạch, các sở chủ động đề xuất gửi Sở Nội vụ để tổng hợp.
            """);

        // A proposal to amend the plan asks for work (an amendment to propose): it stays.
        Assert.Equal(["I", "I.1", "III", "III.1", "III.6"], p.Items.Select(i => i.Code));
    }

    [Fact]
    public void Should_not_propose_a_heading_whose_only_paragraph_was_the_closing_formula()
    {
        var p = Parse("""
            Kính gửi: Các sở, ban, ngành.
            Chủ tịch Ủy ban nhân dân tỉnh yêu cầu thực hiện các nhiệm vụ sau:
            1. Sở Xây dựng hướng dẫn áp dụng giải pháp kỹ thuật phòng cháy, chữa cháy.
            2. Sở Công Thương kiểm tra an toàn phòng cháy tại các cụm công nghiệp.
            3. Tổ chức thực hiện
            Thủ trưởng các sở, ban, ngành tổ chức triển khai thực hiện nghiêm túc các nội dung nêu trên./.
            """);

        Assert.Equal(["1", "2"], p.Items.Select(i => i.Code));
    }

    [Fact]
    public void Should_read_bullets_that_only_name_agencies_as_the_sections_assignees()
    {
        var p = Parse("""
            Kính gửi: Các sở, ban, ngành.
            Chủ tịch Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành thực hiện các nội dung sau:
            1. Các sở quản lý chuyên ngành về hạ tầng
            Giao các sở quản lý nhà nước chuyên ngành về hạ tầng theo ngành, lĩnh vực gồm:
            - Sở Công Thương (đối với tài sản kết cấu hạ tầng thương mại);
            - Sở Xây dựng (đối với tài sản kết cấu hạ tầng đô thị);
            - Ban Quản lý các khu công nghiệp tỉnh Vĩnh Phúc, Ban Quản lý khu kinh tế cửa khẩu (đối với tài sản khu công nghiệp).
            Có trách nhiệm:
            a) Rà soát, thống kê tài sản kết cấu hạ tầng thuộc phạm vi quản lý.
            b) Hướng dẫn các đơn vị lập hồ sơ tài sản.
            2. Thanh tra tỉnh kiểm tra việc quản lý tài sản kết cấu hạ tầng.
            """);

        Assert.Equal(["1", "1.a", "1.b", "2"], p.Items.Select(i => i.Code));
        Assert.All(new[] { "1.a", "1.b" }, code => Assert.Equal("vinh-phuc/so-cong-thuong", Item(p, code).Lead!.AgencyKey));
    }

    [Fact]
    public void Should_read_lettered_lines_that_only_name_agencies_as_the_items_assignees()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phòng cháy tại các cụm công nghiệp năm 2026
            II. NHIỆM VỤ
            1. Kiểm tra an toàn phòng cháy, chữa cháy tại các cụm công nghiệp; giao các cơ quan, đơn vị sau:
            a) Sở Công Thương;
            b) Sở Xây dựng;
            c) Sở Tư pháp.
            2. Sở Nội vụ tổng hợp kết quả kiểm tra.
            """);

        Assert.Equal(["II", "II.1", "II.2"], p.Items.Select(i => i.Code));
        Assert.False(Item(p, "II.1").IsGroup);
        Assert.Equal("vinh-phuc/so-cong-thuong", Item(p, "II.1").Lead!.AgencyKey);
        Assert.Contains(Item(p, "II.1").Coordinating, c => c.AgencyKey == "vinh-phuc/so-xay-dung");
    }

    [Fact]
    public void Should_read_a_duty_before_the_sentence_introducing_an_agencys_bullets_as_its_first_item()
    {
        var p = Parse("""
            KẾ HOẠCH
            Bảo vệ bí mật nhà nước năm 2026
            III. PHÂN CÔNG NHIỆM VỤ
            1. Sở Nội vụ
            Tham mưu giúp UBND tỉnh chỉ đạo công tác bảo vệ bí mật nhà nước trên địa bàn tỉnh.
            Trong đó giao Giám đốc Sở Nội vụ chỉ đạo thực hiện:
            - Đôn đốc, hướng dẫn các cơ quan thực hiện Luật Bảo vệ bí mật nhà nước.
            - Thành lập Đoàn kiểm tra công tác bảo vệ bí mật nhà nước.
            2. Sở Tư pháp
            Phối hợp với Sở Nội vụ kiểm tra việc thực hiện.
            """);

        Assert.Equal(["III", "III.1", "III.1-1", "III.1-2", "III.1-3", "III.2"], p.Items.Select(i => i.Code));
        Assert.StartsWith("Tham mưu", Item(p, "III.1-1").Title);
        Assert.All(new[] { "III.1-1", "III.1-2", "III.1-3" }, code => Assert.Equal("vinh-phuc/so-noi-vu", Item(p, code).Lead!.AgencyKey));
    }

    [Fact]
    public void Should_file_a_table_row_numbered_under_a_section_in_that_section()
    {
        // "II.1" under the row "II": the row's number names its section, once ("PL.II.1", not "PL.II.II.1").
        var p = Parse("""
            KẾ HOẠCH
            Triển khai Nghị định năm 2026
            II. NHIỆM VỤ
            1. Sở Nội vụ tổ chức phổ biến Nghị định.
            PHỤ LỤC
            DANH MỤC NHIỆM VỤ
            | TT | Nội dung | Cơ quan chủ trì | Thời gian thực hiện |
            | --- | --- | --- | --- |
            | I | Cải cách hành chính | | |
            | 1 | Rà soát thủ tục hành chính | Sở Tư pháp | Quý III/2026 |
            | II | Chuyển đổi số | | |
            | II.1 | Xây dựng cơ sở dữ liệu cán bộ, công chức | Sở Nội vụ | Quý IV/2026 |
            | II.2 | Số hóa hồ sơ lưu trữ | Sở Nội vụ | Năm 2027 |
            """);

        Assert.Equal(["PL", "PL.I", "PL.I.1", "PL.II", "PL.II.1", "PL.II.2"], p.Items.Where(i => i.Origin == "table").Select(i => i.Code));
        Assert.Equal(Item(p, "PL.II").Id, Item(p, "PL.II.2").ParentId);
    }

    [Fact]
    public void Should_read_a_table_copied_one_cell_per_line_under_its_pipe_header()
    {
        var p = Parse("""
            KẾ HOẠCH
            Triển khai Nghị định năm 2026
            II. NHIỆM VỤ
            1. Sở Nội vụ tổ chức phổ biến Nghị định.
            PHỤ LỤC
            DANH MỤC NHIỆM VỤ
            | TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
            | --- | --- | --- | --- |
            Thời gian thực hiện
            1
            Tuyên truyền, phổ biến Nghị định
            a)
            Tổ chức hội nghị phổ biến Nghị định
            Sở Nội vụ
            Sở Tư pháp
            Quý III/2026
            b)
            Biên soạn tài liệu hướng dẫn thực hiện Nghị định cho cán bộ
            Sở Tư pháp, Sở
            Sở Nội vụ
            Quý IV/2026
            cấp xã và người dân.
            Nội vụ
            2
            Xây dựng cơ sở dữ liệu hồ sơ tài sản.
            Sở Tài chính
            Sở Xây dựng
            Thường xuyên
            """);

        Assert.Equal(["PL", "PL.1", "PL.1.a", "PL.1.b", "PL.2"], p.Items.Where(i => i.Origin == "table").Select(i => i.Code));
        Assert.True(Item(p, "PL.1").IsGroup);
        Assert.Equal(("vinh-phuc/so-noi-vu", new DateOnly(2026, 9, 30)), (Item(p, "PL.1.a").Lead!.AgencyKey!, Item(p, "PL.1.a").Deadline!.DueOn!.Value));
        // The row cut by a page break: its task and lead cells go on after the time cell.
        Assert.EndsWith("cho cán bộ cấp xã và người dân.", Full(Item(p, "PL.1.b")));
        Assert.Equal("vinh-phuc/so-tu-phap", Item(p, "PL.1.b").Lead!.AgencyKey);
        Assert.Equal(DeadlineKind.Continuous, Item(p, "PL.2").Deadline!.Kind);
        Assert.Equal("vinh-phuc/so-tai-chinh", Item(p, "PL.2").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_keep_an_annex_pointer_and_an_items_own_parts_inside_the_item()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phát triển cụm công nghiệp năm 2026
            II. NHIỆM VỤ
            1. Tỷ lệ cụm công nghiệp có hệ thống xử lý nước thải tập trung đạt chuẩn 100%.
            Sở Tài nguyên và Môi trường triển khai xây dựng hoàn thành trong năm 2026.
            (chi tiết Phụ lục 04 đính kèm)
            2. Sở Tài chính giao tài sản cho đơn vị quản lý theo các hình thức sau:
            (i) Giao tài sản cho cơ quan quản lý theo hình thức ghi tăng tài sản;
            () Giao tài sản cho doanh nghiệp theo hình thức không tính vốn nhà nước.
            """);

        Assert.Equal(["II", "II.1", "II.2"], p.Items.Select(i => i.Code));
        Assert.Contains("ghi tăng tài sản", Full(Item(p, "II.2")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Mong nhận được sự quan tâm, phối hợp của Quý Cơ quan.")]
    [InlineData("Trân trọng cảm ơn./.")]
    public void Should_end_a_letter_at_its_courtesy(string courtesy)
    {
        var p = Parse($"""
            Kính gửi: Các sở, ban, ngành.
            Bộ Tài chính đề nghị các cơ quan thực hiện các nhiệm vụ sau:
            1. Sở Tài chính rà soát tài sản kết cấu hạ tầng.
            2. Sở Xây dựng lập hồ sơ tài sản kết cấu hạ tầng.
            {courtesy}
            - Sở Nội vụ;
            """);

        Assert.Equal(["1", "2"], p.Items.Select(i => i.Code));
    }
}

using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Appendix task tables of national documents printed in the Official Gazette (Công báo) and extracted from its PDF (issue
/// 15, round 7; docs/decisions/0009-drafting.md, "Round 7 — tables printed in the Gazette"): every cell wrapped at its own
/// column's width, a row's cells one after another with nothing between them, the Gazette's page header and the table's
/// header again at each page. Development cases are short excerpts of NQ 105/NQ-CP and NQ 97/NQ-CP (Công báo 2026, not the
/// fifth set); the others are constructed in other column orders. No database.
/// </summary>
public sealed class ReaderGazetteTablesTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static List<ProposedItem> Rows(Proposal p) => p.Items.Where(i => i.Origin == "table" && !i.IsGroup).ToList();

    private static string Coordinators(ProposedItem item) => string.Join(" | ", item.Coordinating.Select(c => c.Name));

    /// <summary>The agency the directory reads first in a cell: a lead cell that names several bodies leads with it.</summary>
    private static string? First(string cell) => Directory.Mentions(cell)[0].Agency?.Key;

    private const string Body = """
        CÔNG BÁO/Số 242/Ngày 22-04-2026
        71

        CHÍNH PHỦ
        Số: 105/NQ-CP
        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        Hà Nội, ngày 08 tháng 4 năm 2026
        NGHỊ QUYẾT
        Ban hành Chương trình hành động của Chính phủ
        CHÍNH PHỦ
        QUYẾT NGHỊ:
        Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động của Chính phủ.
        Điều 2. Nghị quyết này có hiệu lực thi hành kể từ ngày ký.
        TM. CHÍNH PHỦ
        THỦ TƯỚNG

        """;

    [Fact]
    public void Should_read_the_rows_of_a_gazette_table_with_a_column_it_does_not_know_and_a_row_cut_by_a_page()
    {
        // NQ 105/NQ-CP, Phụ lục I (Công báo số 242): "Cấp trình" is a column of its own; row II.3 is cut by a page break, after
        // which the Gazette's page header, the page number and the table's header come again before the rest of its task.
        var p = Parse(Body + """
            CÔNG BÁO/Số 242/Ngày 22-04-2026
            77

            Phụ lục I
            NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN KẾT LUẬN SỐ 210-KL/TW
            (Kèm theo Chương trình hành động của Chính phủ tại
            Nghị quyết số 105/NQ-CP ngày 08 tháng 4 năm 2026 của Chính phủ)
            ___________

            TT
            Nội dung công việc
            Cơ quan
            chủ trì
            Cơ quan
            phối hợp
            Cấp trình
            Sản phẩm
            Thời hạn
            hoàn thành
            I
            Thực hiện hiệu quả công tác giáo dục chính trị, tư tưởng, thông tin, tuyên truyền
            1
            Tăng cường công tác lãnh đạo, chỉ đạo
            việc quán triệt, thực hiện Kết luận số 210-
            KL/TW; tiếp tục đẩy mạnh công tác
            thông tin, tuyên truyền, nâng cao nhận
            thức, trách nhiệm của các bộ, ngành, cơ
            quan, tổ chức, đơn vị; làm tốt công tác tư
            tưởng đối với đội ngũ cán bộ, công chức,
            viên chức, người lao động
            Các bộ, cơ
            quan ngang
            bộ, Ủy ban
            nhân dân các
            tỉnh, thành
            phố trực thuộc
            trung ương
            Các bộ,
            ngành, cơ
            quan liên
            quan
            Cấp có
            thẩm
            quyền
            Văn bản lãnh
            đạo, chỉ đạo;
            hoạt động
            thông tin,
            tuyên truyền
            Thường xuyên
            II
            Hoàn thiện thể chế; tiếp tục đẩy mạnh phân cấp, phân quyền gắn với cải cách thủ tục hành chính
            1
            Cải cách, cắt giảm, đơn giản hóa thủ tục
            hành chính, thực hiện thủ tục hành chính
            trên dữ liệu bảo đảm hiệu quả, phù hợp
            với mô hình chính quyền địa phương 2
            Các bộ, cơ
            quan ngang bộ
            Các bộ,
            ngành, cơ
            quan liên
            quan
            Cấp có
            thẩm
            quyền
            Văn bản quy
            định chi tiết
            Quý II/2026

            CÔNG BÁO/Số 242/Ngày 22-04-2026
            79


            TT
            Nội dung công việc
            Cơ quan
            chủ trì
            Cơ quan
            phối hợp
            Cấp trình
            Sản phẩm
            Thời hạn
            hoàn thành
            cấp; các quy định, hướng dẫn về hồ sơ,
            quy trình nghiệp vụ, thủ tục hành chính
            đã phân cấp, phân quyền, phân định thẩm
            quyền cho cấp tỉnh, cấp xã
            2
            Tham mưu ban hành Nghị định của
            Chính phủ quy định chi tiết và hướng dẫn
            thi hành một số điều của Luật Ngân sách
            nhà nước
            Bộ Tài chính
            Các bộ, cơ
            quan ngang
            bộ, Ủy ban
            nhân dân các
            tỉnh, thành
            phố trực
            thuộc trung
            ương
            Chính phủ
            Nghị định
            Năm 2026
            """);

        var rows = Rows(p);
        Assert.Equal(3, rows.Count);
        Assert.Equal("Tăng cường công tác lãnh đạo, chỉ đạo việc quán triệt, thực hiện Kết luận số 210- KL/TW; tiếp tục đẩy mạnh công tác thông tin, tuyên truyền, nâng cao nhận thức, trách nhiệm của các bộ, ngành, cơ quan, tổ chức, đơn vị; làm tốt công tác tư tưởng đối với đội ngũ cán bộ, công chức, viên chức, người lao động", rows[0].Description ?? rows[0].Title);
        Assert.Equal(First("Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"), rows[0].Lead!.AgencyKey);
        Assert.NotNull(rows[0].Lead!.AgencyKey);
        Assert.NotEmpty(rows[0].Coordinating);
        Assert.DoesNotContain("Cấp có thẩm quyền", Coordinators(rows[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("Văn bản", Coordinators(rows[0]), StringComparison.Ordinal);
        Assert.Equal(DeadlineKind.Continuous, rows[0].Deadline!.Kind);
        // The row cut by the page: its task goes on after the header printed again, its time is its own.
        Assert.EndsWith("phù hợp với mô hình chính quyền địa phương 2 cấp; các quy định, hướng dẫn về hồ sơ, quy trình nghiệp vụ, thủ tục hành chính đã phân cấp, phân quyền, phân định thẩm quyền cho cấp tỉnh, cấp xã", rows[1].Description ?? rows[1].Title, StringComparison.Ordinal);
        Assert.Equal(First("Các bộ, cơ quan ngang bộ"), rows[1].Lead!.AgencyKey);
        Assert.DoesNotContain("Cấp có thẩm quyền", Coordinators(rows[1]), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 6, 30), rows[1].Deadline!.DueOn);
        Assert.Equal("Tham mưu ban hành Nghị định của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Ngân sách nhà nước", rows[2].Title);
        Assert.Equal("Bộ Tài chính", rows[2].Lead!.Name);
        Assert.NotEmpty(rows[2].Coordinating);
        Assert.DoesNotContain(rows[2].Coordinating, c => c.Name == "Chính phủ" || c.Name.Contains("Nghị định", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 12, 31), rows[2].Deadline!.DueOn);
        // Two group rows, and nothing of the Gazette's page header or the table's header read as an item.
        Assert.Equal(2, p.Items.Count(i => i.Origin == "table" && i.IsGroup && i.ParentId is not null));
        Assert.DoesNotContain(p.Items, i => i.Title.Contains("CÔNG BÁO", StringComparison.Ordinal) || i.Title.Contains("Nội dung công việc", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_rows_whose_number_shares_the_line_with_the_task_and_a_column_after_the_time()
    {
        // NQ 97/NQ-CP, its appendix (Công báo số 238, page 107): "27  Hoàn thiện …" on one line, "Căn cứ bổ sung" after the time.
        var p = Parse(Body + """
            PHỤ LỤC
            DANH MỤC NHIỆM VỤ
            (Kèm theo Nghị quyết số 97/NQ-CP ngày 03 tháng 4 năm 2026 của Chính phủ)

            TT
            Tên nhiệm vụ
            Cơ quan
            chủ trì
            Cơ quan
            phối hợp
            Kết quả
            Thời gian
            hoàn thành
            Căn cứ
            bổ sung
            27  Hoàn thiện tiêu chí và các giải pháp nâng
            cao chất lượng đội ngũ người làm công
            tác xây dựng thể chế, pháp luật
            Bộ Tư pháp
            Các bộ,
            ngành,
            UBND tỉnh,
            thành phố
            Đề án được
            trình Thủ tướng
            Chính phủ
            phê duyệt
            Tháng
            9/2026
            Nghị quyết
            số 66-
            NQ/TW
            28
            Tổ chức triển khai các cơ chế, chính sách
            đặc biệt tạo đột phá trong xây dựng và tổ
            chức thi hành pháp luật theo Nghị quyết
            số 197/2025/QH15 ngày 17/5/2025 của
            Quốc hội
            Các bộ, ngành,
            UBND tỉnh, thành phố
            Bộ Tư pháp,
            Bộ Tài
            chính
            Các cơ chế,
            chính sách được
            thực hiện hiệu
            quả
            Thường
            xuyên
            Nghị quyết số
            140/NQ-CP
            29
            Tổ chức Diễn đàn pháp luật ASEAN
            2026 với chủ đề “Ứng dụng trí tuệ nhân
            tạo trong công tác xây dựng và thi hành
            pháp luật trong kỷ nguyên số”
            Bộ Tư pháp
            Các bộ,
            cơ quan
            ngang bộ
            Diễn đàn pháp
            luật ASEAN
            2026 được tổ
            chức thành công
            2026
            Nghị quyết
            số 66-
            NQ/TW
            """);

        var rows = Rows(p);
        Assert.Equal(3, rows.Count);
        Assert.Equal("Hoàn thiện tiêu chí và các giải pháp nâng cao chất lượng đội ngũ người làm công tác xây dựng thể chế, pháp luật", rows[0].Title);
        Assert.Equal("Bộ Tư pháp", rows[0].Lead!.Name);
        Assert.NotEmpty(rows[0].Coordinating);
        Assert.DoesNotContain("Đề án", Coordinators(rows[0]), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 30), rows[0].Deadline!.DueOn);
        Assert.Equal("Tổ chức triển khai các cơ chế, chính sách đặc biệt tạo đột phá trong xây dựng và tổ chức thi hành pháp luật theo Nghị quyết số 197/2025/QH15 ngày 17/5/2025 của Quốc hội", rows[1].Title);
        Assert.Equal(First("Các bộ, ngành, UBND tỉnh, thành phố"), rows[1].Lead!.AgencyKey);
        Assert.Contains("Bộ Tư pháp", Coordinators(rows[1]), StringComparison.Ordinal);
        Assert.Contains("Bộ Tài chính", Coordinators(rows[1]), StringComparison.Ordinal);
        Assert.Equal(DeadlineKind.Continuous, rows[1].Deadline!.Kind);
        Assert.Equal("Tổ chức Diễn đàn pháp luật ASEAN 2026 với chủ đề “Ứng dụng trí tuệ nhân tạo trong công tác xây dựng và thi hành pháp luật trong kỷ nguyên số”", rows[2].Title);
        Assert.Equal("Bộ Tư pháp", rows[2].Lead!.Name);
        Assert.NotEmpty(rows[2].Coordinating);
        Assert.DoesNotContain("Diễn đàn", Coordinators(rows[2]), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 31), rows[2].Deadline!.DueOn);
        // The basis column is read as nothing: no coordinator or time holds it.
        Assert.DoesNotContain(rows, r => Coordinators(r).Contains("Nghị quyết", StringComparison.Ordinal) || r.Deadline!.Text.Contains("Nghị quyết", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_justified_agency_cells_broken_one_word_a_line_with_a_result_column()
    {
        // The layout as the Gazette prints a decision's plan: "1." and a blank line, agency cells one word a line.
        var p = Parse(Body + """
            PHỤ LỤC
            DANH MỤC CÁC NHIỆM VỤ THỰC HIỆN KẾ HOẠCH
            (Kèm theo Kế hoạch ban hành kèm theo Quyết định số 1234/QĐ-TTg ngày 10 tháng 5 năm 2026 của Thủ tướng Chính phủ)
            STT
            Tên nhiệm vụ cụ thể
            Cơ quan
            chủ trì
            Cơ quan
            phối hợp
            Kết quả
            Thời gian hoàn
            thành
            I. Nâng cao nhận thức và trách nhiệm của các cấp, các ngành về bảo hiểm y tế
            1.

            Tăng cường lãnh đạo, chỉ đạo xây dựng và
            tổ chức thực hiện hiệu quả các chủ trương,
            chính sách, pháp luật về bảo hiểm y tế.
            Các
            bộ
            ở
            Trung ương,
            Ủy ban nhân
            dân cấp tỉnh
            Các cơ quan, tổ
            chức,
            đơn
            vị
            có
            liên
            quan.
            Văn bản chỉ đạo
            Thường xuyên
            2.

            Đánh giá việc thực hiện chính sách bảo
            hiểm y tế đối với học sinh, sinh viên và
            đề xuất sửa đổi, bổ sung.
            Bộ Y tế
            Bộ Tài chính,
            Bộ Giáo dục
            và Đào tạo
            Báo cáo
            Quý IV/2026
            3.

            Xây dựng Nghị định quy định chi tiết một
            số điều của Luật Bảo hiểm y tế.
            Bộ Y tế
            Bộ Tư pháp
            Nghị định
            Năm 2027
            """);

        var rows = Rows(p);
        Assert.Equal(3, rows.Count);
        Assert.Equal("Tăng cường lãnh đạo, chỉ đạo xây dựng và tổ chức thực hiện hiệu quả các chủ trương, chính sách, pháp luật về bảo hiểm y tế.", rows[0].Title);
        Assert.Equal(First("Các bộ ở Trung ương, Ủy ban nhân dân cấp tỉnh"), rows[0].Lead!.AgencyKey);
        Assert.NotEmpty(rows[0].Coordinating);
        Assert.DoesNotContain("Văn bản", Coordinators(rows[0]), StringComparison.Ordinal);
        Assert.Equal(DeadlineKind.Continuous, rows[0].Deadline!.Kind);
        Assert.Equal("Bộ Y tế", rows[1].Lead!.Name);
        Assert.Contains("Bộ Tài chính", Coordinators(rows[1]), StringComparison.Ordinal);
        Assert.Contains("Bộ Giáo dục và Đào tạo", Coordinators(rows[1]), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 12, 31), rows[1].Deadline!.DueOn);
        Assert.Equal("Xây dựng Nghị định quy định chi tiết một số điều của Luật Bảo hiểm y tế.", rows[2].Title);
        Assert.Equal("Bộ Y tế", rows[2].Lead!.Name);
        Assert.Equal("Bộ Tư pháp", Coordinators(rows[2]));
        Assert.Equal(new DateOnly(2027, 12, 31), rows[2].Deadline!.DueOn);
    }

    [Fact]
    public void Should_cut_rows_by_the_header_s_order_when_the_product_comes_before_the_lead_and_there_is_no_result()
    {
        // Constructed: "Sản phẩm" right after the task, then the lead, the coordinators and the time.
        var p = Parse(Body + """
            Phụ lục II
            NHIỆM VỤ CỤ THỂ
            TT
            Nội dung nhiệm vụ
            Sản phẩm
            Cơ quan
            chủ trì
            Cơ quan
            phối hợp
            Thời hạn
            1
            Rà soát, sửa đổi quy định về quản lý dữ liệu
            dân cư phục vụ chuyển đổi số quốc gia
            Nghị định
            sửa đổi
            Bộ Công an
            Bộ Tư pháp;
            Bộ Khoa học
            và Công nghệ
            Quý III/2026
            2
            Tổng kết việc thí điểm chính quyền số tại các
            địa phương và đề xuất nhân rộng
            Báo cáo
            tổng kết
            Bộ Khoa học
            và Công nghệ
            Ủy ban nhân
            dân các tỉnh,
            thành phố
            2026-2030
            """);

        var rows = Rows(p);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Rà soát, sửa đổi quy định về quản lý dữ liệu dân cư phục vụ chuyển đổi số quốc gia", rows[0].Title);
        Assert.Equal("Bộ Công an", rows[0].Lead!.Name);
        Assert.Contains("Bộ Tư pháp", Coordinators(rows[0]), StringComparison.Ordinal);
        Assert.Contains("Bộ Khoa học và Công nghệ", Coordinators(rows[0]), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 9, 30), rows[0].Deadline!.DueOn);
        Assert.Equal("Tổng kết việc thí điểm chính quyền số tại các địa phương và đề xuất nhân rộng", rows[1].Title);
        Assert.Equal("Bộ Khoa học và Công nghệ", rows[1].Lead!.Name);
        Assert.NotEmpty(rows[1].Coordinating);
        Assert.DoesNotContain("Báo cáo", Coordinators(rows[1]), StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2030, 12, 31), rows[1].Deadline!.DueOn);
    }

    [Fact]
    public void Should_rebuild_nothing_when_the_cut_rows_do_not_read_as_agencies_and_times()
    {
        // Constructed: a table of the layout whose "lead" cells are people's names and whose times are none; it is left to
        // what the reader did before (dropped with a note), not read into rows that are wrong.
        var p = Parse(Body + """
            PHỤ LỤC
            DANH SÁCH
            TT
            Nội dung công việc
            Cơ quan chủ trì
            Thời hạn
            1
            Theo dõi việc thực hiện nhiệm vụ được giao
            Nguyễn Văn An
            chưa xác định
            2
            Tổng hợp kết quả thực hiện nhiệm vụ được giao
            Trần Thị Bình
            chưa xác định
            """);

        Assert.Empty(Rows(p));
        Assert.Contains(p.Notes, n => n.Contains("one cell per line", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_never_read_the_gazette_s_page_header_or_signature_stamp_as_text()
    {
        // A paragraph that runs across a page keeps its words together; the page header, its number and the stamp go.
        var p = Parse("""
            CÔNG BÁO/Số 286/Ngày 27-05-2026
            15

            Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            Cơ quan: VĂN PHÒNG CHÍNH PHỦ
            Ngày ký: 2026-05-27 08:05:48 +07:00
            KẾ HOẠCH
            Triển khai chính sách bảo hiểm y tế
            I. NHIỆM VỤ
            1. Bộ Y tế chủ trì rà soát, đánh giá việc thực hiện chính sách bảo hiểm y tế
            đối với người cao tuổi, hoàn thành trong Quý IV/2026.

            CÔNG BÁO/Số 286/Ngày 27-05-2026
            16

            2. Bộ Tài chính chủ trì hướng dẫn việc quản lý quỹ bảo hiểm y tế, thực hiện
            thường xuyên.
            """);

        Assert.DoesNotContain(p.Items, i => i.Title.Contains("CÔNG BÁO", StringComparison.Ordinal) || i.Title.Trim() is "15" or "16"
            || i.Title.Contains("Ký bởi", StringComparison.Ordinal) || i.Title.Contains("Ngày ký", StringComparison.Ordinal));
        Assert.Contains(p.Items, i => i.Title.StartsWith("Bộ Tài chính chủ trì hướng dẫn việc quản lý quỹ bảo hiểm y tế, thực hiện thường xuyên", StringComparison.Ordinal));
        Assert.Equal(2, p.Items.Count(i => !i.IsGroup));
    }
}

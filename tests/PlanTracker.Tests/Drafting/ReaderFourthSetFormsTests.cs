using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The forms the fourth unseen set showed (docs/decisions/0023-held-out-documents.md, "The fourth set"; decision 0009,
/// "Round 7"), each on constructed text in other wordings and layouts than the documents that showed them: objectives
/// numbered "(1) … (n)" under a heading bound to a year, with their targets; item numbers an OCR broke, read by their
/// sequence; a target the objectives state and a task repeats, recorded once; leads named by pointing back ("các doanh
/// nghiệp trên"), by a person's role, through a third party ("khi nhà thầu thi công"); a party header whose diacritics an
/// OCR changed; the body charged with the implementing plan. No database.
/// </summary>
public sealed class ReaderFourthSetFormsTests
{
    private static readonly AgencyDirectory Province = new("Yên Bái",
    [
        new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, ["Văn phòng UBND tỉnh"], IsSecretariat: true),
        new DirectoryAgency(2, "ubnd-tinh", "Ủy ban nhân dân tỉnh Yên Bái", null, ["UBND tỉnh", "Ủy ban nhân dân tỉnh"]),
        new DirectoryAgency(3, "so-yt", "Sở Y tế", null, []),
        new DirectoryAgency(4, "so-xd", "Sở Xây dựng", null, []),
        new DirectoryAgency(5, "so-ct", "Sở Công Thương", null, []),
        new DirectoryAgency(6, "cong-an", "Công an tỉnh", null, []),
        new DirectoryAgency(7, "dang-uy-ubnd", "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND tỉnh", []),
        new DirectoryAgency(8, "lanh-dao-so-yt", "Lãnh đạo Sở Y tế", null, ["Lãnh đạo Sở"]),
        new DirectoryAgency(9, "lanh-dao-so-xd", "Ban Giám đốc Sở Xây dựng", null, []),
        new DirectoryAgency(10, "cty-minh-long", "Công ty TNHH Minh Long", null, []),
        new DirectoryAgency(11, "cty-yen-binh", "Công ty cổ phần Xi măng Yên Bình", null, ["Công ty CP Xi măng Yên Bình"]),
        new DirectoryAgency(12, "htx-tan-phu", "Hợp tác xã Tân Phú", null, []),
        new DirectoryAgency(13, "dn-van-tai", "Các doanh nghiệp vận tải hàng nguy hiểm", null, ["doanh nghiệp vận tải"]),
        new DirectoryAgency(14, "nha-thau", "Nhà thầu thi công", null, ["nhà thầu"]),
        new DirectoryAgency(15, "cty-khac", "Công ty cổ phần Khoáng sản Lục Yên", null, ["Công ty"]),
        new DirectoryAgency(20, "cac-so", "Các sở, ban, ngành tỉnh", null, ["các sở, ban, ngành"], IsGroup: true, MemberKeys: ["so-yt", "so-xd", "so-ct", "cong-an"]),
    ]);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Province);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    [Fact]
    public void Should_read_objectives_numbered_in_brackets_under_a_heading_bound_to_a_year_with_their_targets()
    {
        // NQ 34-NQ/TU showed "2. Mục tiêu năm 2026 / (1) … (7)" in a party resolution; here a provincial health plan.
        var p = Parse("""
            KẾ HOẠCH
            Phát triển y tế cơ sở tỉnh Yên Bái
            I. MỤC TIÊU
            1. Mục tiêu tổng quát đến năm 2030
            Nâng cao chất lượng khám, chữa bệnh tuyến xã, bảo đảm 100% người dân được quản lý sức khỏe.
            2. Mục tiêu đến năm 2027
            (1) Tỷ lệ trạm y tế xã đạt chuẩn quốc gia đạt trên 80%.
            (2) Tỷ lệ người dân có hồ sơ sức khỏe điện tử đạt khoảng 60-70%.
            (3) Duy trì hoạt động ổn định của 12 bệnh viện tuyến huyện đang hoạt động.
            II. NHIỆM VỤ
            1. Sở Y tế chủ trì rà soát, bổ sung trang thiết bị cho trạm y tế xã.
            """);

        Assert.Equal(["I.2.1", "I.2.2", "I.2.3"], p.Items.Where(i => i.ParentId == Item(p, "I.2").Id).Select(i => i.Code));
        var first = Assert.Single(Item(p, "I.2.1").Targets);
        Assert.Equal((TargetComparison.MoreThan, 80m, TargetUnit.Percent), (first.Comparison, first.Value, first.Unit));
        var range = Assert.Single(Item(p, "I.2.2").Targets);
        Assert.Equal((TargetComparison.AtLeast, 60m), (range.Comparison, range.Value));
        // A baseline ("12 bệnh viện … đang hoạt động") is no target, and a direction ("Mục tiêu tổng quát") no item.
        Assert.Empty(Item(p, "I.2.3").Targets);
        Assert.DoesNotContain(p.Items, i => i.Code.StartsWith("I.1", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_bracketed_objectives_under_a_lettered_heading_of_a_hard_wrapped_letter()
    {
        var p = Parse("""
            UBND TỈNH YÊN BÁI
            Số: 15/KH-UBND
            KẾ HOẠCH
            Phát triển kinh tế tập thể
            I. MỤC TIÊU
            a) Mục tiêu chung: phát triển kinh tế tập thể bền vững.
            b) Mục tiêu năm 2027:
            (1) Thành lập mới ít nhất 03 hợp tác xã nông nghiệp;
            (2) Hợp tác xã có lãi đạt tối thiểu 75%.
            II. NHIỆM VỤ
            1. Sở Công Thương chủ trì hỗ trợ hợp tác xã tiêu thụ sản phẩm.
            """);

        var objectives = p.Items.Where(i => i.ParentId == Item(p, "I.b").Id).ToList();
        Assert.Equal(["I.b.1", "I.b.2"], objectives.Select(i => i.Code));
        Assert.Equal((TargetComparison.AtLeast, 3m, TargetUnit.Count), (objectives[0].Targets[0].Comparison, objectives[0].Targets[0].Value, objectives[0].Targets[0].Unit));
        Assert.Equal(75m, Assert.Single(objectives[1].Targets).Value);
        Assert.Equal(DeadlineKind.Year, objectives[0].Deadline!.Kind);
    }

    [Fact]
    public void Should_read_item_numbers_an_OCR_broke_where_the_numbering_around_them_makes_them_certain()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phòng chống thiên tai năm 2027

            II. NHIỆM VỤ

            1 Rà soát, cập nhật phương án ứng phó thiên tai theo cấp độ rủi ro.

            2. Củng cố lực lượng xung kích phòng chống thiên tai cấp xã.

            3. Tổ chức diễn tập ứng phó lũ quét, sạt lở đất.

            4. Kiểm tra an toàn các hồ chứa nước trước mùa mưa lũ.

            Š. Tổng hợp thiệt hại, đề xuất hỗ trợ khắc phục hậu quả thiên tai.

            6. Sơ kết, đánh giá kết quả thực hiện Kế hoạch.
            """);

        Assert.Equal(["II.1", "II.2", "II.3", "II.4", "II.5", "II.6"], p.Items.Where(i => !i.IsGroup).Select(i => i.Code));
        Assert.StartsWith("Tổng hợp thiệt hại", Item(p, "II.5").Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_leave_a_number_without_its_dot_as_text_where_the_sequence_does_not_call_for_it()
    {
        // A ministry letter whose sentence wraps onto a line that starts with a count: 12 is not the item between 1 and 2.
        var p = Parse("""
            Kính gửi: Ủy ban nhân dân tỉnh Yên Bái

            1. Đề nghị Ủy ban nhân dân tỉnh chỉ đạo rà soát hiện trạng các cơ sở kinh doanh xăng dầu, trong đó có

            12 Cửa hàng xăng dầu nằm trong hành lang an toàn giao thông.

            2. Đề nghị Ủy ban nhân dân tỉnh báo cáo kết quả trước ngày 30/6/2027.
            """);

        Assert.Equal(["1", "2"], p.Items.Select(i => i.Code));
        Assert.Contains("12 Cửa hàng xăng dầu", Item(p, "1").Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_a_digit_an_OCR_gave_as_a_letter_inside_a_target_s_number()
    {
        var p = Parse("""
            II. NHIỆM VỤ
            1. Sở Công Thương chủ trì thu hút đầu tư, nâng tổng số doanh nghiệp thứ cấp lên trên 1Š doanh nghiệp.
            """);

        var target = Assert.Single(Item(p, "II.1").Targets);
        Assert.Equal((TargetComparison.MoreThan, 15m, TargetUnit.Count), (target.Comparison, target.Value, target.Unit));
    }

    [Fact]
    public void Should_record_a_target_the_objectives_state_once_when_a_task_repeats_it()
    {
        var p = Parse("""
            KẾ HOẠCH
            Y tế cơ sở năm 2027
            I. MỤC TIÊU
            2. Mục tiêu năm 2027
            (1) 100% trạm y tế xã có bác sĩ làm việc thường xuyên.
            II. NHIỆM VỤ
            1. Sở Y tế chủ trì luân phiên bác sĩ tuyến tỉnh, bảo đảm 100% trạm y tế xã có bác sĩ làm việc.
            2. Sở Y tế chủ trì tập huấn chuyên môn, bảo đảm 100% nhân viên y tế thôn bản được tập huấn.
            """);

        Assert.Single(Item(p, "I.2.1").Targets);
        Assert.Empty(Item(p, "II.1").Targets);
        Assert.Single(Item(p, "II.2").Targets);
    }

    [Fact]
    public void Should_give_recommendations_to_the_enterprises_named_above_to_those_the_notice_is_sent_to()
    {
        // TB 1894/TB-SCT showed "đơn vị nêu trên" after three contractors; here a department's notice with roman sections.
        var p = Parse("""
            SỞ Y TẾ
            THÔNG BÁO
            Kết quả kiểm tra an toàn thực phẩm
            Căn cứ Kế hoạch số 20/KH-SYT của Sở Y tế về kiểm tra an toàn thực phẩm;
            I. KẾT QUẢ KIỂM TRA
            Đoàn kiểm tra đã kiểm tra tại Công ty TNHH Minh Long và Hợp tác xã Tân Phú, các cơ sở cơ bản chấp hành quy định.
            II. KIẾN NGHỊ
            Sở Y tế đề nghị các doanh nghiệp trên thực hiện các nội dung sau:
            - Đề nghị Công ty bổ sung hồ sơ nguồn gốc nguyên liệu.
            - Định kỳ khám sức khỏe cho người lao động trực tiếp chế biến.
            Nơi nhận:
            - Công ty TNHH Minh Long;
            - Hợp tác xã Tân Phú;
            - Sở Công Thương (để biết);
            - Lưu: VT.
            """);

        foreach (var code in new[] { "II-1", "II-2" })
        {
            Assert.Equal("cty-minh-long", Item(p, code).Lead!.AgencyKey);
            Assert.Contains(Item(p, code).Coordinating, c => c.AgencyKey == "htx-tan-phu");
        }
    }

    [Fact]
    public void Should_give_a_list_addressed_to_the_establishments_inspected_to_those_named_before_it_without_a_recipients_list()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
            SỞ XÂY DỰNG
            Qua kiểm tra tại Công ty cổ phần Xi măng Yên Bình, Sở Xây dựng yêu cầu các cơ sở được kiểm tra:
            - Khắc phục ngay các tồn tại về an toàn lao động.
            - Báo cáo kết quả khắc phục trước ngày 15/5/2027.
            """);

        Assert.All(p.Items.Where(i => !i.IsGroup), i => Assert.Equal("cty-yen-binh", i.Lead!.AgencyKey));
    }

    [Fact]
    public void Should_give_a_person_named_by_role_to_the_leadership_of_the_agency_the_role_sits_in()
    {
        // CV 5085/SCT-VP showed "1. Phó Giám đốc Sở - Hoàng Văn Thuân"; here a health department's internal letter.
        var p = Parse("""
            SỞ Y TẾ
            Kính gửi: - Phòng Nghiệp vụ Y; - Phòng Kế hoạch - Tài chính.
            Giám đốc Sở Y tế phân công thực hiện các nội dung sau:
            1. Phó Giám đốc Sở - Nguyễn Văn Hùng
            Trực tiếp chỉ đạo việc cấp chứng chỉ hành nghề khám bệnh, chữa bệnh; báo cáo Giám đốc Sở kết quả hằng quý.
            """);

        Assert.Equal("lanh-dao-so-yt", Item(p, "1").Lead!.AgencyKey);
        Assert.StartsWith("Trực tiếp chỉ đạo", Item(p, "1").Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_a_leader_named_with_his_title_to_the_leadership_entry_or_else_to_the_agency()
    {
        var p = Parse("""
            QUYẾT ĐỊNH
            Phân công nhiệm vụ chỉ đạo phòng chống dịch bệnh
            Điều 1. Phân công nhiệm vụ như sau:
            a) Đồng chí Phó Chủ tịch UBND tỉnh Trần Văn Bình:
            - Chỉ đạo công tác phòng, chống dịch bệnh trên địa bàn tỉnh.
            b) Đồng chí Lê Thị Hoa - Giám đốc Sở Xây dựng:
            - Kiểm tra an toàn công trình y tế đang thi công.
            """);

        Assert.Equal("ubnd-tinh", Item(p, "Đ1.a-1").Lead!.AgencyKey);
        Assert.Equal("lanh-dao-so-xd", Item(p, "Đ1.b-1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_give_a_third_party_s_obligations_to_it_and_a_request_to_the_addressee_to_the_addressee()
    {
        // CV 216/ATMT-ATĐ showed "Các nội dung cần lưu ý khi chủ đầu tư triển khai:"; here a provincial letter to the police.
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
            Kính gửi: Công an tỉnh
            1. Công an tỉnh chủ trì tuần tra, kiểm soát các tuyến đường vận chuyển hàng nguy hiểm.
            2. Những yêu cầu khi doanh nghiệp vận tải chuyên chở hàng nguy hiểm qua địa bàn:
            - Có giấy phép vận chuyển hàng nguy hiểm còn hiệu lực.
            - Bố trí người áp tải được huấn luyện nghiệp vụ.
            - Trường hợp xảy ra sự cố, đề nghị Công an tỉnh hướng dẫn doanh nghiệp vận tải có trách nhiệm phối hợp với Sở Y tế cấp cứu người bị nạn.
            """);

        Assert.Equal("dn-van-tai", Item(p, "2-1").Lead!.AgencyKey);
        Assert.Equal("dn-van-tai", Item(p, "2-2").Lead!.AgencyKey);
        Assert.Equal("cong-an", Item(p, "2-3").Lead!.AgencyKey);
        Assert.Contains(Item(p, "2-3").Coordinating, c => c.AgencyKey == "dn-van-tai");
    }

    [Fact]
    public void Should_give_the_conditions_a_contractor_must_meet_to_the_contractor_in_a_letter_to_a_department()
    {
        var p = Parse("""
            BỘ XÂY DỰNG
            Kính gửi: Sở Xây dựng tỉnh Yên Bái
            Bộ Xây dựng có ý kiến như sau:
            a) Sở Xây dựng kiểm tra hồ sơ thiết kế trước khi cấp phép.
            b) Các điều kiện cần bảo đảm khi nhà thầu thi công:
            + Lập biện pháp thi công bảo đảm an toàn cho công trình lân cận.
            + Mua bảo hiểm cho người lao động trên công trường.
            """);

        Assert.Equal("so-xd", Item(p, "a").Lead!.AgencyKey);
        Assert.Equal("nha-thau", Item(p, "b+1").Lead!.AgencyKey);
        Assert.Equal("nha-thau", Item(p, "b+2").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_know_a_party_document_by_a_header_an_OCR_gave_other_diacritics()
    {
        var p = Parse("""
            THÀNH ÚY YÊN BÁI ĐÁNG CỘNG SÀN VIỆT NAM
            NGHỊ QUYẾT
            về phát triển du lịch
            II. NHIỆM VỤ
            1. Phát triển sản phẩm du lịch cộng đồng gắn với văn hóa địa phương.
            """);

        Assert.Equal("dang-uy-ubnd", Item(p, "II.1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_give_what_a_directive_assigns_to_no_one_to_the_agency_charged_with_its_implementing_plan()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            CHỈ THỊ
            Về tăng cường phòng chống dịch sốt xuất huyết
            1. Tăng cường giám sát ca bệnh tại cộng đồng, xử lý triệt để ổ dịch.
            2. Tổ chức chiến dịch diệt lăng quăng tại các khu dân cư.
            3. Sở Y tế chủ trì xây dựng kế hoạch triển khai Chỉ thị này, hướng dẫn chuyên môn cho các địa phương.
            """);

        Assert.Equal("so-yt", Item(p, "1").Lead!.AgencyKey);
        Assert.Equal("so-yt", Item(p, "2").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_not_give_unassigned_work_to_a_collective_that_each_plans_its_own_part()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            CHỈ THỊ
            Về tăng cường phòng chống dịch sốt xuất huyết
            1. Tăng cường giám sát ca bệnh tại cộng đồng, xử lý triệt để ổ dịch.
            2. Các sở, ban, ngành xây dựng kế hoạch thực hiện Chỉ thị này trong phạm vi quản lý.
            """);

        Assert.Equal("vp-ubnd", Item(p, "1").Lead!.AgencyKey);
    }
}

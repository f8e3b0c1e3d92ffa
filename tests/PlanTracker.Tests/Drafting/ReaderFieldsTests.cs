using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The fields of items the reader already finds, on forms of issue 15's round 4 (decision 0009, "Round 4: fields on
/// unseen documents"): the year of an annual plan, the plan's standing agency, a lead written after the content, a
/// heading "Đối với …", a requested-only time and a measure written against its number. Constructed cases, no database.
/// </summary>
public sealed class ReaderFieldsTests
{
    private static readonly AgencyDirectory Province = new("Lào Cai",
    [
        new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, [], IsSecretariat: true),
        new DirectoryAgency(2, "so-tc", "Sở Tài chính", null, []),
        new DirectoryAgency(3, "so-ct", "Sở Công Thương", null, []),
        new DirectoryAgency(4, "so-nv", "Sở Nội vụ", null, []),
        new DirectoryAgency(5, "cong-an", "Công an tỉnh", null, []),
        new DirectoryAgency(6, "cac-so", "Các Sở, ban, ngành thuộc tỉnh", null, ["các Sở, ban, ngành"], IsGroup: true, MemberKeys: ["so-tc", "so-ct", "so-nv"]),
    ]);

    private static readonly AgencyDirectory National = new("Việt Nam",
    [
        new DirectoryAgency(1, "vpcp", "Văn phòng Chính phủ", null, [], IsSecretariat: true),
        new DirectoryAgency(2, "bo-tc", "Bộ Tài chính", null, []),
        new DirectoryAgency(3, "bo-ct", "Bộ Công Thương", null, []),
        new DirectoryAgency(4, "bo-xd", "Bộ Xây dựng", null, []),
        new DirectoryAgency(5, "bo-khcn", "Bộ Khoa học và Công nghệ", null, []),
        new DirectoryAgency(6, "cac-bo-cn", "Các Bộ quản lý chuyên ngành", null, ["Bộ quản lý chuyên ngành"], IsGroup: true, MemberKeys: ["bo-ct", "bo-xd", "bo-khcn"]),
        new DirectoryAgency(7, "cac-bo", "Các Bộ, cơ quan trung ương", null, ["các Bộ, ngành"], IsGroup: true, MemberKeys: ["bo-tc", "bo-ct", "bo-xd", "bo-khcn"]),
    ]);

    private static Proposal Parse(string text, AgencyDirectory? directory = null) => DraftParser.Parse(DraftInput.FromText(text), directory ?? Province);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    private static (DeadlineKind, DateOnly?) Due(Proposal p, string code) => (Item(p, code).Deadline!.Kind, Item(p, code).Deadline!.DueOn);

    [Fact]
    public void Should_give_the_year_closing_a_plans_title_to_its_undated_items_even_after_the_number_of_what_it_implements()
    {
        // KH 134/KH-UBND Lào Cai: "Thực hiện Nghị quyết số 34-NQ/TU … về phát triển các khu, cụm công nghiệp … năm 2026".
        var p = Parse("""
            KẾ HOẠCH
            Thực hiện Nghị quyết số 34-NQ/TU ngày 27/12/2025 của Tỉnh ủy
            về phát triển các khu, cụm công nghiệp năm 2026

            II. NHIỆM VỤ
            1. Sở Công Thương rà soát quy hoạch các cụm công nghiệp.
            2. Sở Tài chính bố trí vốn trong quý III năm 2026.
            """);

        Assert.Equal((DeadlineKind.Year, new DateOnly(2026, 12, 31)), Due(p, "II.1"));
        Assert.Equal((true, "document"), (Item(p, "II.1").Deadline!.Inherited, Item(p, "II.1").Deadline!.From));
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2026, 9, 30)), Due(p, "II.2"));
    }

    [Fact]
    public void Should_not_take_the_horizon_of_a_strategy_the_title_implements_as_the_plans_year()
    {
        var p = Parse("""
            KẾ HOẠCH
            Thực hiện Nghị quyết số 10-NQ/TW ngày 10/02/2022 về chiến lược khoáng sản đến năm 2030

            II. NHIỆM VỤ
            1. Sở Công Thương rà soát quy hoạch khoáng sản.
            """);

        Assert.Equal(DeadlineKind.Unspecified, Item(p, "II.1").Deadline!.Kind);
    }

    [Fact]
    public void Should_keep_an_annual_plans_year_over_continuing_words_inside_a_sentence_and_carried_on_work_but_not_regular_work()
    {
        // KH 134 III.5 ("tổ chức đào tạo, bồi dưỡng thường xuyên"), V.1 ("đôn đốc và định kỳ báo cáo"), QĐ 254 Sơn La II.7
        // ("…; thường xuyên tiến hành tự kiểm tra"), QĐ 254 II.2 "Tiếp tục thực hiện tốt …": year; KH 134 V.7 "- Thường xuyên rà
        // soát …": continuing.
        var p = Parse("""
            KẾ HOẠCH
            Phát triển công nghiệp năm 2026

            II. NHIỆM VỤ
            1. Sở Nội vụ tổ chức đào tạo, bồi dưỡng thường xuyên cho cán bộ quản lý công nghiệp.
            2. Sở Công Thương
            - Là đầu mối tổng hợp, theo dõi, đôn đốc và định kỳ báo cáo kết quả.
            - Thường xuyên rà soát các dự án chậm tiến độ.
            - Tiếp tục hoàn thiện cơ sở dữ liệu khu công nghiệp.
            """);

        Assert.Equal((DeadlineKind.Year, new DateOnly(2026, 12, 31)), Due(p, "II.1"));
        Assert.Equal((DeadlineKind.Year, new DateOnly(2026, 12, 31)), Due(p, "II.2-1"));
        Assert.Equal(DeadlineKind.Continuous, Item(p, "II.2-2").Deadline!.Kind);
        Assert.Equal((DeadlineKind.Year, new DateOnly(2026, 12, 31)), Due(p, "II.2-3"));
    }

    [Fact]
    public void Should_read_continuing_words_inside_a_sentence_as_the_time_of_a_plan_over_several_years()
    {
        // KH 671a Đắk Nông (giai đoạn 2016-2020), II.3.6.2.b: "Xây dựng nội dung, cập nhật thường xuyên chương trình …" is continuing.
        var p = Parse("""
            KẾ HOẠCH
            Phát triển công nghiệp giai đoạn 2026 - 2030

            II. NHIỆM VỤ
            1. Sở Nội vụ xây dựng nội dung, cập nhật thường xuyên chương trình đào tạo.
            """);

        Assert.Equal(DeadlineKind.Continuous, Item(p, "II.1").Deadline!.Kind);
    }

    [Theory]
    // KH 134/KH-UBND Lào Cai V.1; KH 671a Đắk Nông V.2 ("Là cơ quan đầu mối, chủ trì, phối hợp …").
    [InlineData("1. Sở Công Thương\n- Là cơ quan thường trực, có trách nhiệm tổng hợp, theo dõi, đôn đốc việc thực hiện Kế hoạch.\n2. Sở Tài chính\n- Lập dự toán ngân sách năm sau.", "so-ct")]
    // QĐ 254/QĐ-UBND Sơn La IV.3.
    [InlineData("1. Sở Tài chính lập dự toán ngân sách năm sau.\n2. Giao Công an tỉnh chủ trì phối hợp với Văn phòng UBND tỉnh giúp Chủ tịch UBND tỉnh hướng dẫn, đôn đốc, kiểm tra việc thực hiện kế hoạch này.", "cong-an")]
    public void Should_give_the_items_that_name_no_one_to_the_plans_standing_agency(string implementation, string owner)
    {
        var p = Parse($"""
            KẾ HOẠCH
            Phát triển công nghiệp năm 2026

            II. GIẢI PHÁP
            1. Cải thiện quy trình thủ tục hành chính về đầu tư.
            2. Ưu tiên bố trí vốn cho hạ tầng ngoài hàng rào.
            III. TỔ CHỨC THỰC HIỆN
            {implementation}
            """);

        Assert.Equal((owner, AssigneeBasis.Addressee), (Item(p, "II.1").Lead!.AgencyKey, Item(p, "II.1").Lead!.Basis));
        Assert.Equal(owner, Item(p, "II.2").Lead!.AgencyKey);
    }

    [Theory]
    // A committee's standing agency (CT 06 Nam Định: "Sở … là cơ quan thường trực Ban Chỉ đạo …"), and following the plan up alone.
    [InlineData("1. Sở Công Thương là cơ quan thường trực Ban Chỉ đạo phát triển công nghiệp tỉnh, tham mưu thành lập Tổ giúp việc.")]
    [InlineData("1. Sở Công Thương chủ trì, phối hợp với các sở theo dõi, đôn đốc việc thực hiện Kế hoạch này.")]
    public void Should_not_take_a_committees_standing_agency_or_one_that_only_follows_the_plan_up_as_its_owner(string implementation)
    {
        var p = Parse($"""
            KẾ HOẠCH
            Phát triển công nghiệp năm 2026

            II. GIẢI PHÁP
            1. Cải thiện quy trình thủ tục hành chính về đầu tư.
            III. TỔ CHỨC THỰC HIỆN
            {implementation}
            """);

        Assert.Equal(AssigneeBasis.Secretariat, Item(p, "II.1").Lead!.Basis);
    }

    [Fact]
    public void Should_read_a_lead_written_after_the_content_and_a_heading_addressed_to_an_agency()
    {
        // CV 8388/BTC-QLCS: "- Tài sản kết cấu hạ tầng đô thị - Bộ Xây dựng." under a list, and "3. Đối với các Bộ quản lý chuyên ngành (…)".
        var p = Parse("""
            KẾ HOẠCH
            Triển khai Nghị định về tài sản kết cấu hạ tầng

            II. NHIỆM VỤ
            1. Các Bộ, ngành quy định danh mục tài sản kết cấu hạ tầng như sau:
            - Tài sản kết cấu hạ tầng cụm công nghiệp; tài sản kết cấu hạ tầng thương mại - Bộ Công Thương.
            - Tài sản kết cấu hạ tầng đô thị - Bộ Xây dựng.
            - Tài sản kết cấu hạ tầng đường Nội Bài - Lào Cai.
            2. Xây dựng cơ sở dữ liệu về tài sản kết cấu hạ tầng (Bộ Tài chính).
            3. Rà soát danh mục tài sản công nghệ cao, Bộ Khoa học và Công nghệ chủ trì.
            4. Đối với các Bộ quản lý chuyên ngành (theo khoản 5 Điều 3 Nghị định)
            a) Phối hợp xây dựng cơ sở dữ liệu về tài sản kết cấu hạ tầng.
            b) Quy định các nội dung đặc thù của từng loại tài sản.
            """, National);

        Assert.Equal("bo-ct", Item(p, "II.1-1").Lead!.AgencyKey);
        Assert.Equal("bo-xd", Item(p, "II.1-2").Lead!.AgencyKey);
        Assert.Equal("cac-bo", Item(p, "II.1-3").Lead!.AgencyKey);
        Assert.Equal("bo-tc", Item(p, "II.2").Lead!.AgencyKey);
        Assert.Equal("bo-khcn", Item(p, "II.3").Lead!.AgencyKey);
        Assert.Equal("cac-bo-cn", Item(p, "II.4.a").Lead!.AgencyKey);
        Assert.Equal("cac-bo-cn", Item(p, "II.4.b").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_read_work_done_when_requested_as_ad_hoc_and_a_measure_written_against_its_number()
    {
        // QĐ 254 Sơn La II.3 "(khi có yêu cầu)"; KH 134 II.2/II.3 "khoảng trên 500ha", "ít nhất 500ha".
        var p = Parse("""
            KẾ HOẠCH
            Phát triển công nghiệp năm 2026

            II. NHIỆM VỤ
            1. Sở Nội vụ rà soát, đề xuất sửa đổi danh mục bí mật nhà nước (khi có yêu cầu).
            2. Sở Công Thương thành lập mới khoảng trên 500ha các khu, cụm công nghiệp.
            3. Sở Tài chính hoàn thiện ít nhất 120ha mặt bằng sạch.
            """);

        Assert.Equal(DeadlineKind.AdHoc, Item(p, "II.1").Deadline!.Kind);
        Assert.Equal([(TargetComparison.MoreThan, 500m, TargetUnit.Other)], Item(p, "II.2").Targets.Select(t => (t.Comparison, t.Value, t.Unit)));
        Assert.Equal([(TargetComparison.AtLeast, 120m, TargetUnit.Other)], Item(p, "II.3").Targets.Select(t => (t.Comparison, t.Value, t.Unit)));
    }
    [Fact]
    public void Should_take_the_works_date_over_the_later_date_of_reporting_on_it_but_the_last_of_several_milestones()
    {
        // QĐ 254 Sơn La IV.1 (plan by 28/2, report by 10/11: the plan's date); NQ 88/NQ-CP II.1.đ-3 (milestones: the last).
        var p = Parse("""
            KẾ HOẠCH
            Bảo vệ bí mật nhà nước năm 2023

            II. NHIỆM VỤ
            1. Các Sở, ban, ngành xây dựng kế hoạch thực hiện và gửi về Sở Nội vụ trước ngày 28/2/2023; lập dự toán kinh phí; Báo cáo kết quả thực hiện trước ngày 10/11/2023.
            2. Sở Tài chính hoàn thành rà soát trước ngày 30/6/2023; hoàn thành sửa đổi quy chế trước ngày 30/9/2023.
            """);

        Assert.Equal((DeadlineKind.Date, new DateOnly(2023, 2, 28)), Due(p, "II.1"));
        Assert.Equal((DeadlineKind.Date, new DateOnly(2023, 9, 30)), Due(p, "II.2"));
    }
}

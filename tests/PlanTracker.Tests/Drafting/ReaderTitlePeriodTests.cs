using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The period or horizon a document gives itself in its title (decision 0009, "Round 7 — the period a title gives"): a
/// decision or resolution whose title issues or approves a plan, programme or scheme "giai đoạn …" / "đến năm …" gives that
/// time to the items that state none; a vision year and a cited plan's horizon give nothing. Constructed texts worded and
/// laid out unlike the fifth set's Government documents (a province's decision, a ministry's decision, a party committee's
/// plan). No database.
/// </summary>
public sealed class ReaderTitlePeriodTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static string All(Proposal p) =>
        string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title} {i.Deadline?.Kind} {i.Deadline?.DueOn} '{i.Deadline?.Text}'"));

    private static void Expect(Proposal p, string title, DeadlineKind kind, string? dueOn = null)
    {
        var found = p.Items.Where(i => !i.IsGroup && i.Title.StartsWith(title, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"'{title}' among: " + All(p));
        var d = found[0].Deadline!;
        Assert.True(d.Kind == kind && (dueOn is null || d.DueOn == DateOnly.Parse(dueOn)), $"'{title}': {d.Kind} {d.DueOn} '{d.Text}'; all: " + All(p));
    }

    [Fact]
    public void Should_give_the_period_of_the_plan_a_provinces_decision_approves_in_its_title_to_its_untimed_items()
    {
        // The title wraps over two lines; the period closes it. An item with its own quarter keeps it.
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Số: 215/QĐ-UBND
            Vĩnh Phúc, ngày 12 tháng 3 năm 2026
            QUYẾT ĐỊNH
            Phê duyệt Kế hoạch phát triển hạ tầng thương mại nông thôn
            tỉnh Vĩnh Phúc giai đoạn 2026-2030
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
            QUYẾT ĐỊNH:
            Điều 1. Phê duyệt Kế hoạch với các nội dung chủ yếu sau:
            1. Mục tiêu: nâng cao chất lượng mạng lưới chợ nông thôn.
            2. Nhiệm vụ, giải pháp
            a) Sở Công Thương rà soát mạng lưới chợ nông thôn trên địa bàn tỉnh.
            b) Sở Tài chính cân đối nguồn vốn đầu tư chợ nông thôn.
            c) Sở Nông nghiệp và Môi trường hướng dẫn quy hoạch điểm bán hàng, xong trong quý II năm 2027.
            Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.
            """);

        Expect(p, "Sở Công Thương rà soát", DeadlineKind.Period, "2030-12-31");
        Expect(p, "Sở Tài chính cân đối", DeadlineKind.Period, "2030-12-31");
        Expect(p, "Sở Nông nghiệp và Môi trường hướng dẫn", DeadlineKind.Quarter, "2027-06-30");
    }

    [Fact]
    public void Should_take_a_programmes_own_horizon_from_the_title_that_issues_it_and_not_its_orientation_year()
    {
        // A ministry's decision issuing a programme "đến năm 2028, định hướng đến năm 2035": the programme's horizon is
        // 2028, the orientation year is where it looks. Lettered items under a roman heading, one of them dated.
        var p = Parse("""
            BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
            Số: 1402/QĐ-BNNMT
            Hà Nội, ngày 20 tháng 5 năm 2026
            QUYẾT ĐỊNH
            Ban hành Chương trình khuyến nông quốc gia đến năm 2028, định hướng đến năm 2035
            BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
            QUYẾT ĐỊNH:
            Điều 1. Ban hành kèm theo Quyết định này Chương trình khuyến nông quốc gia với các nội dung sau:
            I. NHIỆM VỤ
            a) Sở Nông nghiệp và Môi trường xây dựng mô hình trình diễn giống cây trồng mới.
            b) Sở Khoa học và Công nghệ chuyển giao quy trình canh tác tiết kiệm nước.
            c) Sở Tài chính bố trí kinh phí khuyến nông trước ngày 30/9/2026.
            """);

        Expect(p, "Sở Nông nghiệp và Môi trường xây dựng", DeadlineKind.Year, "2028-12-31");
        Expect(p, "Sở Khoa học và Công nghệ chuyển giao", DeadlineKind.Year, "2028-12-31");
        Expect(p, "Sở Tài chính bố trí", DeadlineKind.Date, "2026-09-30");
        Assert.DoesNotContain(p.Items, i => i.Deadline?.DueOn?.Year == 2035);
    }

    [Fact]
    public void Should_give_the_period_closing_the_title_to_the_plan_that_implements_a_cited_conclusion()
    {
        // The period closes a title that cites a party conclusion by number and date: a conclusion carries no period of its
        // own, the period is the plan's. The plan's title is repeated in capitals above its body.
        var p = Parse("""
            TỈNH ỦY VĨNH PHÚC
            Số: 48-KH/TU
            Vĩnh Phúc, ngày 02 tháng 4 năm 2026
            KẾ HOẠCH
            thực hiện Kết luận số 12-KL/TW ngày 15 tháng 01 năm 2026 của Ban Bí thư
            về phát triển kinh tế tập thể giai đoạn 2026 - 2029
            I. NHIỆM VỤ CỤ THỂ
            1. Sở Nông nghiệp và Môi trường hỗ trợ thành lập hợp tác xã kiểu mới.
            2. Sở Tài chính hướng dẫn hợp tác xã tiếp cận vốn tín dụng.
            II. TỔ CHỨC THỰC HIỆN
            Sở Nội vụ theo dõi, tổng hợp kết quả thực hiện Kế hoạch.
            """);

        Expect(p, "Sở Nông nghiệp và Môi trường hỗ trợ", DeadlineKind.Period, "2029-12-31");
        Expect(p, "Sở Tài chính hướng dẫn", DeadlineKind.Period, "2029-12-31");
    }

    [Fact]
    public void Should_not_give_a_cited_plans_horizon_or_a_cited_strategys_to_the_items()
    {
        // A plan implementing another plan, which the title names by number: the period closing the title is that plan's.
        var cited = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Số: 77/KH-UBND
            Vĩnh Phúc, ngày 08 tháng 5 năm 2026
            KẾ HOẠCH
            Triển khai Kế hoạch số 120/KH-BCT ngày 05/3/2026 của Bộ Công Thương về phát triển thương mại điện tử giai đoạn 2026 - 2030
            I. NHIỆM VỤ
            1. Sở Công Thương tập huấn kỹ năng bán hàng trực tuyến cho doanh nghiệp.
            2. Sở Khoa học và Công nghệ hỗ trợ doanh nghiệp xây dựng sàn giao dịch điện tử.
            """);

        Assert.All(cited.Items.Where(i => !i.IsGroup), i => Assert.True(i.Deadline!.Kind == DeadlineKind.Unspecified, All(cited)));

        // A resolution about a strategy's horizon: "về chiến lược … đến năm 2030" names the strategy, not the plan.
        var strategy = Parse("""
            KẾ HOẠCH
            Thực hiện Nghị quyết số 10-NQ/TW ngày 10 tháng 02 năm 2022 của Bộ Chính trị về định hướng chiến lược địa chất, khoáng sản đến năm 2030
            1. Sở Nông nghiệp và Môi trường rà soát các khu vực cấm hoạt động khoáng sản.
            2. Công an tỉnh phối hợp kiểm tra hoạt động khai thác khoáng sản.
            """);

        Assert.All(strategy.Items.Where(i => !i.IsGroup), i => Assert.True(i.Deadline!.Kind == DeadlineKind.Unspecified, All(strategy)));
    }

    [Fact]
    public void Should_keep_the_titles_period_on_an_item_that_names_the_kinds_of_plan_its_work_goes_into()
    {
        // "kế hoạch 5 năm, kế hoạch hằng năm" names two kinds of plan joined by a comma, as "… 5 năm và hằng năm" does: the
        // kinds, not a yearly cadence. A yearly report stays yearly.
        var p = Parse("""
            KẾ HOẠCH
            Phát triển nguồn nhân lực chất lượng cao giai đoạn 2026 - 2030
            I. NHIỆM VỤ
            1. Các sở, ngành lồng ghép nội dung đào tạo nhân lực vào kế hoạch 5 năm, kế hoạch hằng năm của ngành.
            2. Ủy ban nhân dân cấp huyện đưa chỉ tiêu đào tạo nghề vào kế hoạch hàng năm, kế hoạch 05 năm của địa phương.
            3. Sở Nội vụ báo cáo kết quả đào tạo hằng năm.
            """);

        Expect(p, "Các sở, ngành lồng ghép", DeadlineKind.Period, "2030-12-31");
        Expect(p, "Ủy ban nhân dân cấp huyện đưa", DeadlineKind.Period, "2030-12-31");
        Expect(p, "Sở Nội vụ báo cáo", DeadlineKind.RecurringYearly);
    }
}

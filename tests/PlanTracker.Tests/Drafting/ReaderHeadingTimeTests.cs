using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Time from headings (decision 0009, "Round 6: time from headings"): each form on constructed texts worded and laid out
/// unlike the documents that showed it (t02, t04 of the third set); no database.
/// </summary>
public sealed class ReaderHeadingTimeTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    /// <summary>The deadline of the one item whose title starts with these words (codes depend on how markers rank).</summary>
    private static ProposedDeadline Deadline(Proposal p, string title)
    {
        var found = p.Items.Where(i => !i.IsGroup && i.Title.StartsWith(title, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"'{title}' among: " + string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title} {i.Deadline?.Kind}")));
        return found[0].Deadline!;
    }

    /// <summary>Checks one item's deadline, listing every item when it differs.</summary>
    private static void Expect(Proposal p, string title, DeadlineKind kind, string? dueOn = null)
    {
        var d = Deadline(p, title);
        Assert.True(d.Kind == kind && (dueOn is null || d.DueOn == DateOnly.Parse(dueOn)),
            $"'{title}': {d.Kind} {d.DueOn} '{d.Text}'; all: " + string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title} {i.Deadline?.Kind} {i.Deadline?.DueOn}")));
    }

    [Fact]
    public void Should_give_a_cadence_headings_time_to_its_items_at_any_level_and_let_an_items_own_date_win()
    {
        // Lettered headings over plus bullets (t02 numbers "3. Nhiệm vụ thường xuyên" over "3.1." and dashes).
        var p = Parse("""
            KẾ HOẠCH
            Cải cách hành chính năm 2027

            II. NHIỆM VỤ
            a) CÁC NHIỆM VỤ LÂU DÀI
            + Sở Nội vụ rà soát thủ tục hành chính, báo cáo kết quả hằng năm.
            + Sở Tư pháp hoàn thành hệ thống hóa văn bản trước ngày 30/6/2027.
            b) Nhiệm vụ trọng tâm năm 2027
            + Sở Tài chính bố trí kinh phí thực hiện.
            """);

        Expect(p, "Sở Nội vụ rà soát", DeadlineKind.Continuous);
        Expect(p, "Sở Tư pháp hoàn thành", DeadlineKind.Date, "2027-06-30");
        Expect(p, "Sở Tài chính bố trí", DeadlineKind.Year, "2027-12-31");
    }

    [Fact]
    public void Should_read_the_nearest_headings_time_when_headings_are_nested()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phát triển hạ tầng số giai đoạn 2026 - 2030

            III. NHIỆM VỤ, GIẢI PHÁP
            1. Giai đoạn 2026 – 2028
            a) Sở Xây dựng hoàn thiện hạ tầng dùng chung.
            b) Nhiệm vụ thường xuyên
            - Sở Nội vụ kiểm tra việc thực hiện.
            2. Năm 2029
            a) Sở Tài chính tổng kết, đánh giá.
            """);

        Assert.Equal((DeadlineKind.Period, new DateOnly(2028, 12, 31)), (Deadline(p, "Sở Xây dựng hoàn thiện").Kind, Deadline(p, "Sở Xây dựng hoàn thiện").DueOn!.Value));
        Assert.Equal(DeadlineKind.Continuous, Deadline(p, "Sở Nội vụ kiểm tra").Kind);
        Assert.Equal((DeadlineKind.Year, new DateOnly(2029, 12, 31)), (Deadline(p, "Sở Tài chính tổng kết").Kind, Deadline(p, "Sở Tài chính tổng kết").DueOn!.Value));
    }

    [Fact]
    public void Should_read_while_when_and_before_headings_as_continuous_ad_hoc_and_event_anchored()
    {
        // A province's letter to a contractor (t04 writes to a mining company, with numbered headings and dashes).
        var p = Parse("""
            Kính gửi: Công ty cổ phần Xây dựng Tam Đảo

            Sở Xây dựng đề nghị Công ty thực hiện các nội dung sau:
            a) Trước khi khởi công công trình
            + Hoàn thiện hồ sơ cấp phép xây dựng.
            b) Trong suốt thời gian thi công
            + Bảo đảm an toàn lao động và vệ sinh môi trường khu vực công trường.
            + Khi xảy ra sự cố sạt lở, báo cáo ngay Ủy ban nhân dân xã sở tại.
            c) Trường hợp có thay đổi thiết kế
            + Trình Sở Xây dựng thẩm định lại.
            """);

        Assert.Equal((DeadlineKind.Unspecified, "Trước khi khởi công công trình"), (Deadline(p, "Hoàn thiện hồ sơ").Kind, Deadline(p, "Hoàn thiện hồ sơ").Text));
        Assert.Equal((DeadlineKind.Continuous, true), (Deadline(p, "Bảo đảm an toàn").Kind, Deadline(p, "Bảo đảm an toàn").Inherited));
        Assert.Equal((DeadlineKind.AdHoc, "Khi xảy ra sự cố sạt lở"), (Deadline(p, "Khi xảy ra").Kind, Deadline(p, "Khi xảy ra").Text));
        Assert.Equal(DeadlineKind.AdHoc, Deadline(p, "Trình Sở Xây dựng").Kind);
    }

    [Fact]
    public void Should_not_read_a_standing_condition_the_coming_months_or_a_cited_titles_year_as_a_headings_time()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số năm 2027

            II. NHIỆM VỤ
            1. Trong thời gian tới
            - Sở Nội vụ tiếp nhận hồ sơ điện tử.
            2. Triển khai Chiến lược dữ liệu quốc gia đến năm 2030
            - Sở Khoa học và Công nghệ xây dựng kho dữ liệu dùng chung.
            3. Nhiệm vụ chung
            - Khi các cơ quan sử dụng dịch vụ công trực tuyến thì không tiếp nhận hồ sơ giấy.
            """);

        // Each item keeps the plan's year: none of the headings states a time of its own.
        Assert.All(new[] { "Sở Nội vụ tiếp nhận", "Sở Khoa học và Công nghệ xây dựng", "Khi các cơ quan" }, code =>
            Assert.Equal((DeadlineKind.Year, new DateOnly(2027, 12, 31)), (Deadline(p, code).Kind, Deadline(p, code).DueOn!.Value)));
    }

    [Fact]
    public void Should_let_a_cadence_heading_beat_manner_words_inside_its_items()
    {
        var p = Parse("""
            CHƯƠNG TRÌNH
            Bảo vệ môi trường

            II. NHIỆM VỤ
            1. Các nhiệm vụ thực hiện thường xuyên
            - Sở Nông nghiệp và Môi trường hướng dẫn đưa chỉ tiêu môi trường vào đánh giá kết quả hằng năm.
            - Định kỳ kiểm tra việc vận hành hệ thống xử lý nước thải tại các khu công nghiệp.
            2. Nhiệm vụ hằng năm
            - Sở Tài chính bố trí kinh phí sự nghiệp môi trường.
            """);

        Expect(p, "Sở Nông nghiệp và Môi trường hướng dẫn", DeadlineKind.Continuous);
        Expect(p, "Định kỳ kiểm tra", DeadlineKind.Continuous);
        Expect(p, "Sở Tài chính bố trí", DeadlineKind.RecurringYearly);
    }

    [Fact]
    public void Should_give_a_table_group_rows_cadence_to_its_rows()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            PHỤ LỤC
            | STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
            | I | Nhiệm vụ thường xuyên | | | |
            | 1 | Cập nhật cơ sở dữ liệu cán bộ | Sở Nội vụ | Sở Tư pháp | |
            | II | Các nhiệm vụ cần làm ngay trong năm 2027 | | | |
            | 2 | Ban hành quy chế khai thác dữ liệu | Sở Tư pháp | Sở Nội vụ | |
            """);

        var rows = p.Items.Where(i => i.Origin == "table" && !i.IsGroup).ToList();
        Assert.Equal(DeadlineKind.Continuous, rows[0].Deadline!.Kind);
        Assert.Equal((DeadlineKind.Year, new DateOnly(2027, 12, 31)), (rows[1].Deadline!.Kind, rows[1].Deadline!.DueOn!.Value));
    }

    [Fact]
    public void Should_not_take_one_of_several_timed_task_headings_for_the_plans_horizon()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phát triển du lịch

            II. NHIỆM VỤ
            1. Các nhiệm vụ cần thực hiện ngay trong năm 2027
            - Sở Văn hóa, Thể thao và Du lịch xây dựng bộ nhận diện.
            2. Các nhiệm vụ thực hiện theo lộ trình đến năm 2030
            - Sở Xây dựng đầu tư hạ tầng điểm đến.
            III. TỔ CHỨC THỰC HIỆN
            1. Sở Tài chính tham mưu bố trí kinh phí.
            """);

        Assert.Equal((DeadlineKind.Year, new DateOnly(2027, 12, 31)), (Deadline(p, "Sở Văn hóa").Kind, Deadline(p, "Sở Văn hóa").DueOn!.Value));
        Assert.Equal((DeadlineKind.Year, new DateOnly(2030, 12, 31)), (Deadline(p, "Sở Xây dựng đầu tư").Kind, Deadline(p, "Sở Xây dựng đầu tư").DueOn!.Value));
        Assert.Equal(DeadlineKind.Unspecified, Deadline(p, "Sở Tài chính tham mưu").Kind);
    }

    [Fact]
    public void Should_take_the_objectives_headings_period_as_the_programmes_for_items_that_state_no_time()
    {
        var p = Parse("""
            CHƯƠNG TRÌNH HÀNH ĐỘNG
            thực hiện Nghị quyết của Tỉnh ủy về phát triển nông nghiệp

            I. MỤC TIÊU
            1. Mục tiêu chung: nâng cao thu nhập của người dân nông thôn.
            2. Mục tiêu cụ thể giai đoạn 2026-2028
            - Tỷ lệ xã đạt chuẩn nông thôn mới đạt 80%.
            II. TỔ CHỨC THỰC HIỆN
            1. Sở Nông nghiệp và Môi trường tham mưu triển khai Chương trình.
            2. Sở Tài chính bố trí kinh phí.
            """);

        Expect(p, "Sở Nông nghiệp và Môi trường tham mưu", DeadlineKind.Period, "2028-12-31");
        Expect(p, "Sở Tài chính bố trí", DeadlineKind.Period, "2028-12-31");
    }

    [Fact]
    public void Should_read_no_time_in_manner_words_that_describe_a_thing_name_both_kinds_or_open_a_later_sentence()
    {
        // Corpus 13 and t02 ("khu vực thường xuyên xảy ra …"), t03 ("kiểm tra thường xuyên và đột xuất"), t01 and t03 (a later
        // sentence "Thường xuyên …"), worded here as a province's plan with no period.
        var p = Parse("""
            KẾ HOẠCH
            Bảo đảm trật tự an toàn giao thông

            II. NHIỆM VỤ
            1. Công an tỉnh tăng cường tuần tra trên các tuyến đường có xe quá tải thường xuyên đi qua.
            2. Sở Nội vụ tổ chức thanh tra định kỳ và đột xuất việc chấp hành kỷ luật, kỷ cương hành chính.
            3. Sở Tư pháp rà soát, hệ thống hóa văn bản quy phạm pháp luật của tỉnh theo quy định. Thường xuyên theo dõi, định kỳ đánh giá tình hình thi hành pháp luật.
            4. Thường xuyên kiểm tra tải trọng phương tiện tại các trạm cân.
            5. Sở Xây dựng kiểm tra định kỳ hoặc đột xuất các công trình giao thông.
            """);

        Expect(p, "Công an tỉnh tăng cường", DeadlineKind.Unspecified);
        Expect(p, "Sở Nội vụ tổ chức thanh tra", DeadlineKind.Unspecified);
        Expect(p, "Sở Tư pháp rà soát", DeadlineKind.Unspecified);
        Expect(p, "Thường xuyên kiểm tra", DeadlineKind.Continuous);
        // One or the other kind is left as the seeds read it.
        Expect(p, "Sở Xây dựng kiểm tra", DeadlineKind.AdHoc);
    }

    [Fact]
    public void Should_read_kinds_of_plan_and_an_unstated_period_as_no_time_and_moi_as_hang()
    {
        var p = Parse("""
            KẾ HOẠCH
            Phát triển thương mại

            II. NHIỆM VỤ
            1. Sở Tài chính lồng ghép mục tiêu phát triển thương mại vào kế hoạch đầu tư công 05 năm và hằng năm của tỉnh.
            2. Sở Công Thương tổ chức ít nhất 02 hội chợ hàng Việt mỗi năm.
            3. Sở Công Thương báo cáo tình hình thị trường mỗi quý.
            4. Sở Văn hóa, Thể thao và Du lịch tổ chức các sự kiện theo kế hoạch dài hạn và hằng năm.
            5. Định kỳ báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện theo quy định.
            6. Sở Nông nghiệp và Môi trường cập nhật bản đồ hiện trạng rừng theo định kỳ.
            7. Định kỳ 6 tháng, Sở Nội vụ tổng hợp kết quả.
            8. Sở Khoa học và Công nghệ giám sát việc thực hiện các mục tiêu phát triển nhân lực số đến năm 2026, định hướng đến năm 2030.
            """);

        Expect(p, "Sở Tài chính lồng ghép", DeadlineKind.Unspecified);
        Expect(p, "Sở Công Thương tổ chức", DeadlineKind.RecurringYearly);
        Expect(p, "Sở Công Thương báo cáo", DeadlineKind.RecurringQuarterly);
        Expect(p, "Sở Văn hóa", DeadlineKind.Unspecified);
        // Periodic work with no period stated: no time to track, its words kept; a stated period recurs.
        Expect(p, "Định kỳ báo cáo", DeadlineKind.Unspecified);
        Assert.Equal("Định kỳ", Deadline(p, "Định kỳ báo cáo").Text);
        Expect(p, "Sở Nông nghiệp và Môi trường cập nhật", DeadlineKind.Unspecified);
        Expect(p, "Định kỳ 6 tháng", DeadlineKind.RecurringHalfYearly);
        // A scope and its vision ("đến năm …, định hướng đến năm …") time no work.
        Expect(p, "Sở Khoa học và Công nghệ giám sát", DeadlineKind.Unspecified);
    }

    [Theory]
    [InlineData("mỗi tháng", DeadlineKind.RecurringMonthly)]
    [InlineData("Mỗi quý", DeadlineKind.RecurringQuarterly)]
    [InlineData("mỗi năm", DeadlineKind.RecurringYearly)]
    public void Should_read_moi_as_a_recurrence_in_typed_and_imported_times(string text, DeadlineKind kind) =>
        Assert.Equal(kind, DeadlineParser.Parse(text)?.Kind);

    [Theory]
    [InlineData("Nhiệm vụ thường xuyên", DeadlineKind.Continuous)]
    [InlineData("**CÁC NHIỆM VỤ, GIẢI PHÁP LÂU DÀI**", DeadlineKind.Continuous)]
    [InlineData("Nhiệm vụ dài hạn:", DeadlineKind.Continuous)]
    [InlineData("Công việc thực hiện hằng năm", DeadlineKind.RecurringYearly)]
    [InlineData("Trong quá trình vận hành nhà máy", DeadlineKind.Continuous)]
    [InlineData("Khi phát sinh vướng mắc", DeadlineKind.AdHoc)]
    [InlineData("Sau khi Kế hoạch được phê duyệt", DeadlineKind.Unspecified)]
    public void Should_read_a_headings_own_words_as_a_time(string heading, DeadlineKind kind) =>
        Assert.Equal(kind, HeadingTime.Of(heading, 0)?.Deadline.Kind);

    [Theory]
    [InlineData("Nhiệm vụ thường xuyên của Sở Nội vụ là tham mưu")]
    [InlineData("Trong thời gian tới")]
    [InlineData("Khi các cơ quan sử dụng dịch vụ công trực tuyến")]
    [InlineData("Tăng cường công tác thường xuyên")]
    public void Should_not_read_a_heading_that_is_no_time(string heading) => Assert.Null(HeadingTime.Of(heading, 0));
}

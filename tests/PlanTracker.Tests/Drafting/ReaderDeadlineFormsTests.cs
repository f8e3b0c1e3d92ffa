using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Deadline and target forms of issue 15, round 3, each on constructed cases in the shape of the development
/// corpus (decision 0009, "Deadlines, enumerations and targets"): no database.
/// </summary>
public sealed class ReaderDeadlineFormsTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    private static Proposal Section(string items) => Parse($"KẾ HOẠCH\nChuyển đổi số\n\nII. NHIỆM VỤ\n{items}");

    [Theory]
    [InlineData("1. Sở Nội vụ ứng dụng viễn thám đánh giá tiềm năng hấp thụ các-bon rừng giai đoạn 2026 - 2030, có xét đến năm 2050.")]
    [InlineData("1. Sở Nội vụ khẩn trương xây dựng cơ sở dữ liệu phát thải cấp tỉnh đến năm 2030 và có tính đến năm 2050.")]
    public void Should_not_take_the_year_a_study_looks_to_as_its_deadline(string item)
    {
        var d = Item(Section(item), "II.1").Deadline;

        Assert.True(d is null || d.DueOn is null || d.DueOn.Value.Year < 2050, $"{d?.Kind} {d?.DueOn}");
    }

    [Theory]
    [InlineData("1. Sở Nội vụ hoàn thiện dự thảo Kế hoạch giảm phát thải khí nhà kính, bao gồm khí mê-tan trong lĩnh vực chất thải đến năm 2030 theo quy định.")]
    [InlineData("1. Sở Nội vụ tham mưu xây dựng Đề án phát triển nguồn nhân lực số, chuyển đổi số của tỉnh đến năm 2035.")]
    public void Should_not_take_the_horizon_in_a_drafted_plans_name_as_the_tasks_deadline(string item)
    {
        var d = Item(Section(item), "II.1").Deadline;

        Assert.False(d is { DueOn: { } due } && due.Year >= 2030 && !d.Inherited, $"{d?.Kind} {d?.DueOn} {d?.Text}");
    }

    [Theory]
    [InlineData("1. Sở Nội vụ duy trì các dự án chế biến theo mô hình kinh tế tuần hoàn hướng tới mục tiêu phát thải ròng bằng “0” trước năm 2050.")]
    [InlineData("1. Sở Nội vụ chuyển đổi công nghệ các cơ sở khai thác, hướng tới đạt mức phát thải ròng bằng 0 vào năm 2050.")]
    public void Should_not_take_the_year_of_the_goal_the_work_aims_at_as_its_deadline(string item)
    {
        var d = Item(Section(item), "II.1").Deadline;

        Assert.True(d is null || d.DueOn is null, $"{d?.Kind} {d?.DueOn}");
    }

    [Fact]
    public void Should_take_the_stated_time_over_a_follow_up_steps_time_that_waits_on_a_decision()
    {
        var p = Section("""
            1. Sở Nội vụ hoàn thành hồ sơ đề nghị xây dựng Luật trình Chính phủ trong tháng 7 năm 2027. Sau khi hồ sơ được Quốc hội thông qua, hoàn thành dự thảo Luật trình Quốc hội tại kỳ họp cuối năm 2028.
            2. Sở Tư pháp rà soát quy định. Sau khi Đề án được phê duyệt, triển khai trong năm 2028.
            """);

        Assert.Equal((DeadlineKind.Month, new DateOnly(2027, 7, 31)), (Item(p, "II.1").Deadline!.Kind, Item(p, "II.1").Deadline!.DueOn!.Value));
        Assert.Equal((DeadlineKind.Year, new DateOnly(2028, 12, 31)), (Item(p, "II.2").Deadline!.Kind, Item(p, "II.2").Deadline!.DueOn!.Value));
    }

    [Fact]
    public void Should_still_read_a_deadline_said_after_a_plans_name()
    {
        var p = Section("""
            1. Sở Nội vụ xây dựng Kế hoạch chuyển đổi số của tỉnh, hoàn thành trong năm 2027.
            2. Sở Nội vụ xây dựng và tổ chức thực hiện kế hoạch thực hiện Nghị quyết số 57-NQ/TW trong tháng 01 năm 2027.
            3. Sở Nội vụ triển khai Kế hoạch số 12/KH-UBND trong Quý II năm 2027.
            """);

        Assert.Equal((DeadlineKind.Year, new DateOnly(2027, 12, 31)), (Item(p, "II.1").Deadline!.Kind, Item(p, "II.1").Deadline!.DueOn!.Value));
        Assert.Equal((DeadlineKind.Month, new DateOnly(2027, 1, 31)), (Item(p, "II.2").Deadline!.Kind, Item(p, "II.2").Deadline!.DueOn!.Value));
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2027, 6, 30)), (Item(p, "II.3").Deadline!.Kind, Item(p, "II.3").Deadline!.DueOn!.Value));
    }

    [Fact]
    public void Should_read_targets_delivered_in_an_output_column_and_measured_quantities()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            PHỤ LỤC
            | TT | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Đầu ra chủ yếu | Thời gian |
            | --- | --- | --- | --- | --- | --- |
            | 1 | Trồng rừng ven biển | Sở Nội vụ | Sở Tư pháp | 30.000 ha rừng ven biển được trồng. | 2026 - 2030 |
            | 2 | Tư vấn cho chủ rừng | Sở Nội vụ | Sở Tư pháp | - 100.000 chủ rừng là hộ gia đình và 100 chủ rừng là tổ chức được tiếp cận dịch vụ tư vấn. | 2026 - 2030 |
            | 3 | Tập huấn | Sở Nội vụ | Sở Tư pháp | - Ít nhất 5.000 lượt người được tập huấn. - Tài liệu được ban hành. | 2026 - 2030 |
            | 4 | Rà soát quy hoạch để bố trí đủ 16,24 triệu ha đất lâm nghiệp | Sở Nội vụ | Sở Tư pháp | Báo cáo rà soát theo Nghị quyết 134/2016/QH13, trình 02 lần trong năm. | 2026 - 2030 |
            """);

        (TargetComparison, decimal, TargetUnit, string?)[] Targets(string start) =>
            p.Items.Single(i => i.Title.StartsWith(start, StringComparison.Ordinal)).Targets.Select(t => (t.Comparison, t.Value, t.Unit, t.UnitText)).ToArray();

        Assert.Equal([(TargetComparison.AtLeast, 30000m, TargetUnit.Other, "ha")], Targets("Trồng rừng"));
        Assert.Equal([(TargetComparison.AtLeast, 100000m, TargetUnit.Count, null), (TargetComparison.AtLeast, 100m, TargetUnit.Count, null)], Targets("Tư vấn"));
        Assert.Equal([(TargetComparison.AtLeast, 5000m, TargetUnit.Count, null)], Targets("Tập huấn"));
        // The task's "đủ 16,24 triệu ha" is a target; the report's numbers (a cited resolution, a count of submissions without "được") are not.
        Assert.Equal([(TargetComparison.AtLeast, 16.24m, TargetUnit.Other, "triệu ha")], Targets("Rà soát quy hoạch"));
    }

    [Fact]
    public void Should_drop_a_pdfs_page_number_and_footnote_and_join_the_paragraph_the_page_break_cut()
    {
        var p = Parse(
            "KẾ HOẠCH\nChuyển đổi số\n\nII. NHIỆM VỤ\n" +
            "       - Sở Nội vụ xử lý nghiêm các hành vi vi phạm pháp luật1, đặc biệt là: (i) Khai thác khoáng sản\n\n" +
            "   1 Các quy định của Luật Địa chất và Khoáng sản năm 2024 và các văn bản\n\nhướng dẫn thi hành; Nghị quyết số 10-\n\nNQ/TW ngày 10/02/2022 của Bộ Chính trị.\n" +
            "                                        2\n\n" +
            "trái phép; (ii) Khai thác không đúng nội dung giấy phép.\n" +
            "       - Sở Tư pháp rà soát quy định về khoáng sản.\n");

        var leaves = p.Items.Where(i => !i.IsGroup).ToList();

        Assert.Equal(2, leaves.Count);
        var first = (leaves[0].Title + " " + leaves[0].Description).Trim();
        Assert.Contains("trái phép; (ii)", System.Text.RegularExpressions.Regex.Replace(first, @"\s+", " "));
        Assert.DoesNotContain("Các quy định của Luật", first);
        Assert.DoesNotContain("NQ/TW", first);
        Assert.StartsWith("Sở Tư pháp", leaves[1].Title);
    }

    [Fact]
    public void Should_not_read_a_bare_number_in_running_text_as_a_target()
    {
        var p = Section("1. Sở Nội vụ phối hợp với 30 xã được chọn để kiểm tra 150.000 ha rừng.");

        Assert.Empty(Item(p, "II.1").Targets);
    }
}

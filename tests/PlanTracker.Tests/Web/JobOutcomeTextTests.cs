using System.Globalization;
using PlanTracker.Web.Pages.Admin;

namespace PlanTracker.Tests.Web;

public sealed class JobOutcomeTextTests
{
    [Theory]
    [InlineData("3 mail(s), 24 item(s)", "3 thư, 24 mục")]
    [InlineData("2775 mail(s) to 24125 people, 4440 item(s)", "2775 thư tới 24125 người, 4440 mục")]
    [InlineData("12 sent, 1 failed, 0 dead", "đã gửi 12, lỗi 1, hỏng 0")]
    [InlineData("4 mail(s), 9 due, 5 with nothing to say", "4 thư, 9 người đến lượt, 5 người không có gì mới")]
    [InlineData("2026-Q3: 5 report(s) compiled, 1 mail(s)", "Quý III/2026: tổng hợp 5 báo cáo, 1 thư")]
    [InlineData("something new", "something new")]
    public void Should_read_a_recorded_outcome_in_Vietnamese(string recorded, string vietnamese)
    {
        Assert.Equal(vietnamese, JobOutcomeText.Localize(recorded, CultureInfo.GetCultureInfo("vi-VN")));
        Assert.Equal(recorded, JobOutcomeText.Localize(recorded, CultureInfo.GetCultureInfo("en-US")));
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PlanTracker.Web;
using PlanTracker.Web.Pages.Admin;

namespace PlanTracker.Tests.Web;

public sealed class CronDescriptionTests
{
    private static readonly IStringLocalizer Localizer = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance).Create(typeof(SharedResource));

    [Theory]
    [InlineData("*/10 * * * * *", "Mỗi 10 giây", "Every 10 seconds")]
    [InlineData("0 */15 * * * *", "Mỗi 15 phút", "Every 15 minutes")]
    [InlineData("*/15 * * * *", "Mỗi 15 phút", "Every 15 minutes")]
    [InlineData("5 * * * *", "Hằng giờ, vào phút 5", "Every hour at minute 5")]
    [InlineData("0 7 * * *", "Hằng ngày lúc 07:00", "Daily at 07:00")]
    [InlineData("0 0 7 * * *", "Hằng ngày lúc 07:00", "Daily at 07:00")]
    [InlineData("30 7,13 * * *", "Hằng ngày lúc 07:30, 13:30", "Daily at 07:30, 13:30")]
    [InlineData("0 8 * * MON-FRI", "Hằng tuần vào Thứ Hai–Thứ Sáu, lúc 08:00", "Every Monday–Friday at 08:00")]
    [InlineData("0 8 * * 1-5", "Hằng tuần vào Thứ Hai–Thứ Sáu, lúc 08:00", "Every Monday–Friday at 08:00")]
    // Hangfire's day numbers: 1 is Monday, 0 and 7 are Sunday.
    [InlineData("0 8 * * 1", "Hằng tuần vào Thứ Hai, lúc 08:00", "Every Monday at 08:00")]
    [InlineData("0 8 * * 0", "Hằng tuần vào Chủ Nhật, lúc 08:00", "Every Sunday at 08:00")]
    [InlineData("0 8 * * 7", "Hằng tuần vào Chủ Nhật, lúc 08:00", "Every Sunday at 08:00")]
    [InlineData("0 6 L * *", "Ngày cuối cùng hằng tháng, lúc 06:00", "On the last day of each month at 06:00")]
    [InlineData("0 8 21 1,4,7,10 *", "Ngày 21 các tháng 1, 4, 7, 10, lúc 08:00", "On day 21 of months 1, 4, 7, 10 at 08:00")]
    public void Should_say_a_schedule_in_Vietnamese_and_in_English(string cron, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, In("vi-VN", () => CronDescription.Describe(cron, Localizer)));
        Assert.Equal(english, In("en-US", () => CronDescription.Describe(cron, Localizer)));
    }

    [Theory]
    [InlineData("0 7 * * MON#2")]
    [InlineData("15 0 7 * * *")]
    [InlineData("0 0 7 * * ?")] // the old dialect: refused at start, never described
    [InlineData("0 0 7 ? * MON *")]
    [InlineData("not a cron")]
    public void Should_leave_other_shapes_to_the_cron_itself(string cron) => Assert.Null(CronDescription.Describe(cron, Localizer));

    private static string? In(string culture, Func<string?> describe)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try { return describe(); }
        finally { CultureInfo.CurrentUICulture = saved; }
    }
}

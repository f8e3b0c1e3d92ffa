using PlanTracker.Core.Domain;

namespace PlanTracker.Tests.Domain;

public sealed class DeadlineParserTests
{
    // Every row of the deadline table in domain.md, and the variants the seed documents use.
    [Theory]
    [InlineData("Quý I năm 2016", DeadlineKind.Quarter, "2016-01-01", "2016-03-31")]
    [InlineData("Quý III năm 2018", DeadlineKind.Quarter, "2018-07-01", "2018-09-30")]
    [InlineData("Quý IV-2025", DeadlineKind.Quarter, "2025-10-01", "2025-12-31")]
    [InlineData("trước tháng 7/2016", DeadlineKind.Date, null, "2016-06-30")]
    [InlineData("trước ngày 31/12/2016", DeadlineKind.Date, null, "2016-12-31")]
    [InlineData("trước 31/12/2016", DeadlineKind.Date, null, "2016-12-31")]
    [InlineData("Năm 2016", DeadlineKind.Year, "2016-01-01", "2016-12-31")]
    [InlineData("Hết năm 2016", DeadlineKind.Year, "2016-01-01", "2016-12-31")]
    [InlineData("Đến hết năm 2016", DeadlineKind.Year, "2016-01-01", "2016-12-31")]
    [InlineData("Đến năm 2020", DeadlineKind.Year, "2020-01-01", "2020-12-31")]
    [InlineData("hoàn thành trong năm 2025", DeadlineKind.Year, "2025-01-01", "2025-12-31")]
    [InlineData("Giai đoạn 2016-2018", DeadlineKind.Period, "2016-01-01", "2018-12-31")]
    [InlineData("giai đoạn 2017 - 2018", DeadlineKind.Period, "2017-01-01", "2018-12-31")]
    [InlineData("trong tháng 12 năm 2025", DeadlineKind.Month, "2025-12-01", "2025-12-31")]
    [InlineData("6 tháng đầu năm 2017", DeadlineKind.HalfYear, "2017-01-01", "2017-06-30")]
    [InlineData("Hàng năm", DeadlineKind.RecurringYearly, null, null)]
    [InlineData("hằng năm", DeadlineKind.RecurringYearly, null, null)]
    [InlineData("Định kỳ hàng quý", DeadlineKind.RecurringQuarterly, null, null)]
    [InlineData("định kỳ 03 tháng", DeadlineKind.RecurringQuarterly, null, null)]
    [InlineData("Định kỳ 06 tháng", DeadlineKind.RecurringHalfYearly, null, null)]
    [InlineData("Định kỳ sáu tháng, hàng năm", DeadlineKind.RecurringHalfYearly, null, null)]
    [InlineData("định kỳ hoặc đột xuất", DeadlineKind.AdHoc, null, null)]
    [InlineData("trước ngày 20 hằng tháng", DeadlineKind.RecurringMonthly, null, null)]
    [InlineData("Thường xuyên", DeadlineKind.Continuous, null, null)]
    [InlineData("tiếp tục", DeadlineKind.Continuous, null, null)]
    [InlineData("đột xuất", DeadlineKind.AdHoc, null, null)]
    [InlineData("trước ngày 01/6 và 15/11 hằng năm", DeadlineKind.RecurringYearly, null, null)]
    [InlineData("hàng tuần", DeadlineKind.Continuous, null, null)]
    [InlineData("định kỳ", DeadlineKind.Continuous, null, null)]
    [InlineData("thường xuyên, lâu dài", DeadlineKind.Continuous, null, null)]
    [InlineData("Quý III/2023", DeadlineKind.Quarter, "2023-07-01", "2023-09-30")]
    // Issue 15, round 3 (the development corpus' time cells): a recurrence from a named year, a comma before the year,
    // two milestone years, and "every few years" which no kind models.
    [InlineData("Năm 2022 và hàng năm", DeadlineKind.RecurringYearly, "2022-01-01", null)]
    [InlineData("2025 và những năm tiếp theo", DeadlineKind.RecurringYearly, "2025-01-01", null)]
    [InlineData("trước ngày 30 tháng 6 hằng năm kể từ năm 2027", DeadlineKind.RecurringYearly, "2027-01-01", null)]
    [InlineData("Quý III, năm 2024", DeadlineKind.Quarter, "2024-07-01", "2024-09-30")]
    [InlineData("tháng 6, năm 2026", DeadlineKind.Month, "2026-06-01", "2026-06-30")]
    [InlineData("Năm 2025; Năm 2030", DeadlineKind.Period, "2025-01-01", "2030-12-31")]
    [InlineData("Định kỳ 2 năm/lần, bắt đầu từ năm 2024", DeadlineKind.Unspecified, null, null)]
    public void Should_parse_deadline_phrases_as_documents_write_them(string text, DeadlineKind kind, string? startOn, string? dueOn)
    {
        var deadline = DeadlineParser.Parse(text);

        Assert.NotNull(deadline);
        Assert.Equal(kind, deadline.Kind);
        Assert.Equal(startOn is null ? null : DateOnly.Parse(startOn), deadline.StartOn);
        Assert.Equal(dueOn is null ? null : DateOnly.Parse(dueOn), deadline.DueOn);
        Assert.Equal(text, deadline.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("khẩn trương")]
    [InlineData("theo lộ trình")]
    [InlineData("Quý V năm 2018")]
    [InlineData("trước ngày 31/02/2016")]
    public void Should_return_null_for_text_that_names_no_time(string text) => Assert.Null(DeadlineParser.Parse(text));

    [Fact]
    public void Should_count_working_days_across_Tet_with_the_holiday_calendar()
    {
        // Tết 2024: days off Thursday 08/02 to Wednesday 14/02 (seed-data/holidays.json).
        var calendar = new WorkingDayCalendar(Seeding.SeedFixture.Holidays);

        var deadline = DeadlineParser.Parse("trong 3 ngày làm việc kể từ ngày 07/02/2024", calendar);

        Assert.NotNull(deadline);
        Assert.Equal(DeadlineKind.WorkingDays, deadline.Kind);
        Assert.Equal(new DateOnly(2024, 2, 7), deadline.StartOn);
        Assert.Equal(new DateOnly(2024, 2, 19), deadline.DueOn); // 15, 16, then Monday 19
        Assert.Equal(3, deadline.WorkingDays);
    }

    [Fact]
    public void Should_skip_weekends_and_holidays_when_counting_working_days()
    {
        var calendar = new WorkingDayCalendar([new DateOnly(2026, 9, 2)]);

        Assert.Equal(new DateOnly(2026, 9, 3), calendar.AddWorkingDays(new DateOnly(2026, 9, 1), 1));
        Assert.Equal(new DateOnly(2026, 9, 7), calendar.AddWorkingDays(new DateOnly(2026, 9, 3), 2)); // Fri 4, Mon 7
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 9, 5)));
    }

    [Fact]
    public void Should_refuse_dates_that_do_not_fit_the_kind()
    {
        Assert.NotNull(Deadline.Check(DeadlineKind.Quarter, new DateOnly(2018, 7, 1), new DateOnly(2018, 9, 29), null));
        Assert.NotNull(Deadline.Check(DeadlineKind.Year, new DateOnly(2018, 1, 1), new DateOnly(2019, 12, 31), null));
        Assert.NotNull(Deadline.Check(DeadlineKind.Continuous, null, new DateOnly(2018, 1, 1), null));
        Assert.Null(Deadline.Check(DeadlineKind.Quarter, new DateOnly(2018, 7, 1), new DateOnly(2018, 9, 30), null));
    }
}

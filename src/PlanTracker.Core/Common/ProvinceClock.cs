namespace PlanTracker.Core.Common;

/// <summary>"Today" is the province's date (Asia/Ho_Chi_Minh), whatever the server's time zone.</summary>
public sealed class ProvinceClock(TimeProvider time)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public DateTimeOffset Now => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);
}

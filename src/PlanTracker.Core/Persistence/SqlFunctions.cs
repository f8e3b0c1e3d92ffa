using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence;

/// <summary>
/// SQL functions of migration 0014 that the dashboard's queries group and filter by, so that
/// its numbers are counted by the database. Callable in LINQ to Entities only.
/// </summary>
public static class SqlFunctions
{
    /// <summary>The province's calendar day of an instant (Asia/Ho_Chi_Minh).</summary>
    public static DateOnly ProvinceDate(DateTimeOffset at) => throw new NotSupportedException("Translated to SQL only.");

    /// <summary>0-100: how far <paramref name="today"/> is from start towards due; null without a start or room between them.</summary>
    public static int? ElapsedPercent(DateOnly? startOn, DateOnly? dueOn, DateOnly today) => throw new NotSupportedException("Translated to SQL only.");

    /// <summary>
    /// At risk on <paramref name="day"/> by the stored first at-risk day (migration 0017):
    /// inlined by PostgreSQL into the range test the GiST index ix_plan_tasks_at_risk answers.
    /// </summary>
    public static bool AtRiskOn(DateOnly? atRiskFrom, DateOnly? dueOn, DateOnly day) => throw new NotSupportedException("Translated to SQL only.");

    /// <summary>Timeliness as it stood on <paramref name="day"/>: a task done after that day was still open on it.</summary>
    public static string TimelinessOn(PlanTaskStatus status, DateOnly? completedOn, DeadlineKind deadlineKind, DateOnly? dueOn, DateOnly day) =>
        throw new NotSupportedException("Translated to SQL only.");

    /// <summary>"Met", "NotMet" or "NoData" (no actual): a target judged on an actual (migration 0020, the twin of <see cref="Target.IsMetBy"/>).</summary>
    public static string TargetAttainment(TargetComparison comparison, decimal target, decimal? actual) =>
        throw new NotSupportedException("Translated to SQL only.");

    internal static void Register(ModelBuilder builder)
    {
        builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(ProvinceDate))!).HasName("province_date");
        builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(ElapsedPercent))!).HasName("elapsed_percent");
        builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(TimelinessOn))!).HasName("task_timeliness_on");
        builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(AtRiskOn))!).HasName("at_risk_on");
        builder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(TargetAttainment))!).HasName("target_attainment");
    }
}

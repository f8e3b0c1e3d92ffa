namespace PlanTracker.Core.Features.Dashboard;

/// <summary>Settings of the dashboard (section <c>Dashboard</c> of the configuration).</summary>
public sealed class DashboardOptions
{
    /// <summary>
    /// A task is at risk when its percent complete trails the share of its time already gone by more
    /// than this many percentage points (see <see cref="AtRiskRule"/>).
    /// </summary>
    public int AtRiskMargin { get; set; } = 25;

    /// <summary>How many quarters the heatmap and the trends show, ending with the current (or chosen) one.</summary>
    public int Quarters { get; set; } = 8;

    /// <summary>Rows of the overdue and at-risk lists on the dashboard itself; the task list has them all.</summary>
    public int ListRows { get; set; } = 15;
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PlanTracker.Benchmarks.Generator;

/// <summary>
/// What the generator builds. Every number is a shape taken from the domain (a province has a
/// People's Committee, a few dozen departments, districts and communes; plans hold a few hundred
/// tasks in the document's numbering), scaled by the size. The same spec and seed always give the
/// same rows, so a figure can be re-run on the same data.
/// </summary>
public sealed record DatasetSpec
{
    public required string Name { get; init; }
    public int Seed { get; init; } = 20_261_122;
    public int Provinces { get; init; }
    /// <summary>Province-level bodies per province (UBND tỉnh, Văn phòng, Sở, ban, ngành…).</summary>
    public int ProvinceAgencies { get; init; }
    public int Districts { get; init; }
    public int Communes { get; init; }
    public int CentralAgencies { get; init; } = 20;
    /// <summary>Rows in plan_tasks, group headings included (about one in twelve is a heading).</summary>
    public int Tasks { get; init; }
    public int MeanTasksPerPlan { get; init; } = 200;

    // People per agency, by level: a department has a team, a commune one or two clerks.
    public int ProvinceOfficers { get; init; } = 18;
    public int DistrictOfficers { get; init; } = 10;
    public int CommuneOfficers { get; init; } = 5;
    public int CentralOfficers { get; init; } = 12;
    public int SecretariatUsersPerProvince { get; init; } = 3;
    public int SteeringMembersPerProvince { get; init; } = 4;

    /// <summary>Documents are issued between these dates; their tasks fall due up to three years later.</summary>
    public DateOnly FirstIssued { get; init; } = new(2019, 1, 1);
    public DateOnly LastIssued { get; init; } = new(2027, 6, 30);
    /// <summary>The day task states are drawn against: before it most tasks are done, some overdue.</summary>
    public DateOnly Today { get; init; } = new(2026, 11, 16);
    /// <summary>Share of tasks due before <see cref="Today"/> that are still open (overdue).</summary>
    public double OverdueShare { get; init; } = 0.2;
    /// <summary>
    /// Share of plans that are published (the rest stay drafts); null: 0.92. Left out of the
    /// fingerprint when null, so datasets generated before it existed are still recognised.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? PublishedShare { get; init; }

    /// <summary>Progress updates per row of plan_tasks: L's 1,000,000 tasks carry 5,000,000 (issue 6), spread over the actionable ones by their state.</summary>
    public int ProgressPerTask { get; init; } = 5;
    /// <summary>Share of actionable tasks with quantitative targets (chỉ tiêu), each with the actuals its progress reports recorded.</summary>
    public double TargetShare { get; init; } = 0.12;
    /// <summary>Agencies' quarterly reports are generated from this year's first quarter to <see cref="Today"/>'s quarter (four years with the default).</summary>
    public int FirstReportYear { get; init; } = 2023;

    public long ProgressUpdates => (long)Tasks * ProgressPerTask;

    public static IReadOnlyList<string> Sizes { get; } = ["XS", "S", "M", "L"];

    /// <summary>XS: a smoke run's; S: one province; M: the 34 provinces at 100,000 tasks; L: national, a million tasks, ~5,000 agencies, ~50,000 users.</summary>
    public static DatasetSpec Sized(string size) => size.ToUpperInvariant() switch
    {
        // XS: the smoke runs' few hundred rows (tests/PlanTracker.Tests/Performance/BenchmarkSmokeTests): every code path, no figure worth a verdict.
        "XS" => new DatasetSpec { Name = "XS", Provinces = 1, ProvinceAgencies = 8, Districts = 2, Communes = 2, CentralAgencies = 0, Tasks = 400, MeanTasksPerPlan = 40,
            FirstReportYear = 2026 },
        "S" => new DatasetSpec { Name = "S", Provinces = 1, ProvinceAgencies = 24, Districts = 8, Communes = 5, CentralAgencies = 0, Tasks = 3_000, MeanTasksPerPlan = 150 },
        "M" => new DatasetSpec { Name = "M", Provinces = 34, ProvinceAgencies = 30, Districts = 10, Communes = 25, Tasks = 100_000 },
        "L" => new DatasetSpec { Name = "L", Provinces = 34, ProvinceAgencies = 30, Districts = 20, Communes = 95, Tasks = 1_000_000,
            // A district's People's Committee staffs several offices: 15 officers brings the national count to ~50,000 users.
            DistrictOfficers = 15 },
        _ => throw new ArgumentException($"Unknown size '{size}': expected one of {string.Join(", ", Sizes)}."),
    };

    /// <summary>A stable description of the spec: a database generated from an equal one is reused as it is.</summary>
    public string Fingerprint() => JsonSerializer.Serialize(this);

    public override string ToString() =>
        $"{Name}: {Tasks:N0} tasks, {Provinces} province(s) × ({ProvinceAgencies} + {Districts} districts + {Communes} communes), seed {Seed}, states as of {Today:yyyy-MM-dd}; " +
        $"{ProgressUpdates:N0} progress updates, targets on {TargetShare:P0} of tasks, quarterly reports from {FirstReportYear}";
}

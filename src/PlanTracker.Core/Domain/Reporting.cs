namespace PlanTracker.Core.Domain;

public enum ReportingRegime { Quarterly, HalfYearly, Yearly, AdHoc }

/// <summary>
/// A reporting period (kỳ báo cáo). Decree 09/2019/NĐ-CP: data are cut off on one day and the
/// report is due at least one working day later; both are set per regime, never constants.
/// </summary>
public sealed class ReportingPeriod
{
    private ReportingPeriod() { }

    public ReportingPeriod(ReportingRegime regime, int year, int number, DateOnly startOn, DateOnly endOn, DateOnly dataCutOffOn, DateOnly submissionDueOn,
        long? provinceId = null)
    {
        if ((regime == ReportingRegime.AdHoc) != (provinceId is not null))
            throw new ArgumentException("An ad hoc period belongs to one province; a regular period to none.");
        ProvinceId = provinceId;
        if (endOn < startOn) throw new ArgumentException("A period cannot end before it starts.");
        if (submissionDueOn <= dataCutOffOn) throw new ArgumentException("The submission deadline must come after the data cut-off.");
        Regime = regime;
        Year = year;
        Number = number;
        StartOn = startOn;
        EndOn = endOn;
        DataCutOffOn = dataCutOffOn;
        SubmissionDueOn = submissionDueOn;
    }

    public long Id { get; private set; }
    public ReportingRegime Regime { get; private set; }
    public int Year { get; private set; }
    /// <summary>Quarter 1-4, half 1-2, 1 for a year, a sequence for ad hoc periods.</summary>
    public int Number { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly EndOn { get; private set; }
    public DateOnly DataCutOffOn { get; private set; }
    public DateOnly SubmissionDueOn { get; private set; }
    /// <summary>The province whose agencies an ad hoc period obliges; null for the regular periods, which oblige every province.</summary>
    public long? ProvinceId { get; private set; }

    /// <summary>Whether this period obliges the agencies of <paramref name="provinceId"/>.</summary>
    public bool Obliges(long? provinceId) => ProvinceId is null || ProvinceId == provinceId;
}

public enum PeriodReportState { Draft, Submitted, Accepted, Returned }

/// <summary>
/// The sections of an agency's report after "Kết quả đạt được" (the report's content), in the order
/// of the usual template: tồn tại, hạn chế; nguyên nhân; phương hướng; kiến nghị, đề xuất.
/// </summary>
public sealed record ReportSections([property: Common.MultiLine] string? Shortcomings = null, [property: Common.MultiLine] string? Causes = null,
    [property: Common.MultiLine] string? Directions = null, [property: Common.MultiLine] string? Proposals = null);

/// <summary>An agency's report for one period (báo cáo định kỳ).</summary>
public sealed class PeriodReport : Common.IVersioned
{
    private PeriodReport() { }

    public PeriodReport(long reportingPeriodId, long agencyId, string agencyName, string content)
    {
        ReportingPeriodId = reportingPeriodId;
        AgencyId = agencyId;
        AgencyName = agencyName;
        Content = content;
    }

    public long Id { get; private set; }
    public long ReportingPeriodId { get; private set; }
    public long AgencyId { get; private set; }
    /// <summary>The agency's name when the report was opened.</summary>
    public string AgencyName { get; private set; } = "";
    public PeriodReportState State { get; private set; }
    /// <summary>"Kết quả đạt được": drafted from the progress the agency recorded in the period.</summary>
    public string Content { get; private set; } = "";
    public string Shortcomings { get; private set; } = "";
    public string Causes { get; private set; } = "";
    public string Directions { get; private set; } = "";
    public string Proposals { get; private set; } = "";
    public ReportSections Sections => new(Shortcomings, Causes, Directions, Proposals);
    public DateTimeOffset? SubmittedAt { get; private set; }
    public long? SubmittedByUserId { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public long? ReviewedByUserId { get; private set; }
    public string? ReviewComment { get; private set; }
    public int Version { get; private set; }

    /// <summary>An unsubmitted report follows its agency into a merger or split.</summary>
    public void MoveTo(long agencyId)
    {
        if (State is PeriodReportState.Submitted or PeriodReportState.Accepted) return;
        AgencyId = agencyId;
        Version++;
    }

    /// <summary>Saves the officer's edit; sections not sent (null) keep what they held.</summary>
    public void Edit(string content, ReportSections? sections = null)
    {
        if (State is PeriodReportState.Submitted or PeriodReportState.Accepted)
            throw new Common.RuleViolationException("state", Common.Wording.Pick("Báo cáo đã gửi hoặc đã được chấp nhận, không sửa được nữa.", $"A {State.ToString().ToLowerInvariant()} report can no longer be edited."));
        Content = content;
        if (sections is not null)
        {
            Shortcomings = sections.Shortcomings?.Trim() ?? Shortcomings;
            Causes = sections.Causes?.Trim() ?? Causes;
            Directions = sections.Directions?.Trim() ?? Directions;
            Proposals = sections.Proposals?.Trim() ?? Proposals;
        }
        Version++;
    }

    public void Submit(long userId, DateTimeOffset at)
    {
        if (State is not (PeriodReportState.Draft or PeriodReportState.Returned))
            throw new Common.RuleViolationException("state", Common.Wording.Pick("Báo cáo đã được gửi, không gửi lại được.", $"A {State.ToString().ToLowerInvariant()} report cannot be submitted again."));
        if (string.IsNullOrWhiteSpace(Content)) throw new Common.RuleViolationException("content", Common.Wording.Pick("Báo cáo chưa có nội dung, chưa thể gửi.", "An empty report cannot be submitted."));
        State = PeriodReportState.Submitted;
        SubmittedAt = at;
        SubmittedByUserId = userId;
        Version++;
    }

    public void Review(bool accept, string? comment, long userId, DateTimeOffset at)
    {
        if (State != PeriodReportState.Submitted)
            throw new Common.RuleViolationException("state", Common.Wording.Pick("Chỉ báo cáo đã gửi mới được xem xét.", "Only a submitted report can be reviewed."));
        if (!accept && string.IsNullOrWhiteSpace(comment))
            throw new Common.RuleViolationException("comment", Common.Wording.Pick("Khi trả lại báo cáo, hãy ghi rõ cần sửa gì.", "Say what must change when returning a report."));
        State = accept ? PeriodReportState.Accepted : PeriodReportState.Returned;
        ReviewComment = comment;
        ReviewedAt = at;
        ReviewedByUserId = userId;
        Version++;
    }
}

/// <summary>Who did what, when: written by the handlers that change things.</summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(DateTimeOffset occurredAt, long? userId, string action, string entityType, long? entityId, string? data)
    {
        OccurredAt = occurredAt;
        UserId = userId;
        Action = action;
        EntityType = entityType;
        EntityId = entityId;
        Data = data;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public long? UserId { get; private set; }
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public long? EntityId { get; private set; }
    public string? Data { get; private set; }
}

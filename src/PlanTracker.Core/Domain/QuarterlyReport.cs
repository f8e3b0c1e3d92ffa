namespace PlanTracker.Core.Domain;

public enum ReportFileKind { Docx, Xlsx }

/// <summary>
/// One file of a compiled provincial quarterly report. A quarter compiled again gets a new
/// <see cref="Version"/>; earlier versions stay, because mails link to them.
/// </summary>
public sealed class QuarterlyReport
{
    private QuarterlyReport() { }

    public QuarterlyReport(long provinceId, long reportingPeriodId, int version, ReportFileKind kind, string fileName, string storageKey,
        long sizeBytes, string sha256, DateOnly dataAsOf, DateTimeOffset createdAt, long? createdByUserId, string? createdByJob)
    {
        ProvinceId = provinceId;
        ReportingPeriodId = reportingPeriodId;
        Version = version;
        Kind = kind;
        FileName = fileName;
        StorageKey = storageKey;
        SizeBytes = sizeBytes;
        Sha256 = sha256;
        DataAsOf = dataAsOf;
        CreatedAt = createdAt;
        CreatedByUserId = createdByUserId;
        CreatedByJob = createdByJob;
    }

    public long Id { get; private set; }
    public long ProvinceId { get; private set; }
    public long ReportingPeriodId { get; private set; }
    public int Version { get; private set; }
    public ReportFileKind Kind { get; private set; }
    /// <summary>The name offered on download, in Vietnamese.</summary>
    public string FileName { get; private set; } = "";
    public string StorageKey { get; private set; } = "";
    public long SizeBytes { get; private set; }
    public string Sha256 { get; private set; } = "";
    /// <summary>The day the report's timeliness is judged on: the compile day, or the quarter's end for a past quarter.</summary>
    public DateOnly DataAsOf { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>Who compiled it on demand; null when a job did.</summary>
    public long? CreatedByUserId { get; private set; }
    public string? CreatedByJob { get; private set; }

    public string ContentType => Kind == ReportFileKind.Docx
        ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Seeding;

// The JSON shapes of seed-data/ (documented in seed-data/README.md). Unknown fields are errors.

public sealed record ProvinceFile(ProvinceSeed Province, List<AgencySeed> Agencies, List<GroupSeed>? Groups = null);
public sealed record ProvinceSeed(string Key, string Name);
public sealed record AgencySeed(string Key, string Name, string? ShortName, AgencyLevel Level, AgencyKind Kind,
    string? Parent = null, List<string>? Aliases = null, bool IsSecretariat = false);
public sealed record GroupSeed(string Key, string Name, List<string> Members, List<string>? Aliases = null);

public sealed record NationalDocumentsFile(List<DocumentSeed> Documents);
public sealed record DocumentSeed(string Key, string? Number, DocumentKind Kind, string Issuer, string? Province,
    DateOnly? IssuedOn, string? Signer, string Title, List<string>? Implements = null, string? SourceFile = null);

public sealed record PlanFile(DocumentSeed Document, PlanSeed Plan, List<TaskSeed> Tasks, List<DocumentSeed>? ReferencedDocuments = null);
public sealed record PlanSeed(string Key, string Title);
public sealed record TaskSeed(string Code, string Title, bool IsGroup, string? Description = null, string? Lead = null,
    List<string>? Coordinating = null, DeadlineSeed? Deadline = null, string? ExpectedOutput = null,
    List<TargetSeed>? Targets = null, List<TaskSeed>? Children = null);
public sealed record DeadlineSeed(string Text, DeadlineKind Kind, DateOnly? StartOn = null, DateOnly? DueOn = null, int? WorkingDays = null, bool Inherited = false);
public sealed record TargetSeed(string Indicator, TargetUnit Unit, TargetComparison Comparison,
    decimal Value, string? UnitText = null, DateOnly? DueOn = null, decimal? Baseline = null, string? Text = null);

public sealed record HolidaySeed(DateOnly Date, string Name);

public sealed record DemoUserSeed(string Email, string DisplayName, string Role, string? Agency = null, List<string>? Oversees = null);

/// <summary>Everything read from seed-data/, parsed and checked; nothing written yet.</summary>
public sealed record SeedSet(
    IReadOnlyList<(string File, ProvinceFile Content)> Provinces,
    IReadOnlyList<DocumentSeed> NationalDocuments,
    IReadOnlyList<(string File, PlanFile Content)> Plans,
    IReadOnlyList<HolidaySeed> Holidays,
    IReadOnlyList<DemoUserSeed> DemoUsers);

public sealed class SeedDataException(IReadOnlyList<string> errors)
    : Exception("The seed data is invalid; nothing was loaded:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

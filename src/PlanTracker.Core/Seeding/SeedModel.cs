using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Seeding;

// The JSON shapes of seed-data/ (documented in seed-data/README.md). Unknown fields are errors.

/// <summary>
/// A province's agencies; with <c>central: true</c> (province key <c>vn</c>) the central bodies national plans
/// assign: they belong to no province, and no province row is made for the file.
/// </summary>
public sealed record ProvinceFile(ProvinceSeed Province, List<AgencySeed> Agencies, List<GroupSeed>? Groups = null, bool Central = false);
public sealed record ProvinceSeed(string Key, string Name);
public sealed record AgencySeed(string Key, string Name, string? ShortName, AgencyLevel Level, AgencyKind Kind,
    string? Parent = null, List<string>? Aliases = null, bool IsSecretariat = false);
public sealed record GroupSeed(string Key, string Name, List<string> Members, List<string>? Aliases = null);

public sealed record NationalDocumentsFile(List<DocumentSeed> Documents);
public sealed record DocumentSeed(string Key, string? Number, DocumentKind Kind, string Issuer, string? Province,
    DateOnly? IssuedOn, string? Signer, string Title, List<string>? Implements = null, string? SourceFile = null);

/// <param name="Partial">The document's full text is not at hand: where what the file holds comes from (decision 0027).</param>
/// <param name="Demonstration">Demonstration data, never shown as a real document.</param>
public sealed record PlanFile(DocumentSeed Document, PlanSeed Plan, List<TaskSeed> Tasks, List<DocumentSeed>? ReferencedDocuments = null,
    string? Partial = null, bool Demonstration = false);
/// <param name="Implements">Keys of the parent plans this plan carries out.</param>
public sealed record PlanSeed(string Key, string Title, List<string>? Implements = null);
/// <summary>A task carries out a parent plan's task (by code), optionally one of its targets (by position) with one of its own.</summary>
public sealed record LinkSeed(string Plan, string Task, int? Target = null, int? OwnTarget = null);
public sealed record TaskSeed(string Code, string Title, bool IsGroup, string? Description = null, string? Lead = null,
    List<string>? Coordinating = null, DeadlineSeed? Deadline = null, string? ExpectedOutput = null,
    List<TargetSeed>? Targets = null, List<TaskSeed>? Children = null, List<LinkSeed>? CarriesOut = null);
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

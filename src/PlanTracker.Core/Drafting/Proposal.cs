using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// What PlanTracker proposes for a document: its metadata and its tasks, each with the span of
/// source text it came from. The secretariat reviews it; nothing of it is a plan until confirmed.
/// </summary>
public sealed class Proposal
{
    public ProposedDocument Document { get; set; } = new();
    /// <summary>Sections and items in document order; <see cref="ProposedItem.ParentId"/> builds the tree.</summary>
    public List<ProposedItem> Items { get; set; } = [];
    /// <summary>Names that read as agencies but are none of the province's: each must be mapped or created before confirming.</summary>
    public List<UnknownAgency> UnknownAgencies { get; set; } = [];
    public List<string> Notes { get; set; } = [];
}

public sealed class ProposedDocument
{
    public string? Number { get; set; }
    public SourceSpan? NumberSpan { get; set; }
    public DocumentKind Kind { get; set; } = DocumentKind.Other;
    public string? Issuer { get; set; }
    public string? Place { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public SourceSpan? IssuedOnSpan { get; set; }
    public string? Signer { get; set; }
    public SourceSpan? SignerSpan { get; set; }
    public string Title { get; set; } = "";
    public SourceSpan? TitleSpan { get; set; }
    public string PlanTitle { get; set; } = "";
    public SourceSpan? PlanTitleSpan { get; set; }
    public List<ProposedReference> Implements { get; set; } = [];
    /// <summary>Set when the document is already registered: confirming then adds the plan to it.</summary>
    public long? ExistingDocumentId { get; set; }
}

/// <summary>A document this one implements ("Căn cứ Nghị quyết số 36a/NQ-CP …", "Thực hiện Chương trình hành động số …").</summary>
public sealed class ProposedReference
{
    public string Text { get; set; } = "";
    public string? Number { get; set; }
    public DocumentKind Kind { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public SourceSpan? Span { get; set; }
    /// <summary>The registered document of that number, when PlanTracker has it; only those are linked on confirm.</summary>
    public long? DocumentId { get; set; }
    public bool Selected { get; set; } = true;
}

public sealed class ProposedItem
{
    public string Id { get; set; } = "";
    public string? ParentId { get; set; }
    public string Code { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public bool IsGroup { get; set; }
    public SourceSpan? Span { get; set; }
    public ProposedAssignee? Lead { get; set; }
    public List<ProposedAssignee> Coordinating { get; set; } = [];
    /// <summary>
    /// When <see cref="Lead"/> is a group: the members that get a task each, as the reviewer chose them; null for all of
    /// the group's members when the plan is confirmed (what the document says when it names the group).
    /// </summary>
    public List<long>? FanOut { get; set; }
    public ProposedDeadline? Deadline { get; set; }
    public List<ProposedTarget> Targets { get; set; } = [];
    /// <summary>The product the item asks for ("Sản phẩm: …").</summary>
    public string? ExpectedOutput { get; set; }
    /// <summary>"text" for a numbered item or bullet, "table" for a row of an assignment table.</summary>
    public string Origin { get; set; } = "text";
    /// <summary>The secretariat has looked at it (accepted as is or after editing).</summary>
    public bool Accepted { get; set; }
    /// <summary>The parent plans' tasks it carries out: proposed by <see cref="ParentLinks"/>, edited in review, created on confirm.</summary>
    public List<ProposedParentLink> Links { get; set; } = [];
}

/// <summary>Why the proposal names this agency.</summary>
public enum AssigneeBasis
{
    /// <summary>The item's own words: "Sở X chủ trì", "Giao Sở X", "phối hợp với Sở X".</summary>
    Named,
    /// <summary>A section heading that names the agency ("2. Sở Tài chính").</summary>
    Heading,
    /// <summary>The addressee of the whole list ("yêu cầu Giám đốc các sở, ngành … thực hiện các nhiệm vụ sau:").</summary>
    Addressee,
    /// <summary>The agency whose own assignment elsewhere in the document says the same thing.</summary>
    SimilarAssignment,
    /// <summary>Nothing names one: the plan's secretariat (cơ quan thường trực) by default.</summary>
    Secretariat,
    /// <summary>The "Cơ quan chủ trì" / "Cơ quan phối hợp" column of an assignment table.</summary>
    Table,
    /// <summary>Set by the secretariat during review.</summary>
    Reviewer,
}

public sealed class ProposedAssignee
{
    public long? AgencyId { get; set; }
    public string? AgencyKey { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Set instead of <see cref="AgencyId"/> for a name the province does not have (see <see cref="Proposal.UnknownAgencies"/>).</summary>
    public string? UnknownId { get; set; }
    public AssigneeBasis Basis { get; set; }
    public SourceSpan? Span { get; set; }
    /// <summary>For inherited and inferred assignees: where it was taken from (an item's code).</summary>
    public string? From { get; set; }
}

public sealed class ProposedDeadline
{
    public string Text { get; set; } = "";
    public DeadlineKind Kind { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? DueOn { get; set; }
    public int? WorkingDays { get; set; }
    /// <summary>The item's own words name no time: taken from its section, the plan's horizon or the general provisions.</summary>
    public bool Inherited { get; set; }
    /// <summary>For an inherited deadline: the code of the section it came from, or "document".</summary>
    public string? From { get; set; }
    public SourceSpan? Span { get; set; }

    public static ProposedDeadline Of(Deadline d, SourceSpan? span, bool inherited = false, string? from = null) => new()
    {
        Text = d.Text, Kind = d.Kind, StartOn = d.StartOn, DueOn = d.DueOn, WorkingDays = d.WorkingDays,
        Inherited = inherited, From = from, Span = span,
    };

    public Deadline ToDeadline() => Deadline.Restore(Kind, Text, StartOn, DueOn, WorkingDays, Inherited);
}

public sealed class ProposedTarget
{
    public string Indicator { get; set; } = "";
    public TargetUnit Unit { get; set; }
    public string? UnitText { get; set; }
    public TargetComparison Comparison { get; set; }
    public decimal Value { get; set; }
    public DateOnly? DueOn { get; set; }
    public string? Text { get; set; }
    public SourceSpan? Span { get; set; }
}

public sealed class UnknownAgency
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<SourceSpan> Spans { get; set; } = [];
    /// <summary>The secretariat's choice: an existing agency (its name becomes an alias) …</summary>
    public long? MapToAgencyId { get; set; }
    /// <summary>… or a new agency of the province.</summary>
    public NewAgency? Create { get; set; }
}

public sealed class NewAgency
{
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public AgencyKind Kind { get; set; } = AgencyKind.Other;
    public AgencyLevel Level { get; set; } = AgencyLevel.Province;
}

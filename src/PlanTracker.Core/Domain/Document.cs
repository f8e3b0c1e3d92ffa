namespace PlanTracker.Core.Domain;

public enum DocumentKind { Resolution, ActionProgramme, Decision, Plan, Directive, ConclusionNotice, Other }

/// <summary>A directive document (văn bản chỉ đạo): a resolution, plan, directive or notice.</summary>
public sealed class Document
{
    private readonly List<DocumentLink> _implements = [];

    private Document() { }

    public Document(string key, string? number, DocumentKind kind, string issuer, long? provinceId,
        DateOnly? issuedOn, string? signer, string title, string? sourceFile)
    {
        Key = key;
        Number = number;
        Kind = kind;
        Issuer = issuer;
        ProvinceId = provinceId;
        IssuedOn = issuedOn;
        Signer = signer;
        Title = title;
        SourceFile = sourceFile;
    }

    public long Id { get; private set; }
    public string Key { get; private set; } = "";
    public string? Number { get; private set; }
    public DocumentKind Kind { get; private set; }
    public string Issuer { get; private set; } = "";
    public long? ProvinceId { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    public string? Signer { get; private set; }
    public string Title { get; private set; } = "";
    public string? SourceFile { get; private set; }
    public IReadOnlyList<DocumentLink> Implements => _implements;

    public void AddImplemented(Document implemented) => _implements.Add(new DocumentLink(implemented));
}

/// <summary>"Căn cứ…" / "Thực hiện…": this document implements another.</summary>
public sealed class DocumentLink
{
    private DocumentLink() { }
    internal DocumentLink(Document implemented) => Implemented = implemented;
    public long DocumentId { get; private set; }
    public long ImplementedId { get; private set; }
    public Document Implemented { get; private set; } = null!;
}

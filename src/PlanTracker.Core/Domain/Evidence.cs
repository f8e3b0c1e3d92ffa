namespace PlanTracker.Core.Domain;

/// <summary>Proof of progress on a task: a stored file, or the number of a document that proves it.</summary>
public sealed class Evidence
{
    private Evidence() { }

    public static Evidence ForFile(long taskId, string fileName, string contentType, long sizeBytes, string storageKey, string sha256, long userId, DateTimeOffset at) =>
        new() { TaskId = taskId, FileName = fileName, ContentType = contentType, SizeBytes = sizeBytes, StorageKey = storageKey, Sha256 = sha256, UploadedByUserId = userId, UploadedAt = at };

    public static Evidence ForDocument(long taskId, string documentNumber, long userId, DateTimeOffset at) =>
        new() { TaskId = taskId, DocumentNumber = documentNumber, UploadedByUserId = userId, UploadedAt = at };

    public long Id { get; private set; }
    public long TaskId { get; private set; }
    public string? FileName { get; private set; }
    public string? ContentType { get; private set; }
    public long? SizeBytes { get; private set; }
    public string? StorageKey { get; private set; }
    public string? Sha256 { get; private set; }
    public string? DocumentNumber { get; private set; }
    public long UploadedByUserId { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
}

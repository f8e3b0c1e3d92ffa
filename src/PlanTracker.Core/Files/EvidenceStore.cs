using System.Security.Cryptography;

namespace PlanTracker.Core.Files;

public sealed class EvidenceOptions
{
    /// <summary>Outside the web root; files are served only through the download endpoint.</summary>
    public string Directory { get; set; } = ".data/evidence";
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>The seam for evidence storage: a folder today, object storage later.</summary>
public interface IEvidenceStore
{
    Task<(string Key, string Sha256)> SaveAsync(Stream content, CancellationToken ct);
    Stream Open(string key);
    void Delete(string key);
}

public sealed class FolderEvidenceStore(EvidenceOptions options) : IEvidenceStore
{
    public async Task<(string Key, string Sha256)> SaveAsync(Stream content, CancellationToken ct)
    {
        var key = $"{DateTime.UtcNow:yyyy/MM}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".part";
        using var sha = SHA256.Create();
        await using (var file = File.Create(temp))
        await using (var hashing = new CryptoStream(file, sha, CryptoStreamMode.Write))
            await content.CopyToAsync(hashing, ct);
        File.Move(temp, path);
        return (key, Convert.ToHexStringLower(sha.Hash!));
    }

    public Stream Open(string key) => File.OpenRead(PathOf(key));

    public void Delete(string key)
    {
        if (File.Exists(PathOf(key))) File.Delete(PathOf(key));
    }

    private string PathOf(string key) => Path.Combine(Path.GetFullPath(options.Directory), key);
}

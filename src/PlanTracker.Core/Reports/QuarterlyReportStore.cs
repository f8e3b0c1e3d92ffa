using System.Security.Cryptography;

namespace PlanTracker.Core.Reports;

public sealed class ReportOptions
{
    /// <summary>Where compiled reports are kept, outside the web root; served only through the download endpoint.</summary>
    public string Directory { get; set; } = ".data/reports";
}

/// <summary>Compiled report files in a folder, under keys the compiler chooses ("2026-Q3/vinh-phuc-v1.docx").</summary>
public sealed class QuarterlyReportStore(ReportOptions options)
{
    /// <summary>
    /// Lets <paramref name="write"/> fill the file under a temporary name, then moves it into place,
    /// so a half-written report is never served. A leftover of an earlier failed attempt is replaced.
    /// </summary>
    public async Task<(long Size, string Sha256)> SaveAsync(string key, Func<Stream, Task> write, CancellationToken ct)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + ".part";
        long size;
        byte[] hash;
        await using (var file = new FileStream(temp, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            await write(file);
            await file.FlushAsync(ct);
            size = file.Length;
            file.Position = 0;
            hash = await SHA256.HashDataAsync(file, ct);
        }
        File.Move(temp, path, overwrite: true);
        return (size, Convert.ToHexStringLower(hash));
    }

    public Stream Open(string key) => File.OpenRead(PathOf(key));

    private string PathOf(string key)
    {
        var root = Path.GetFullPath(options.Directory);
        var path = Path.GetFullPath(Path.Combine(root, key));
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"The report key '{key}' leaves the reports folder.");
        return path;
    }
}

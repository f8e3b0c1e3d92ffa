using System.IO.Compression;
using System.Globalization;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Files;

/// <summary>
/// Every uploaded Open XML package (.docx, .xlsx) passes here before a parser opens it. The Open XML
/// SDK loads a part's XML whole: a 1.4 MB .docx holding 600 MB of XML took the process from 1.6 to
/// 4.5 GB. A package is refused, naming the upload's field, when it is not a ZIP, has too many parts,
/// or inflates beyond <see cref="MaxUncompressedBytes"/> in total or <see cref="MaxRatio"/> per part.
/// Sizes are counted while inflating, not read from the headers, which a hostile file can fake.
/// </summary>
public static class PackageGuard
{
    public const long MaxUncompressedBytes = 64L * 1024 * 1024;
    /// <summary>Word and Excel XML compresses 5–20×; 100× is a bomb, not a document.</summary>
    public const int MaxRatio = 100;
    /// <summary>Below this a part's ratio does not matter (a small, very regular part is harmless).</summary>
    private const long RatioFloorBytes = 1024 * 1024;
    public const int MaxEntries = 2000;

    /// <summary>
    /// Throws <see cref="RuleViolationException"/> for <paramref name="field"/> when the package is too big, and
    /// <see cref="InvalidDataException"/> when it is no ZIP (the caller says what file type it expected); leaves
    /// <paramref name="package"/> at its start.
    /// </summary>
    public static void Check(Stream package, string fileName, string field)
    {
        var start = package.Position;
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) throw Refuse(field, fileName);
            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxUncompressedBytes || total + entry.Length > MaxUncompressedBytes || IsBomb(entry.Length, entry.CompressedLength))
                    throw Refuse(field, fileName);
                using var content = entry.Open();
                long inflated = 0;
                int read;
                while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (total + inflated > MaxUncompressedBytes || IsBomb(inflated, entry.CompressedLength)) throw Refuse(field, fileName);
                }
                total += inflated;
            }
        }
        catch (NotSupportedException e)
        {
            // An unknown compression method: as damaged as a broken archive, which the callers word for their file type.
            throw new InvalidDataException(e.Message, e);
        }
        finally
        {
            package.Position = start;
        }
    }

    private static bool IsBomb(long uncompressed, long compressed) =>
        uncompressed > RatioFloorBytes && uncompressed > Math.Max(compressed, 1) * MaxRatio;

    private static bool English => Common.Wording.English;

    private static RuleViolationException Refuse(string field, string fileName) => new(field, English
        ? $"'{fileName}' unpacks to more than {MaxUncompressedBytes / (1024 * 1024)} MB or is compressed more than {MaxRatio}×; it is refused unread."
        : $"Tệp '{fileName}' khi giải nén lớn hơn {MaxUncompressedBytes / (1024 * 1024)} MB hoặc có tỷ lệ nén trên {MaxRatio} lần; tệp bị từ chối, không được đọc.");
}

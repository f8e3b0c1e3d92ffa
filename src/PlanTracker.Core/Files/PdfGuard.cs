using System.IO.Compression;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Files;

/// <summary>
/// Every uploaded PDF passes here before a parser opens it: the PDF counterpart of <see cref="PackageGuard"/>.
/// A PDF's content streams are Flate-compressed and a parser inflates each one whole, so a small file can
/// hold gigabytes. Every Flate stream that is not an image (images are never decoded for text) is inflated
/// here while counting, and the file is refused when the total passes <see cref="MaxUncompressedBytes"/> or
/// one stream inflates more than <see cref="MaxRatio"/> times (above a 1 MB floor). The page count is
/// checked by the caller once the document is open (<see cref="MaxPages"/>).
/// </summary>
public static class PdfGuard
{
    /// <summary>The same bounds as for Open XML packages: 64 MB inflated in all, 100× for one stream over 1 MB.</summary>
    public const long MaxUncompressedBytes = PackageGuard.MaxUncompressedBytes;
    public const int MaxRatio = PackageGuard.MaxRatio;
    private const long RatioFloorBytes = 1024 * 1024;
    /// <summary>About the length of the longest plan with its annexes; the text limit is 1,000,000 characters.</summary>
    public const int MaxPages = 300;

    private static readonly byte[] StreamKeyword = "stream"u8.ToArray();
    private static readonly byte[] EndStream = "endstream"u8.ToArray();

    public static void Check(byte[] pdf, string fileName, string field)
    {
        long total = 0;
        var buffer = new byte[81920];
        for (var at = IndexOf(pdf, StreamKeyword, 0); at >= 0; at = IndexOf(pdf, StreamKeyword, at + StreamKeyword.Length))
        {
            // "endstream" contains "stream"; and the keyword must end a dictionary ("... >> stream").
            if (at >= 3 && pdf[at - 3] == 'e' && pdf[at - 2] == 'n' && pdf[at - 1] == 'd') continue;
            var dictionary = Dictionary(pdf, at);
            if (dictionary is null || !dictionary.Contains("/FlateDecode", StringComparison.Ordinal) || dictionary.Contains("/Image", StringComparison.Ordinal)) continue;
            var start = at + StreamKeyword.Length;
            if (start < pdf.Length && pdf[start] == '\r') start++;
            if (start < pdf.Length && pdf[start] == '\n') start++;
            var end = IndexOf(pdf, EndStream, start);
            if (end < 0) end = pdf.Length;
            long inflated = 0;
            try
            {
                using var zlib = new ZLibStream(new MemoryStream(pdf, start, end - start, writable: false), CompressionMode.Decompress);
                int read;
                while ((read = zlib.Read(buffer, 0, buffer.Length)) > 0)
                {
                    inflated += read;
                    if (total + inflated > MaxUncompressedBytes || inflated > RatioFloorBytes && inflated > (long)MaxRatio * (end - start))
                        throw Refuse(field, fileName);
                }
            }
            catch (InvalidDataException)
            {
                // A damaged stream is the parser's to report (or to skip, as readers of damaged PDFs do).
            }
            total += inflated;
            at = end;
        }
    }

    /// <summary>The text of the dictionary just before a "stream" keyword, or null when none ends there.</summary>
    private static string? Dictionary(byte[] pdf, int streamAt)
    {
        var close = streamAt - 1;
        while (close > 0 && pdf[close] is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t') close--;
        if (close < 1 || pdf[close] != '>' || pdf[close - 1] != '>') return null;
        var from = Math.Max(0, close - 4096);
        var open = LastIndexOf(pdf, "obj"u8, from, close);
        from = open >= 0 ? open : from;
        return System.Text.Encoding.Latin1.GetString(pdf, from, close - from + 1);
    }

    private static RuleViolationException Refuse(string field, string fileName) => new(field, Wording.Pick(
        $"'{fileName}' giải nén ra hơn {MaxUncompressedBytes / 1024 / 1024} MB hoặc nén bất thường (hơn {MaxRatio} lần): đây không phải một văn bản PDF bình thường.",
        $"'{fileName}' inflates to more than {MaxUncompressedBytes / 1024 / 1024} MB or is compressed abnormally (over {MaxRatio}×): it is not an ordinary PDF document."));

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value, int from) =>
        from >= data.Length ? -1 : data.AsSpan(from).IndexOf(value) is var i and >= 0 ? from + i : -1;

    private static int LastIndexOf(byte[] data, ReadOnlySpan<byte> value, int from, int to) =>
        data.AsSpan(from, to - from).LastIndexOf(value) is var i and >= 0 ? from + i : -1;
}

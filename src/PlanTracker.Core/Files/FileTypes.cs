namespace PlanTracker.Core.Files;

/// <summary>
/// The evidence types accepted, checked by extension and by the file's first bytes, so that a
/// renamed executable or script is refused whatever name it carries.
/// </summary>
public static class FileTypes
{
    private static readonly byte[] Pdf = "%PDF"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];          // docx, xlsx, pptx, odt
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0];          // doc, xls
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    private static readonly Dictionary<string, (string ContentType, byte[] Magic)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", Pdf),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Zip),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Zip),
        [".pptx"] = ("application/vnd.openxmlformats-officedocument.presentationml.presentation", Zip),
        [".odt"] = ("application/vnd.oasis.opendocument.text", Zip),
        [".doc"] = ("application/msword", Ole),
        [".xls"] = ("application/vnd.ms-excel", Ole),
        [".png"] = ("image/png", Png),
        [".jpg"] = ("image/jpeg", Jpeg),
        [".jpeg"] = ("image/jpeg", Jpeg),
    };

    public static string Accepted => string.Join(", ", Known.Keys);

    /// <returns>The content type to store, or null when the name or the bytes are not an accepted type.</returns>
    public static string? Recognise(string fileName, ReadOnlySpan<byte> head)
    {
        if (!Known.TryGetValue(Path.GetExtension(fileName), out var type)) return null;
        return head.StartsWith(type.Magic) ? type.ContentType : null;
    }
}

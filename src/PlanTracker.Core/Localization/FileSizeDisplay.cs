using System.Globalization;
using Humanizer;

namespace PlanTracker.Core.Localization;

/// <summary>
/// File sizes as people read them: "512 B", "1,5 KB", "20 MB" (decimal comma in Vietnamese).
/// Humanizer's <see cref="ByteSize"/> picks the unit and formats the number in the culture; this
/// wrapper exists for one flaw of Humanizer 3.0.10: an empty file humanizes as "0 b" (bits), so
/// sizes under 1 KB are written in bytes with the byte symbol explicitly.
/// </summary>
public static class FileSizeDisplay
{
    public static string Format(long bytes, CultureInfo culture) =>
        bytes < 1024 ? bytes.Bytes().Humanize("0 B", culture) : bytes.Bytes().Humanize("0.#", culture);
}

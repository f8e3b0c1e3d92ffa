using System.Globalization;

namespace PlanTracker.Core.Common;

/// <summary>
/// The bounds every value from outside must keep (docs/decisions/0015-input-limits.md): text without
/// control characters (line breaks and tabs only where the field is multi-line), dates 1945–2100,
/// bounded paging. Enforced by <see cref="InputBehavior{TRequest,TResponse}"/> for every request and by
/// the web edge for query strings, route values, form fields and file names.
/// </summary>
public static class InputRules
{
    /// <summary>The year the Democratic Republic of Vietnam was founded: no document of the state is older.</summary>
    public static readonly DateOnly MinDate = new(1945, 1, 1);
    /// <summary>Far beyond any plan's horizon, and far below what PostgreSQL turns into 'infinity'.</summary>
    public static readonly DateOnly MaxDate = new(2100, 12, 31);
    public const int MinYear = 1945;
    public const int MaxYear = 2100;
    public const int MaxPageSize = 200;
    /// <summary>(page - 1) × page size stays far below int.MaxValue.</summary>
    public const int MaxPage = 100_000;

    public static bool IsInRange(DateOnly day) => day >= MinDate && day <= MaxDate;
    public static bool IsInRange(DateTime moment) => IsInRange(DateOnly.FromDateTime(moment));
    public static bool IsInRange(DateTimeOffset moment) => IsInRange(DateOnly.FromDateTime(moment.UtcDateTime));
    public static bool IsYearInRange(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>
    /// The first character the field may not hold, or null: any control character (C0, DEL, C1) and the
    /// Unicode line and paragraph separators; in multi-line text, line feed, carriage return, tab and form feed are allowed.
    /// </summary>
    /// <summary>A member path as the client wrote it in JSON: "TargetActuals[0].Note" is "targetActuals[0].note".</summary>
    public static string FieldName(string path) =>
        string.Join('.', path.Split('.').Select(s => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..]));

    public static char? ForbiddenCharacter(string? text, bool multiLine)
    {
        if (text is null) return null;
        foreach (var c in text)
        {
            if (multiLine && c is '\n' or '\r' or '\t' or '\f') continue; // \f: a page break in pasted document text
            if (char.IsControl(c) || c is '\u2028' or '\u2029') return c;
        }
        return null;
    }

    private static bool English => Wording.English;

    /// <param name="culture">The request's, when the message is written after the request's culture is gone (an exception handler).</param>
    public static string ControlCharacterMessage(string field, char c, CultureInfo? culture = null) =>
        (c is '\n' or '\r' or '\t', (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "en") switch
    {
        (true, true) => $"'{field}' is one line: it may not contain line breaks or tabs.",
        (true, false) => $"'{field}' chỉ gồm một dòng: không được chứa ký tự xuống dòng hoặc tab.",
        (false, true) => $"'{field}' contains a control character (U+{(int)c:X4}), which is not allowed.",
        (false, false) => $"'{field}' chứa ký tự điều khiển (U+{(int)c:X4}), không được phép.",
    };

    public static string DateMessage(string field) => English
        ? $"'{field}' must be a date between {MinDate:dd/MM/yyyy} and {MaxDate:dd/MM/yyyy}."
        : $"'{field}' phải là ngày trong khoảng từ {MinDate:dd/MM/yyyy} đến {MaxDate:dd/MM/yyyy}.";

    public static string YearMessage(string field) => English
        ? $"'{field}' must be a year between {MinYear} and {MaxYear}."
        : $"'{field}' phải là năm trong khoảng từ {MinYear} đến {MaxYear}.";

    public static string RangeMessage(string field, int min, int max) => English
        ? $"'{field}' must be between {min} and {max}."
        : $"'{field}' phải nằm trong khoảng từ {min} đến {max}.";
}

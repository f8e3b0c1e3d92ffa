using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// "Căn cứ Chỉ thị số 14-CT/TW ngày 19 tháng 7 năm 2017 …" in a decision that prints no date of its own: a document is
/// issued after every document it is based on, so the latest date among its legal bases stands in for its date when
/// telling history ("người tham gia kháng chiến trong giai đoạn 1974 - 1975") from deadlines. Decision 0009, round 5.
/// </summary>
internal static partial class HistoryBound
{
    public static DateOnly? Of(DateOnly? issuedOn, IEnumerable<Paragraph> paragraphs) =>
        issuedOn ?? paragraphs.Where(p => Basis().IsMatch(p.Text))
            .SelectMany(p => CitedDate().Matches(p.Text.ToLowerInvariant()))
            .Select(DocumentMetadata.Date)
            .Max();

    [GeneratedRegex(@"^\W*căn cứ\b", RegexOptions.IgnoreCase)] private static partial Regex Basis();
    [GeneratedRegex(@"ngày (?<d>\d{1,2})(?: tháng |/|-)(?<m>\d{1,2})(?: năm |/|-)(?<y>\d{4})")] private static partial Regex CitedDate();
}

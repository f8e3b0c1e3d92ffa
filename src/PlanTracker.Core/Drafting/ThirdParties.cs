using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// A letter that lists what a third party must observe: "2. Các nội dung cần lưu ý khi chủ đầu tư triển khai:" in a
/// ministry department's reply to a province's department (CV 216/ATMT-ATĐ), "II. Những yêu cầu khi các doanh nghiệp vận
/// chuyển hàng nguy hiểm qua địa bàn:". The obligations under such a heading are the third party's, whom the heading names
/// as the one acting ("khi X …"), not the letter's addressee, who only passes them on (0023 rule 35). An item that asks the
/// addressee itself ("… đề nghị Sở Công Thương hướng dẫn chủ đầu tư …") names its own lead and keeps it. Decision 0009,
/// "Round 7 — leads by description, role or third party".
/// </summary>
internal static partial class ThirdParties
{
    /// <summary>The agency a heading that introduces a list names as acting after "khi", if it names one.</summary>
    public static AgencyMention? Obliged(string heading, int offset, AgencyDirectory directory)
    {
        if (!heading.TrimEnd(' ', '*').EndsWith(':') || !Observes().IsMatch(heading)) return null;
        foreach (var m in directory.Mentions(heading, offset))
        {
            var before = heading[..(m.Start - offset)];
            if (m.Agency is not null && When().IsMatch(before)) return m;
        }
        return null;
    }

    /// <summary>
    /// "Trường hợp …, thì đề nghị Sở Công Thương hướng dẫn chủ đầu tư có trách nhiệm liên hệ với …": where the letter asks
    /// its addressee by name, the work is the addressee's, and whoever the request goes on to name after it (the third
    /// party it is to guide, the body to contact) coordinates.
    /// </summary>
    public static Assignment? AsksAddressee(IEnumerable<(string Text, int Start)> pieces, string addressee, AgencyDirectory directory)
    {
        foreach (var (text, start) in pieces)
        {
            var mentions = directory.Mentions(text, start);
            var asked = mentions.FindIndex(m => m.Agency?.Key == addressee && Asks().IsMatch(text[..(m.Start - start)]));
            if (asked >= 0) return new Assignment(mentions[asked], mentions.Skip(asked + 1).Where(m => m.Agency?.Key != addressee).ToList(), false);
        }
        return null;
    }

    /// <summary>"nội dung cần lưu ý", "yêu cầu", "điều kiện", "nghĩa vụ": what the heading lists is to be observed.</summary>
    [GeneratedRegex(@"\b(?:lưu ý|chú ý|yêu cầu|điều kiện|nghĩa vụ|quy định|nội dung)\b", RegexOptions.IgnoreCase)] private static partial Regex Observes();
    [GeneratedRegex(@"\bkhi\s+(?:các\s+)?$", RegexOptions.IgnoreCase)] private static partial Regex When();
    [GeneratedRegex(@"\b(?:đề nghị|yêu cầu)\s+$", RegexOptions.IgnoreCase)] private static partial Regex Asks();
}

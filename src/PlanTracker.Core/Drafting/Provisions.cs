using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Items of a document's provisions that give no work of their own, though they sit among its tasks:
/// <list type="bullet">
/// <item>how the plan is funded: "Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách nhà nước …", "Kinh phí
/// thực hiện Kế hoạch này: Do ngân sách nhà nước đảm bảo …";</item>
/// <item>what to do if difficulties arise: "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan …
/// báo cáo …", "Quá trình thực hiện nếu có khó khăn, vướng mắc …", also after the order to carry the document
/// out ("Chủ tịch UBND tỉnh yêu cầu … nghiêm túc thực hiện. Trong quá trình thực hiện nếu có khó khăn …");</item>
/// <item>the article that issues the plan when the plan follows on its own ("Điều 1. Ban hành kèm theo Quyết định này Kế
/// hoạch thực hiện … năm 2023." over "Điều 2. …", the plan after the signature): its tasks are the plan's;</item>
/// <item>a catch-all left open for later ("Thực hiện một số nội dung khác … theo sự phân công của UBTVQH (nếu có).",
/// "Thực hiện các nhiệm vụ khác do Ủy ban nhân dân tỉnh giao (nếu có)."): it names no work until someone assigns it;</item>
/// <item>the effect clause numbered under an article ("1. Nghị quyết này có hiệu lực kể từ ngày ký ban hành.") and a body's
/// accountability for what it submits ("Cơ sở … chịu trách nhiệm về tính chính xác của các chi phí đã đề nghị thanh toán",
/// "Bộ Y tế chịu trách nhiệm về việc tổng hợp số liệu"): they say who answers for correctness, no work a tracker can
/// follow (decision 0023 rule 44). "Sở Tài chính chịu trách nhiệm tổng hợp số liệu, báo cáo …" names work and stays;</item>
/// <item>a heading with nothing left under it ("3. Tổ chức thực hiện" whose only paragraph was the closing
/// formula "… triển khai thực hiện./.").</item>
/// </list>
/// A proposal to amend the plan ("Trong quá trình tổ chức thực hiện, nếu thấy cần sửa đổi, bổ sung …, các bộ … chủ
/// động đề xuất …") is not among them: it asks for a proposal and is read as a task.
/// </summary>
internal static partial class Provisions
{
    private static readonly HashSet<string> BareHeadings =
    [
        "to chuc thuc hien", "to chuc thuc hien ke hoach", "nhiem vu", "nhiem vu va giai phap", "nhiem vu giai phap", "giai phap",
        "noi dung", "phan cong nhiem vu", "trach nhiem", "trach nhiem thuc hien",
    ];

    public static bool AssignsNothing(SectionNode node)
    {
        if (node.Children.Count > 0 || node.Head is null) return false;
        var text = node.HeadText;
        if (node.Body.Count == 0 && BareHeadings.Contains(string.Join(' ', Tokens.Of(text).Select(t => t.Key)))) return true;
        if (CatchAll().IsMatch(text) || ExecutionClause().IsMatch(text) || Effect().IsMatch(text) || Accountability().IsMatch(text)) return true;
        if (Funding().IsMatch(text) || node.Marker?.Kind == MarkerKind.Article && node.Body.Count == 0 && IssuesAnnex().IsMatch(text)) return true;
        var rest = Execution().Match(text) is { Success: true } order ? text[order.Length..] : text;
        return Escalation().IsMatch(rest);
    }

    [GeneratedRegex(@"^\W*(Kinh phí|Nguồn kinh phí|Nguồn vốn)\b[^.]{0,80}?(được bố trí|được cân đối|\bdo ngân sách|\btừ (nguồn|ngân sách))", RegexOptions.IgnoreCase)]
    private static partial Regex Funding();

    [GeneratedRegex(@"^\W*(Thực hiện|Triển khai|Làm)\s+(một số\s+|các\s+)?(nội dung|nhiệm vụ|công việc|việc)\s+khác\b.*\(\s*nếu có\s*\)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex CatchAll();

    [GeneratedRegex(@"^\W*Ban hành kèm theo\b", RegexOptions.IgnoreCase)] private static partial Regex IssuesAnnex();

    /// <summary>
    /// "2. Chánh Văn phòng Bộ, …, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố chịu trách nhiệm thi hành Quyết định này./.":
    /// the execution clause, numbered under "Điều 3. Tổ chức thực hiện" as much as standing as the article itself.
    /// </summary>
    [GeneratedRegex(@"\bchịu trách nhiệm thi hành\s+(?:Quyết định|Chỉ thị|Nghị quyết|Thông tư|Kế hoạch|văn bản)\s+này\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExecutionClause();

    [GeneratedRegex(@"^\W*(?:Quyết định|Nghị quyết|Chỉ thị|Thông tư|Kế hoạch|Chương trình|Quy chế|Quy định|Văn bản)\s+này\s+có hiệu lực\b", RegexOptions.IgnoreCase)]
    private static partial Regex Effect();

    /// <summary>The item opens on its subject answering "về" correctness or data: "… chịu trách nhiệm (trước pháp luật | theo quy
    /// định) về tính chính xác | trung thực | hợp pháp …", "… về (việc tổng hợp) số liệu", "… về nội dung báo cáo".</summary>
    [GeneratedRegex(@"^[^.;:]{0,150}?\bchịu trách nhiệm\s+(?:trước pháp luật\s+|theo quy định(?: của pháp luật)?\s+)?về\s+(?:tính\s+(?:chính xác|trung thực|hợp pháp|hợp lệ)|(?:việc tổng hợp\s+)?số liệu|nội dung (?:báo cáo|hồ sơ|thông tin))", RegexOptions.IgnoreCase)]
    private static partial Regex Accountability();

    [GeneratedRegex(@"^\W*(Trong\s+)?quá trình\b[^.;]{0,80}?\bnếu\b[^.;]{0,60}?\b(khó khăn|vướng mắc)", RegexOptions.IgnoreCase)]
    private static partial Regex Escalation();

    /// <summary>"Chủ tịch UBND tỉnh yêu cầu Thủ trưởng các Sở … nghiêm túc thực hiện.": the order to carry the document out.</summary>
    [GeneratedRegex(@"^[^.]{0,300}?\b(yêu cầu|đề nghị)\b[^.]{0,300}?\bthực hiện\s*\.\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Execution();
}

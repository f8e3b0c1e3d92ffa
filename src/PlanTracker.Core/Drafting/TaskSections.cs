using System.Text.RegularExpressions;

namespace PlanTracker.Core.Drafting;

/// <summary>
/// Which sections hold tasks. Plans open with purposes, requirements, background and rankings
/// ("MỤC ĐÍCH, YÊU CẦU", "KHÁI QUÁT", "XẾP HẠNG", "KINH PHÍ") that assign nothing; the tasks are under
/// headings that say so ("NHIỆM VỤ", "GIẢI PHÁP", "CHỈ TIÊU", "NỘI DUNG", "TỔ CHỨC THỰC HIỆN", "Mục tiêu cụ thể").
/// A heading that says neither takes its parent's side; a document without such headings is all tasks.
/// </summary>
public static partial class TaskSections
{
    public enum Side { Tasks, Description, Neutral }

    private static readonly string[] TaskWords =
        ["nhiem vu", "giai phap", "to chuc thuc hien", "noi dung", "chi tieu", "phan cong", "trach nhiem", "muc tieu cu the", "muc tieu chu yeu", "lo trinh"];

    /// <summary>An article's closing formula ("Quyết định này có hiệu lực …", "… chịu trách nhiệm thi hành Quyết định này").</summary>
    private static readonly string[] Formulas = ["co hieu luc", "chiu trach nhiem thi hanh"];

    private static readonly string[] DescriptionOpenings =
    [
        "muc dich", "muc tieu", "yeu cau", "quan diem", "kinh phi", "nguon kinh phi", "nguon von", "khai quat", "thuc trang",
        "tinh hinh", "xep hang", "danh gia", "ket qua", "can cu", "pham vi", "doi tuong", "boi canh", "su can thiet", "hieu luc",
        // "IV. VỐN ĐẦU TƯ / 1. Vốn ngân sách nhà nước: 1.280 tỷ đồng, bao gồm: …": the funds and what they pay for.
        "von", "tong von", "khai toan",
    ];

    public static Side Classify(string heading)
    {
        var key = " " + string.Join(' ', Tokens.Of(heading).Select(t => t.Key)) + " ";
        if (TaskWords.Any(w => key.Contains(" " + w + " ", StringComparison.Ordinal)) || TimedObjectives().IsMatch(key)) return Side.Tasks;
        var words = key.Trim().Split(' ');
        return words.Length <= 16 && DescriptionOpenings.Any(d => key.StartsWith(" " + d + " ", StringComparison.Ordinal)) ? Side.Description : Side.Neutral;
    }

    public static void Mark(SectionNode root)
    {
        foreach (var node in root.Children) Mark(node, inTasks: true);
        ReplyExplanations.Unmark(root);
    }

    private static void Mark(SectionNode node, bool inTasks)
    {
        // Only headings (with sub-items or paragraphs under them) and top-level sections are classified:
        // an actionable item that starts "Đánh giá …" is a task like any other.
        var isHeading = node.Children.Count > 0 || node.Body.Count > 0 || node.Parent?.Head is null;
        var key = " " + string.Join(' ', Tokens.Of(node.HeadText).Select(t => t.Key)) + " ";
        var formula = node.Parent?.Head is null && Formulas.Any(f => key.Contains(" " + f + " ", StringComparison.Ordinal));
        var side = Classify(node.HeadText);
        var approves = node.Marker?.Kind == MarkerKind.Article && Approval().IsMatch(node.HeadText);
        node.IsTaskSection = inTasks && !formula && !approves && !(isHeading && side == Side.Description) && !Provisions.AssignsNothing(node);
        // "Điều 1. Phê duyệt Đề án … với các nội dung như sau:" describes what it approves (its market, funds, owner,
        // results): only its parts whose headings name tasks ("IV. NHIỆM VỤ VÀ GIẢI PHÁP", "6. Tổ chức thực hiện")
        // hold any, and a described part ("II. MỤC TIÊU") may still hold "Mục tiêu cụ thể".
        if (approves)
        {
            foreach (var child in node.Children)
                Mark(child, inTasks && child.Children.Count + child.Body.Count > 0 && Classify(child.HeadText) != Side.Neutral);
            return;
        }
        // Under "2. Mục tiêu", "b) Mục tiêu cụ thể" holds the targets: a task heading is read inside a described part too.
        foreach (var child in node.Children)
            Mark(child, node.IsTaskSection || !formula && inTasks && child.Children.Count + child.Body.Count > 0 && Classify(child.HeadText) == Side.Tasks);
    }

    [GeneratedRegex(@"^\W*Phê duyệt\b", RegexOptions.IgnoreCase)] private static partial Regex Approval();

    /// <summary>
    /// "2. Mục tiêu năm 2026", "b) Mục tiêu đến năm 2030", "Mục tiêu giai đoạn 2026 - 2030" (folded): objectives bound to a
    /// year are the ones a tracker follows, as "Mục tiêu cụ thể" are; "Mục tiêu chung …", "Mục tiêu tổng quát đến năm 2030"
    /// state a direction and stay described. Decision 0009, "Round 7 — objectives and OCR numbers".
    /// </summary>
    [GeneratedRegex(@"^ muc tieu (?:den |trong |cho )?(?:nam|giai doan) (?:19|20)\d\d ")] private static partial Regex TimedObjectives();
}

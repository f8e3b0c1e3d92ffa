using System.Text.RegularExpressions;

namespace PlanTracker.Core.Common;

/// <summary>
/// The label a person sees for a command's field, in the request's language: messages name
/// "Cơ quan ban hành", not 'issuer'. The API keeps the JSON name as the error's key; only the
/// words change. A field with no label here is named by its JSON name (a client's field).
/// </summary>
public static partial class FieldLabels
{
    private static readonly Dictionary<string, (string Vi, string En)> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["agencyId"] = ("Cơ quan", "Agency"),
        ["alias"] = ("Tên gọi khác", "Alias"),
        ["aliases"] = ("Tên gọi khác", "Aliases"),
        ["asOf"] = ("Ngày tính", "As of"),
        ["baseline"] = ("Giá trị hiện tại", "Baseline"),
        ["code"] = ("Mục", "Number"),
        ["comment"] = ("Ý kiến", "Comment"),
        ["comparison"] = ("So sánh", "Comparison"),
        ["completedOn"] = ("Ngày hoàn thành", "Completed on"),
        ["content"] = ("Nội dung báo cáo", "Report content"),
        ["coordinatingAgencyIds"] = ("Cơ quan phối hợp", "Coordinating agencies"),
        ["currentPassword"] = ("Mật khẩu hiện tại", "Current password"),
        ["deadline"] = ("Thời hạn", "Deadline"),
        ["deadlineText"] = ("Thời hạn", "Deadline"),
        ["description"] = ("Nội dung", "Description"),
        ["displayName"] = ("Họ và tên", "Full name"),
        ["documentNumber"] = ("Số văn bản", "Document number"),
        ["dueOn"] = ("Thời hạn", "Due on"),
        ["email"] = ("Thư điện tử", "E-mail"),
        ["endOn"] = ("Đến ngày", "End date"),
        ["expectedOutput"] = ("Sản phẩm", "Expected output"),
        ["file"] = ("Tệp", "File"),
        ["fileName"] = ("Tên tệp", "File name"),
        ["frequency"] = ("Tần suất", "Frequency"),
        ["hour"] = ("Giờ", "Hour"),
        ["indicator"] = ("Chỉ tiêu", "Indicator"),
        ["issuedOn"] = ("Ngày ban hành", "Issued on"),
        ["issuer"] = ("Cơ quan ban hành", "Issuing body"),
        ["kind"] = ("Loại", "Kind"),
        ["leadAgencyId"] = ("Cơ quan chủ trì", "Lead agency"),
        ["name"] = ("Tên", "Name"),
        ["newName"] = ("Tên mới", "New name"),
        ["newPassword"] = ("Mật khẩu mới", "New password"),
        ["note"] = ("Ghi chú", "Note"),
        ["number"] = ("Số, ký hiệu", "Number"),
        ["parentId"] = ("Mục cha", "Parent"),
        ["partTitles"] = ("Các phần", "Parts"),
        ["parts"] = ("Các phần", "Parts"),
        ["password"] = ("Mật khẩu", "Password"),
        ["percentComplete"] = ("Tỷ lệ hoàn thành (%)", "Percent complete"),
        ["planTitle"] = ("Tên kế hoạch", "Plan title"),
        ["quarter"] = ("Quý", "Quarter"),
        ["reason"] = ("Lý do", "Reason"),
        ["requestedDueOn"] = ("Thời hạn đề nghị", "Requested deadline"),
        ["role"] = ("Vai trò", "Role"),
        ["shortName"] = ("Tên viết tắt", "Short name"),
        ["signer"] = ("Người ký", "Signer"),
        ["status"] = ("Trạng thái", "Status"),
        ["submissionDueOn"] = ("Hạn gửi báo cáo", "Submission deadline"),
        ["summary"] = ("Kết quả thực hiện", "What was done"),
        ["targetActuals"] = ("Kết quả chỉ tiêu", "Target results"),
        ["targets"] = ("Chỉ tiêu", "Targets"),
        ["text"] = ("Nội dung văn bản", "Text"),
        ["title"] = ("Tiêu đề", "Title"),
        ["unit"] = ("Đơn vị tính", "Unit"),
        ["unitText"] = ("Đơn vị tính", "Unit"),
        ["value"] = ("Giá trị", "Value"),
        ["workingDays"] = ("Số ngày làm việc", "Working days"),
        ["year"] = ("Năm", "Year"),
        // Inside the agency (decision 0028)
        ["assigneeUserIds"] = ("Người được giao", "Assignees"),
        ["directions"] = ("Ý kiến chỉ đạo", "Directions"),
        ["deputyUserIds"] = ("Người được giao quyền", "Deputies"),
        ["mentionUserIds"] = ("Nhắc tên", "Mentions"),
        ["message"] = ("Nội dung trao đổi", "Message"),
        ["submissionId"] = ("Báo cáo tiến độ", "Progress report"),
    };

    /// <summary>
    /// "targets[1].indicator" is "Chỉ tiêu (dòng 2)"; "issuer" is "Cơ quan ban hành"; an unknown field keeps its JSON name.
    /// </summary>
    public static string Of(string path)
    {
        var field = InputRules.FieldName(path);
        var segments = field.Split('.');
        var last = Index().Replace(segments[^1], "");
        var row = segments.Select(s => Index().Match(s)).LastOrDefault(m => m.Success) is { } m ? int.Parse(m.Groups[1].Value) + 1 : (int?)null;
        if (!Labels.TryGetValue(last, out var label)) return field;
        var name = Wording.Pick(label.Vi, label.En);
        return row is { } r ? Wording.Pick($"{name} (dòng {r})", $"{name} (row {r})") : name;
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();
}

using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Features.Plans;

/// <summary>A deadline typed by the secretariat: empty means none; words the parser cannot read are refused by name.</summary>
internal static class DeadlineText
{
    public static Deadline ParseOrRefuse(string? text, WorkingDayCalendar calendar) =>
        string.IsNullOrWhiteSpace(text)
            ? Deadline.Unspecified()
            : DeadlineParser.Parse(text.Trim(), calendar) ?? throw new RuleViolationException("deadlineText", Wording.Pick(
                $"Không đọc được thời hạn '{text}'. Hãy ghi như văn bản ghi, ví dụ " +
                "'Quý III năm 2026', 'trước 31/12/2026', 'Năm 2026', 'Giai đoạn 2026-2030', 'hằng năm', 'thường xuyên'.",
                $"'{text}' is not a deadline PlanTracker can read. Write it as the document does, e.g. " +
                "'Quý III năm 2026', 'trước 31/12/2026', 'Năm 2026', 'Giai đoạn 2026-2030', 'hằng năm', 'thường xuyên'."));
}

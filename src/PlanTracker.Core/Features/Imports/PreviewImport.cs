using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Imports;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Imports;

/// <summary>
/// Reads an appendix assignment table (.csv or .xlsx) into the rows it would add to a plan, each
/// with its matched agencies, parsed deadline and the errors that must be fixed first. Writes nothing.
/// </summary>
public static class PreviewImport
{
    public sealed record Command(long PlanId, string FileName, Func<Stream> Open, string CodePrefix = "PL.") : IRequest<Result>;

    public sealed record AgencyRef(long Id, string Name);

    public sealed record Row(int Line, string Code, string Title, AgencyRef? Lead, IReadOnlyList<AgencyRef> Coordinating,
        string DeadlineText, DeadlineKind? DeadlineKind, DateOnly? DueOn, IReadOnlyList<string> Errors);

    public sealed record Result(IReadOnlyList<Row> Rows, int ErrorCount);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == c.PlanId).Select(p => new { p.ProvinceId }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có kế hoạch {c.PlanId}.", $"Plan {c.PlanId} does not exist."));
            if (plan.ProvinceId != provinceId) throw new ForbiddenException(Wording.Pick("Bạn chỉ quản lý kế hoạch của tỉnh mình.", "You manage only your own province's plans."));

            List<AssignmentTable.Row> table;
            await using (var stream = c.Open()) table = AssignmentTable.Parse(TableReader.Read(c.FileName, stream));
            if (table.Count == 0) throw new RuleViolationException("file", Wording.Pick("Bảng có dòng tiêu đề nhưng không có dòng dữ liệu.", "The table has a header but no rows."));
            var matcher = await AgencyMatcher.ForProvinceAsync(db, provinceId, ct);
            var calendar = await db.WorkingDayCalendarAsync(ct);
            var existingCodes = await db.Tasks.Where(t => t.PlanId == c.PlanId).Select(t => t.Code).ToListAsync(ct);
            var codes = new HashSet<string>(existingCodes);

            var rows = table.Select((r, i) =>
            {
                var errors = new List<string>();
                var code = c.CodePrefix + (r.Number.Length > 0 ? r.Number.TrimEnd('.') : (i + 1).ToString());
                if (!codes.Add(code)) errors.Add($"code '{code}' is already used in this plan");
                if (r.Task.Length == 0) errors.Add("the task text is empty");
                // The import refuses what the input rules refuse (InputBehavior on its commands): the preview says so first.
                foreach (var (cell, name) in new[] { (r.Number, "number"), (r.Task, "task"), (r.Lead, "lead agency"), (r.Deadline, "deadline") }
                    .Concat(r.Coordinating.Select(x => (x, "coordinating agency"))))
                    if (InputRules.ForbiddenCharacter(cell, multiLine: false) is { } bad)
                        errors.Add($"the {name} holds a control character U+{(int)bad:X4}");
                var lead = matcher.Find(r.Lead);
                if (r.Lead.Length == 0) errors.Add("no lead agency (Cơ quan chủ trì)");
                else if (lead is null) errors.Add($"unknown lead agency '{r.Lead}'");
                var (coordinating, unknown) = matcher.FindAll(r.Coordinating);
                errors.AddRange(unknown.Select(u => $"unknown coordinating agency '{u}'"));
                var deadline = r.Deadline.Length == 0 ? Deadline.Unspecified() : DeadlineParser.Parse(r.Deadline, calendar);
                if (deadline is null) errors.Add($"unreadable deadline '{r.Deadline}'");
                return new Row(r.Line, code, r.Task, lead is { } l ? new AgencyRef(l.Id, l.Name) : null,
                    coordinating.Select(x => new AgencyRef(x.Id, x.Name)).ToList(), r.Deadline, deadline?.Kind, deadline?.DueOn, errors);
            }).ToList();
            return new Result(rows, rows.Sum(r => r.Errors.Count));
        }
    }
}

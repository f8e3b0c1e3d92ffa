using MediatR;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Plans;

namespace PlanTracker.Core.Features.Imports;

/// <summary>
/// Adds every row of an appendix table to a plan, all or nothing: any row with an error refuses
/// the whole file. Each row goes through <see cref="AddTask"/>, so it is checked, fanned out
/// and audited exactly as a task typed by hand.
/// </summary>
public static class ImportTable
{
    public sealed record Command(long PlanId, string FileName, Func<Stream> Open, long? ParentId = null, string CodePrefix = "PL.")
        : IRequest<Result>, ITransactionalCommand;

    public sealed record Result(int Added, IReadOnlyList<long> TaskIds);

    public sealed class Handler(IMediator mediator) : IRequestHandler<Command, Result>
    {
        public async Task<Result> Handle(Command c, CancellationToken ct)
        {
            var preview = await mediator.Send(new PreviewImport.Command(c.PlanId, c.FileName, c.Open, c.CodePrefix), ct);
            if (preview.ErrorCount > 0)
                throw new RuleViolationException("file", Wording.Pick("Chưa nhập dòng nào. Hãy sửa các dòng sau trước: ", "Nothing was imported. Fix these rows first: ") +
                    string.Join("; ", preview.Rows.Where(r => r.Errors.Count > 0).Select(r => $"{Wording.Pick("dòng", "line")} {r.Line}: {string.Join(", ", r.Errors)}")));
            var ids = new List<long>();
            foreach (var row in preview.Rows)
            {
                // A long task text becomes the description; the title keeps its first words.
                var title = row.Title.Length <= 300 ? row.Title : row.Title[..row.Title.LastIndexOf(' ', 299)] + " …";
                var added = await mediator.Send(new AddTask.Command(c.PlanId, row.Code, title, row.Lead!.Id, c.ParentId,
                    Description: title == row.Title ? null : row.Title,
                    CoordinatingAgencyIds: row.Coordinating.Select(a => a.Id).Distinct().Where(id => id != row.Lead.Id).ToList(),
                    DeadlineText: row.DeadlineText), ct);
                ids.Add(added.TaskId);
            }
            return new Result(ids.Count, ids);
        }
    }
}

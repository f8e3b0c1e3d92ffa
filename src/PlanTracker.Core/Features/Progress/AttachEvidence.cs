using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Files;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Progress;

/// <summary>The lead agency attaches a file (at most 20 MB, checked type) or a document number as evidence.</summary>
public static class AttachEvidence
{
    public sealed record Upload(string FileName, long Length, Func<Stream> Open);

    public sealed record Command(long TaskId, Upload? File, string? DocumentNumber) : IRequest<long>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => (c.File is null) != string.IsNullOrWhiteSpace(c.DocumentNumber))
                .OverridePropertyName("file").WithMessage(_ => Wording.Pick("Hãy đính kèm một tệp hoặc ghi số văn bản.", "Attach either a file or a document number."));
            RuleFor(c => c.DocumentNumber).MaximumLength(100);
            RuleFor(c => c.File!.FileName).NotEmpty().MaximumLength(255).OverridePropertyName("file").When(c => c.File is not null);
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, IEvidenceStore store, EvidenceOptions options, TimeProvider time)
        : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var task = await db.Tasks.AsNoTracking().Where(t => t.Id == c.TaskId).Select(t => new { t.Id, t.Code }).SingleOrDefaultAsync(ct)
                ?? throw new NotFoundException(Wording.Pick($"Không có nhiệm vụ {c.TaskId}.", $"Task {c.TaskId} does not exist."));
            if (!await access.LeadsAsync(task.Id, ct) && !await access.ManagesPlanOfTaskAsync(task.Id, ct))
                throw new ForbiddenException(Wording.Pick($"Chỉ cơ quan chủ trì nhiệm vụ '{task.Code}' hoặc thường trực được đính kèm minh chứng.", $"Only the lead agency of task '{task.Code}' or the secretariat attaches evidence to it."));
            var now = time.GetUtcNow();
            Evidence evidence;
            string? storedKey = null;
            if (c.File is { } file)
            {
                if (file.Length > options.MaxBytes)
                    throw new RuleViolationException("file", Wording.Pick($"Tệp '{file.FileName}' có dung lượng {file.Length / 1048576.0:0.#} MB, vượt giới hạn {options.MaxBytes / 1048576} MB.", $"'{file.FileName}' is {file.Length / 1048576.0:0.#} MB; the limit is {options.MaxBytes / 1048576} MB."));
                if (file.Length == 0) throw new RuleViolationException("file", Wording.Pick($"Tệp '{file.FileName}' rỗng.", $"'{file.FileName}' is empty."));
                await using var stream = file.Open();
                var head = new byte[8];
                var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
                var contentType = FileTypes.Recognise(file.FileName, head.AsSpan(0, read))
                    ?? throw new RuleViolationException("file", Wording.Pick($"Tệp '{file.FileName}' không thuộc loại được chấp nhận ({FileTypes.Accepted}).", $"'{file.FileName}' is not an accepted file type ({FileTypes.Accepted})."));
                stream.Position = 0;
                var (key, sha) = await store.SaveAsync(stream, ct);
                storedKey = key;
                evidence = Evidence.ForFile(task.Id, Path.GetFileName(file.FileName), contentType, file.Length, key, sha, access.UserId, now);
            }
            else evidence = Evidence.ForDocument(task.Id, c.DocumentNumber!.Trim(), access.UserId, now);

            try
            {
                db.Add(evidence);
                db.Record(now, access.UserId, "task.evidence", nameof(PlanTask), task.Id, null,
                    new { evidence.FileName, evidence.SizeBytes, evidence.DocumentNumber });
                await db.SaveChangesAsync(ct);
            }
            catch
            {
                // The row did not land: the file must not stay behind as an orphan.
                if (storedKey is not null) store.Delete(storedKey);
                throw;
            }
            return evidence.Id;
        }
    }
}

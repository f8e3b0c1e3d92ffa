using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Email;
using PlanTracker.Core.Features.Jobs;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Mail;

/// <summary>One outbox message in full, to preview it (admins; the secretariat its own province's: <see cref="OutboxAccess"/>).</summary>
public static class GetOutboxMessage
{
    public sealed record Query(long Id) : IRequest<Result>;

    public sealed record Result(long Id, DateTimeOffset CreatedAt, string Kind, string ToAddress, string Subject, string TextBody, string? HtmlBody,
        string MessageId, OutboxState State, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, MailTemplates templates) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query q, CancellationToken ct)
        {
            var visible = await OutboxAccess.VisibleAsync(access, db, ct);
            if (!await db.OutboxMessages.AnyAsync(m => m.Id == q.Id, ct)) throw new NotFoundException(Wording.Pick($"Không có thư {q.Id} trong hộp thư đi.", $"There is no outbox message {q.Id}."));
            var m = await visible.AsNoTracking().SingleOrDefaultAsync(m => m.Id == q.Id, ct)
                ?? throw new ForbiddenException(Wording.Pick("Thư này gửi cho người dùng của tỉnh khác.", "This message went to another province's user."));
            // What the dispatcher sends: a mail queued as template and model is rendered the same way here.
            var (text, html) = templates.Bodies(m);
            // A reset mail holds a link that sets the account's password: whoever reads the outbox must not be
            // able to take the account over with it (decision 0012).
            if (m.Kind == Account.RequestPasswordReset.MailKind)
                (text, html) = (Wording.Pick("(Nội dung ẩn: thư chứa liên kết đặt lại mật khẩu dùng một lần.)",
                    "(Body hidden: the mail holds a single-use password reset link.)"), null);
            return new Result(m.Id, m.CreatedAt, m.Kind, m.ToAddress, m.Subject, text, html, m.MessageId, m.State,
                m.Attempts, m.NextAttemptAt, m.SentAt, m.LastError);
        }
    }
}

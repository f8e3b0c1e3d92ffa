using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Audit;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Reports;

/// <summary>
/// The secretariat asks its own province's agencies for an ad hoc report (báo cáo đột xuất) with its own
/// cut-off and deadline; ad hoc periods are numbered per province and year.
/// </summary>
public static class CreateAdHocPeriod
{
    public sealed record Command(DateOnly StartOn, DateOnly EndOn, DateOnly DataCutOffOn, DateOnly SubmissionDueOn) : IRequest<long>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.EndOn).GreaterThanOrEqualTo(c => c.StartOn).WithMessage("'endOn' must not be before 'startOn'.");
            RuleFor(c => c.SubmissionDueOn).GreaterThan(c => c.DataCutOffOn)
                .WithMessage("'submissionDueOn' must come at least one working day after 'dataCutOffOn' (Decree 09/2019/NĐ-CP).");
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var provinceId = await access.SecretariatProvinceAsync(db, ct);
            if ((await db.WorkingDayCalendarAsync(ct)).AddWorkingDays(c.DataCutOffOn, 1) > c.SubmissionDueOn)
                throw new RuleViolationException("submissionDueOn", Wording.Pick("Hạn nộp báo cáo phải sau thời điểm chốt số liệu ít nhất một ngày làm việc (Nghị định 09/2019/NĐ-CP).", "The deadline must be at least one working day after the data cut-off (Decree 09/2019/NĐ-CP)."));
            var number = await db.ReportingPeriods.CountAsync(p => p.Regime == ReportingRegime.AdHoc && p.Year == c.EndOn.Year && p.ProvinceId == provinceId, ct) + 1;
            var period = new ReportingPeriod(ReportingRegime.AdHoc, c.EndOn.Year, number, c.StartOn, c.EndOn, c.DataCutOffOn, c.SubmissionDueOn, provinceId);
            db.ReportingPeriods.Add(period);
            await db.SaveChangesAsync(ct);
            db.Record(time.GetUtcNow(), access.UserId, "period.created", nameof(ReportingPeriod), period.Id, null, c);
            await db.SaveChangesAsync(ct);
            return period.Id;
        }
    }
}

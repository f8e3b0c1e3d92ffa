using System.Text.Json.Serialization;
using FluentValidation;
using MediatR;
using PlanTracker.Core.Authorization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Features.Drafting;

/// <summary>
/// For a name the province does not have ("Sở Du lịch"), the secretariat picks an existing agency
/// (on confirm the name becomes its alias, so the next document is read right) or asks for a new one.
/// </summary>
public static class MapDraftAgency
{
    public sealed record Command([property: JsonIgnore] long DraftId, int Version, [property: JsonIgnore] string UnknownId, long? AgencyId = null, string? NewName = null,
        string? NewShortName = null, AgencyKind? NewKind = null, AgencyLevel? NewLevel = null) : IRequest<int>, ITransactionalCommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c).Must(c => (c.AgencyId is not null) != !string.IsNullOrWhiteSpace(c.NewName))
                .WithName("agencyId").WithMessage("Give either 'agencyId' (an existing agency) or 'newName' (a new agency), not both.");
            RuleFor(c => c.NewName).MaximumLength(300);
            RuleFor(c => c.NewShortName).MaximumLength(100);
            RuleFor(c => c.NewKind).IsInEnum().NotEqual(AgencyKind.Group);
            RuleFor(c => c.NewLevel).IsInEnum();
        }
    }

    public sealed class Handler(PlanTrackerDbContext db, AccessContext access, TimeProvider time) : IRequestHandler<Command, int>
    {
        public async Task<int> Handle(Command c, CancellationToken ct)
        {
            var (draft, proposal) = await DraftWorkspace.OpenAsync(db, access, c.DraftId, c.Version, ct);
            var unknown = proposal.UnknownAgencies.SingleOrDefault(u => u.Id == c.UnknownId)
                ?? throw new RuleViolationException("unknownId", Wording.Pick($"Bản dự thảo không có cơ quan chưa xác định '{c.UnknownId}'.", $"The draft has no unknown agency '{c.UnknownId}'."));
            if (c.AgencyId is { } id)
            {
                var directory = await DraftWorkspace.DirectoryAsync(db, draft.ProvinceId, ct);
                if (directory.ById(id) is null) throw new RuleViolationException("agencyId", Wording.Pick($"Cơ quan {id} không phải là cơ quan hiện hành của tỉnh mình.", $"Agency {id} is not a current agency of your province."));
                (unknown.MapToAgencyId, unknown.Create) = (id, null);
            }
            else
                (unknown.MapToAgencyId, unknown.Create) = (null, new NewAgency
                {
                    Name = c.NewName!.Trim(), ShortName = string.IsNullOrWhiteSpace(c.NewShortName) ? null : c.NewShortName.Trim(),
                    Kind = c.NewKind ?? AgencyKind.Other, Level = c.NewLevel ?? AgencyLevel.Province,
                });
            return await DraftWorkspace.SaveAsync(db, draft, proposal, time, ct);
        }
    }
}

using MediatR;
using PlanTracker.Core.Common;
using PlanTracker.Core.Features.Documents;

namespace PlanTracker.Core.Features.Plans;

/// <summary>Registers a document and opens its draft plan in one step: both land, or neither.</summary>
public static class StartPlan
{
    public sealed record Command(RegisterDocument.Command Document, string? PlanTitle) : IRequest<long>, ITransactionalCommand;

    public sealed class Handler(IMediator mediator) : IRequestHandler<Command, long>
    {
        public async Task<long> Handle(Command c, CancellationToken ct)
        {
            var documentId = await mediator.Send(c.Document, ct);
            return await mediator.Send(new CreatePlan.Command(documentId, string.IsNullOrWhiteSpace(c.PlanTitle) ? c.Document.Title : c.PlanTitle), ct);
        }
    }
}

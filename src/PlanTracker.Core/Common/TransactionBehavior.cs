using MediatR;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Common;

/// <summary>Marks a command whose handler may save more than once but must land whole or not at all.</summary>
public interface ITransactionalCommand;

/// <summary>Runs a transactional command in one database transaction; an exception rolls everything back.</summary>
public sealed class TransactionBehavior<TRequest, TResponse>(PlanTrackerDbContext db) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is not ITransactionalCommand || db.Database.CurrentTransaction is not null) return await next();
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // EF Core wraps each SaveChanges inside a transaction in a savepoint, two more round trips per save
        // (issue 17: a third of a progress update's). They would let a handler carry on after a failed save;
        // none does: a failed save throws out of the command and the whole transaction rolls back.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            var response = await next();
            await tx.CommitAsync(cancellationToken);
            return response;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }
}

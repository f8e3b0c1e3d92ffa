using System.Text.Json;
using System.Text.Json.Serialization;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Audit;

/// <summary>
/// Appends who changed what, with the state before and after, to the same unit of work as the
/// change itself: both are saved together or neither is. Rows are never updated.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Record(this PlanTrackerDbContext db, DateTimeOffset at, long? userId, string action,
        string entityType, long? entityId, object? before, object? after) =>
        db.AuditEvents.Add(new AuditEvent(at, userId, action, entityType, entityId,
            JsonSerializer.Serialize(new { before, after }, Json)));
}

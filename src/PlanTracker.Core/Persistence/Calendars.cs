using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Persistence;

public static class Calendars
{
    /// <summary>The working-day calendar with the public holidays kept in the database.</summary>
    public static async Task<WorkingDayCalendar> WorkingDayCalendarAsync(this PlanTrackerDbContext db, CancellationToken ct) =>
        new(await db.Holidays.Select(h => h.Date).ToListAsync(ct));
}

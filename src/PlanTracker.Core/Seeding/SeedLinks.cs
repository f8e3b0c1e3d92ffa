using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Seeding;

/// <summary>
/// Cascading plans in the seed (decision 0027): <c>plan.implements</c> names parent plans, a task's
/// <c>carriesOut</c> names parent tasks by code and targets by position. Checked with the rest of the
/// seed; written after every plan exists, so a parent may live in any file.
/// </summary>
internal static class SeedLinks
{
    public static void Validate(SeedSet set, List<string> errors)
    {
        var plans = set.Plans.ToDictionary(p => p.Content.Plan.Key, p => Flatten(p.Content.Tasks).ToDictionary(t => t.Code, StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (file, plan) in set.Plans)
        {
            var parents = plan.Plan.Implements ?? [];
            for (var i = 0; i < parents.Count; i++)
                if (!plans.ContainsKey(parents[i]) || parents[i] == plan.Plan.Key)
                    errors.Add($"{file}: $.plan.implements[{i}]: unknown parent plan '{parents[i]}'");
            foreach (var task in Flatten(plan.Tasks))
                foreach (var (link, j) in (task.CarriesOut ?? []).Select((l, j) => (l, j)))
                {
                    var at = $"{file}: task '{task.Code}': carriesOut[{j}]";
                    if (!parents.Contains(link.Plan)) { errors.Add($"{at}.plan: '{link.Plan}' is not in $.plan.implements"); continue; }
                    if (!plans.TryGetValue(link.Plan, out var parentTasks) || !parentTasks.TryGetValue(link.Task, out var parentTask))
                    { errors.Add($"{at}.task: plan '{link.Plan}' has no task '{link.Task}'"); continue; }
                    if (link.Target is { } t && (t < 0 || t >= (parentTask.Targets?.Count ?? 0)))
                        errors.Add($"{at}.target: task '{link.Task}' has no target {t}");
                    if (link.OwnTarget is { } o && (o < 0 || o >= (task.Targets?.Count ?? 0)))
                        errors.Add($"{at}.ownTarget: task '{task.Code}' has no target {o}");
                }
        }
    }

    /// <summary>Writes the links of plans whose parent link is new: an existing database gets them once, and an unlink stays unlinked.</summary>
    public static async Task LoadAsync(PlanTrackerDbContext db, SeedSet seed, DateTimeOffset now, CancellationToken ct)
    {
        var keys = seed.Plans.SelectMany(p => (p.Content.Plan.Implements ?? []).Append(p.Content.Plan.Key)).Distinct().ToList();
        var planIds = await db.Plans.Where(p => keys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, p => p.Id, ct);
        foreach (var (_, file) in seed.Plans.Where(p => p.Content.Plan.Implements is { Count: > 0 }))
        {
            var planId = planIds[file.Plan.Key];
            foreach (var parentKey in file.Plan.Implements!)
            {
                var parentId = planIds[parentKey];
                if (await db.PlanParents.AnyAsync(p => p.PlanId == planId && p.ParentPlanId == parentId, ct)) continue;
                db.PlanParents.Add(new PlanParent(planId, parentId, now));
                var own = await TasksOf(db, planId, ct);
                var parent = await TasksOf(db, parentId, ct);
                foreach (var task in Flatten(file.Tasks))
                    foreach (var link in (task.CarriesOut ?? []).Where(l => l.Plan == parentKey))
                    {
                        var (ownTask, ownTargets) = own[task.Code];
                        var (parentTask, parentTargets) = parent[link.Task];
                        db.TaskLinks.Add(new TaskLink(ownTask, parentTask,
                            link.Target is { } t ? parentTargets[t] : null, link.OwnTarget is { } o ? ownTargets[o] : null, null, now));
                    }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Dictionary<string, (long Id, long[] Targets)>> TasksOf(PlanTrackerDbContext db, long planId, CancellationToken ct) =>
        (await db.Tasks.Where(t => t.PlanId == planId)
            .Select(t => new { t.Code, t.Id, Targets = t.Targets.OrderBy(x => x.SortOrder).Select(x => x.Id).ToArray() })
            .ToListAsync(ct))
        .ToDictionary(t => t.Code, t => (t.Id, t.Targets), StringComparer.Ordinal);

    private static IEnumerable<TaskSeed> Flatten(IEnumerable<TaskSeed> tasks) =>
        tasks.SelectMany(t => Flatten(t.Children ?? []).Prepend(t));
}

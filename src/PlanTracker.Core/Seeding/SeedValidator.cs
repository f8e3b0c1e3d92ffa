using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;

namespace PlanTracker.Core.Seeding;

/// <summary>The cross-field and cross-file rules of the seed format; each error names file and JSON path.</summary>
internal static partial class SeedValidator
{
    public static void Validate(SeedSet set, List<string> errors)
    {
        var agencyKeys = new HashSet<string>(StringComparer.Ordinal);
        var provinceKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, content) in set.Provinces)
            ValidateProvince(file, content, provinceKeys, agencyKeys, errors);

        var documentKeys = new HashSet<string>(StringComparer.Ordinal);
        var documents = set.NationalDocuments.Select((d, i) => ("documents/national.json", $"$.documents[{i}]", d))
            .Concat(set.Plans.SelectMany(p => (p.Content.ReferencedDocuments ?? [])
                .Select((d, i) => (p.File, $"$.referencedDocuments[{i}]", d))
                .Prepend((p.File, "$.document", p.Content.Document))))
            .ToList();
        foreach (var (file, path, doc) in documents)
        {
            CheckKey(file, path + ".key", doc.Key, errors);
            if (!documentKeys.Add(doc.Key)) errors.Add($"{file}: {path}.key: document '{doc.Key}' is defined twice");
            Require(file, path + ".title", doc.Title, errors);
            Require(file, path + ".issuer", doc.Issuer, errors);
            if (doc.Province is { } p && !provinceKeys.Contains(p))
                errors.Add($"{file}: {path}.province: unknown province '{p}'");
        }
        foreach (var (file, path, doc) in documents)
            foreach (var (implemented, i) in (doc.Implements ?? []).Select((k, i) => (k, i)))
                if (!documentKeys.Contains(implemented))
                    errors.Add($"{file}: {path}.implements[{i}]: unknown document '{implemented}'");

        var planKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (file, plan) in set.Plans)
        {
            CheckKey(file, "$.plan.key", plan.Plan.Key, errors);
            if (!planKeys.Add(plan.Plan.Key)) errors.Add($"{file}: $.plan.key: plan '{plan.Plan.Key}' is defined twice");
            Require(file, "$.plan.title", plan.Plan.Title, errors);
            if (plan.Tasks.Count == 0) errors.Add($"{file}: $.tasks: a plan needs at least one task");
            var codes = new HashSet<string>(StringComparer.Ordinal);
            ValidateTasks(file, "$.tasks", plan.Tasks, codes, agencyKeys, errors);
        }
        SeedLinks.Validate(set, errors);

        var dates = new HashSet<DateOnly>();
        foreach (var (holiday, i) in set.Holidays.Select((h, i) => (h, i)))
        {
            if (!dates.Add(holiday.Date)) errors.Add($"holidays.json: $[{i}].date: {holiday.Date:yyyy-MM-dd} is listed twice");
            Require("holidays.json", $"$[{i}].name", holiday.Name, errors);
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (user, i) in set.DemoUsers.Select((u, i) => (u, i)))
        {
            if (!emails.Add(user.Email)) errors.Add($"demo-users.json: $[{i}].email: '{user.Email}' is listed twice");
            if (!Roles.All.Contains(user.Role))
                errors.Add($"demo-users.json: $[{i}].role: '{user.Role}' is not one of {string.Join(", ", Roles.All)}");
            if (user.Agency is { } a && !agencyKeys.Contains(a)) errors.Add($"demo-users.json: $[{i}].agency: unknown agency '{a}'");
            foreach (var (o, j) in (user.Oversees ?? []).Select((o, j) => (o, j)))
                if (!agencyKeys.Contains(o)) errors.Add($"demo-users.json: $[{i}].oversees[{j}]: unknown agency '{o}'");
        }
    }

    private static void ValidateProvince(string file, ProvinceFile content, HashSet<string> provinceKeys, HashSet<string> agencyKeys, List<string> errors)
    {
        var province = content.Province.Key;
        CheckKey(file, "$.province.key", province, errors);
        if (!provinceKeys.Add(province)) errors.Add($"{file}: $.province.key: province '{province}' is defined twice");
        // The central bodies (decision 0027) are the file of key "vn": no province, no secretariat.
        if (content.Central != (province == "vn")) errors.Add($"{file}: $.central: true exactly for the central bodies' file, of province key 'vn'");
        var local = new HashSet<string>(StringComparer.Ordinal);
        void Define(string path, string key)
        {
            CheckKey(file, path, key, errors);
            if (!key.StartsWith(province + "/", StringComparison.Ordinal))
                errors.Add($"{file}: {path}: '{key}' must start with the province key '{province}/'");
            if (!agencyKeys.Add(key)) errors.Add($"{file}: {path}: agency '{key}' is defined twice");
            local.Add(key);
        }
        for (var i = 0; i < content.Agencies.Count; i++)
        {
            Define($"$.agencies[{i}].key", content.Agencies[i].Key);
            Require(file, $"$.agencies[{i}].name", content.Agencies[i].Name, errors);
            if (content.Agencies[i].Kind == AgencyKind.Group)
                errors.Add($"{file}: $.agencies[{i}].kind: groups go under $.groups");
        }
        var groups = content.Groups ?? [];
        for (var i = 0; i < groups.Count; i++)
        {
            Define($"$.groups[{i}].key", groups[i].Key);
            Require(file, $"$.groups[{i}].name", groups[i].Name, errors);
        }
        for (var i = 0; i < content.Agencies.Count; i++)
            if (content.Agencies[i].Parent is { } parent && !local.Contains(parent))
                errors.Add($"{file}: $.agencies[{i}].parent: unknown agency '{parent}'");
        for (var i = 0; i < groups.Count; i++)
        {
            if (groups[i].Members.Count == 0) errors.Add($"{file}: $.groups[{i}].members: a group needs members");
            for (var j = 0; j < groups[i].Members.Count; j++)
                if (!content.Agencies.Any(a => a.Key == groups[i].Members[j]))
                    errors.Add($"{file}: $.groups[{i}].members[{j}]: '{groups[i].Members[j]}' is not an agency of this file");
        }
        // A province has one secretariat. The central bodies may name the one that follows national plans up (the
        // Government Office, the reader's default for items a national document leaves unassigned), or none.
        var secretariats = content.Agencies.Count(a => a.IsSecretariat);
        if (content.Central ? secretariats > 1 : secretariats != 1)
            errors.Add($"{file}: $.agencies: {(content.Central ? "the central bodies name at most one secretariat" : "exactly one agency must have isSecretariat true")} (found {secretariats})");
    }

    private static void ValidateTasks(string file, string path, List<TaskSeed> tasks, HashSet<string> codes, HashSet<string> agencyKeys, List<string> errors)
    {
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var at = $"{path}[{i}]";
            Require(file, at + ".code", task.Code, errors);
            if (!codes.Add(task.Code)) errors.Add($"{file}: {at}.code: '{task.Code}' is used twice in this plan");
            Require(file, at + ".title", task.Title, errors);
            if (task.Lead is { } lead && !agencyKeys.Contains(lead)) errors.Add($"{file}: {at}.lead: unknown agency '{lead}'");
            if (!task.IsGroup && task.Lead is null) errors.Add($"{file}: {at}.lead: a task that is not a group needs a lead agency");
            foreach (var (c, j) in (task.Coordinating ?? []).Select((c, j) => (c, j)))
                if (!agencyKeys.Contains(c)) errors.Add($"{file}: {at}.coordinating[{j}]: unknown agency '{c}'");
            if (task.Deadline is { } d)
            {
                if (Deadline.Check(d.Kind, d.StartOn, d.DueOn, d.WorkingDays) is { } problem)
                    errors.Add($"{file}: {at}.deadline: {problem}");
            }
            else if (!task.IsGroup) errors.Add($"{file}: {at}.deadline: a task that is not a group needs a deadline");
            foreach (var (t, j) in (task.Targets ?? []).Select((t, j) => (t, j)))
                Require(file, $"{at}.targets[{j}].indicator", t.Indicator, errors);
            if (task.IsGroup && (task.Children ?? []).Count == 0)
                errors.Add($"{file}: {at}.children: a group needs children");
            ValidateTasks(file, at + ".children", task.Children ?? [], codes, agencyKeys, errors);
        }
    }

    private static void Require(string file, string path, string? value, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add($"{file}: {path}: must not be empty");
    }

    private static void CheckKey(string file, string path, string key, List<string> errors)
    {
        if (!KeyPattern().IsMatch(key ?? "")) errors.Add($"{file}: {path}: '{key}' is not a key (lower-case a-z, 0-9, '-', '/')");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9/-]*$")]
    private static partial Regex KeyPattern();
}

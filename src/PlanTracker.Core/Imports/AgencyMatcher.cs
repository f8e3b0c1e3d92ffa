using Microsoft.EntityFrameworkCore;
using PlanTracker.Core.Common;
using PlanTracker.Core.Persistence;

namespace PlanTracker.Core.Imports;

/// <summary>
/// Finds a province's agencies by name, short name or alias, ignoring accents, case and
/// punctuation, and with or without the province's name ("Sở Nội vụ tỉnh Vĩnh Phúc").
/// </summary>
public sealed class AgencyMatcher
{
    private readonly Dictionary<string, (long Id, string Name)> _byKey = [];
    private readonly string _provinceSuffix;

    private AgencyMatcher(string provinceName) => _provinceSuffix = " tinh " + TextKey.Fold(provinceName);

    public static async Task<AgencyMatcher> ForProvinceAsync(PlanTrackerDbContext db, long provinceId, CancellationToken ct)
    {
        var provinceName = await db.Provinces.Where(p => p.Id == provinceId).Select(p => p.Name).SingleAsync(ct);
        var matcher = new AgencyMatcher(provinceName);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.ProvinceId == provinceId)
            .Select(a => new { a.Id, a.Name, a.ShortName, Aliases = a.Aliases.Select(x => x.Alias).ToList() }).ToListAsync(ct);
        foreach (var a in agencies)
            foreach (var name in a.Aliases.Prepend(a.ShortName).Prepend(a.Name).OfType<string>())
                matcher._byKey.TryAdd(matcher.Key(name), (a.Id, a.Name));
        return matcher;
    }

    public (long Id, string Name)? Find(string text) => _byKey.TryGetValue(Key(text), out var hit) ? hit : null;

    /// <summary>
    /// Reads a cell that may list several agencies separated by commas, where names hold commas
    /// too: the longest run of comma-separated pieces that names an agency wins.
    /// </summary>
    public (List<(long Id, string Name)> Found, List<string> Unknown) FindAll(IEnumerable<string> cells)
    {
        var (found, unknown) = (new List<(long, string)>(), new List<string>());
        foreach (var cell in cells)
        {
            var pieces = cell.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < pieces.Length;)
            {
                var matched = false;
                for (var j = pieces.Length; j > i && !matched; j--)
                {
                    if (Find(string.Join(", ", pieces[i..j])) is not { } hit) continue;
                    found.Add(hit);
                    i = j;
                    matched = true;
                }
                if (!matched) unknown.Add(pieces[i++]);
            }
        }
        return (found, unknown);
    }

    private string Key(string name)
    {
        var key = TextKey.Fold(name);
        return key.EndsWith(_provinceSuffix, StringComparison.Ordinal) ? key[..^_provinceSuffix.Length] : key;
    }
}

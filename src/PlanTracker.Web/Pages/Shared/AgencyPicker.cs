using System.Globalization;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Features.Agencies;

namespace PlanTracker.Web.Pages.Shared;

/// <summary>
/// What _AgencyPicker renders: a province's agencies grouped by level in Vietnamese order, groups
/// ("các sở, ban, ngành") apart with what they expand to, each with a folded search key so that
/// "uy ban" finds "Ủy ban". One field: a single lead (a select) or several coordinating agencies (check boxes).
/// </summary>
public sealed record AgencyPicker(string Name, string Id, IReadOnlyList<ListAgencies.AgencyItem> Agencies, IReadOnlyCollection<long> Selected,
    bool Multiple, string? Unresolved = null)
{
    /// <summary>Agency names in Vietnamese alphabetical order, as every agency list on the pages shows them.</summary>
    public static readonly StringComparer Vietnamese = StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), CompareOptions.IgnoreCase);

    public sealed record Option(long Id, string Name, string Key, string? Expands, bool Selected);

    public sealed record Section(string Label, IReadOnlyList<Option> Options);

    public static AgencyPicker Single(string name, string id, IReadOnlyList<ListAgencies.AgencyItem> agencies, long? selected, string? unresolved = null) =>
        new(name, id, agencies, selected is { } s ? [s] : [], false, unresolved);

    public static AgencyPicker Many(string name, string id, IReadOnlyList<ListAgencies.AgencyItem> agencies, IEnumerable<long>? selected) =>
        new(name, id, agencies, (selected ?? []).ToHashSet(), true);

    /// <summary>Groups first when they expand (they are what documents name most), then central, province, district, commune.</summary>
    public IReadOnlyList<Section> Sections(Func<string, string> label)
    {
        var byId = Agencies.ToDictionary(a => a.Id);
        var manyProvinces = Agencies.Select(a => a.Province).Distinct().Count() > 1;
        Option ToOption(ListAgencies.AgencyItem a)
        {
            var members = a.MemberIds.Select(m => byId.GetValueOrDefault(m)?.Name).OfType<string>().Order(Vietnamese).ToList();
            var expands = a.Kind == AgencyKind.Group && members.Count > 0 ? string.Join("; ", members) : null;
            var key = TextKey.Fold(string.Join(' ', new[] { a.Name, a.ShortName ?? "" }.Concat(a.Aliases)));
            return new Option(a.Id, AgencyDisplay.Name(a.Name, a.Province, manyProvinces), key, expands, Selected.Contains(a.Id));
        }
        var sections = new List<Section>();
        var groups = Agencies.Where(a => a.Kind == AgencyKind.Group).OrderBy(a => a.Name, Vietnamese).Select(ToOption).ToList();
        if (groups.Count > 0) sections.Add(new Section(label("Picker.Groups"), groups));
        foreach (var level in Enum.GetValues<AgencyLevel>())
        {
            var options = Agencies.Where(a => a.Kind != AgencyKind.Group && a.Level == level).OrderBy(a => a.Name, Vietnamese).Select(ToOption).ToList();
            if (options.Count > 0) sections.Add(new Section(label($"Dash.Level.{level}"), options));
        }
        return sections;
    }
}

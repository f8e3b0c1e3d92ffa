using PlanTracker.Core.Drafting;
using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Infrastructure;
using PlanTracker.Tests.Seeding;

namespace PlanTracker.Tests.Drafting;

/// <summary>The five seed documents as pasted text, with their hand-made decomposition (the gold) and their province's agencies.</summary>
public static class SeedDocuments
{
    public sealed record Case(string Name, string Text, PlanFile Gold, ProvinceFile Province)
    {
        public override string ToString() => Name;
    }

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "Documents");

    // Provincial documents only: the national parents (decision 0027) are tables or partial restatements, not texts the reader reads.
    public static IReadOnlyList<Case> All { get; } = SeedFixture.Seed.Plans
        .Where(p => p.Content.Document.Province is not null)
        .Select(p => new Case(Path.GetFileNameWithoutExtension(p.File),
            File.ReadAllText(Path.Combine(Folder, p.Content.Document.SourceFile!)),
            p.Content,
            SeedFixture.Seed.Provinces.Single(x => x.Content.Province.Key == p.Content.Document.Province).Content))
        .ToList();

    public static Case Named(string name) => All.Single(c => c.Name == name);

    /// <summary>The province's agencies as the parser sees them, numbered in file order (no database).</summary>
    public static AgencyDirectory Directory(ProvinceFile province)
    {
        var id = 0L;
        var agencies = province.Agencies.Select(a => new DirectoryAgency(++id, a.Key, a.Name, a.ShortName, a.Aliases ?? [], a.IsSecretariat))
            .Concat((province.Groups ?? []).Select(g => new DirectoryAgency(++id, g.Key, g.Name, null, g.Aliases ?? [], IsGroup: true, MemberKeys: g.Members)));
        return new AgencyDirectory(province.Province.Name, agencies);
    }

    public static Proposal Parse(Case c) => DraftParser.Parse(DraftInput.FromText(c.Text), Directory(c.Province));
}

using PlanTracker.Core.Domain;
using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The development corpus of issue 15 (Corpus/Documents, sources in its SOURCES.md) with its hand-made
/// decompositions (Corpus/Gold, in the seed-data format and read, hence checked, by the seed reader).
/// A document reads against the agency directory named by its gold's <c>province</c>: a province's own
/// (lao-cai), or, for national documents, the national directory <c>vn</c>; a ministry's internal units
/// (bxd, btnmt: every agency of the file is Central) are read together with <c>vn</c>.
/// </summary>
public static class CorpusDocuments
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "PlanTracker.Tests", "Drafting", "Corpus");
    public static string DocumentsFolder => Path.Combine(Folder, "Documents");

    private static readonly Lazy<IReadOnlyList<SeedDocuments.Case>> Cases = new(() => Load(Folder));

    public static IReadOnlyList<SeedDocuments.Case> All => Cases.Value;

    public static SeedDocuments.Case Named(string prefix) => All.Single(c => c.Name.StartsWith(prefix, StringComparison.Ordinal));

    /// <summary>The path of the document in another format (".docx", ".pdf"), or null when the corpus has none.</summary>
    public static string? OtherFormat(SeedDocuments.Case c, string extension)
    {
        var path = Path.Combine(DocumentsFolder, c.Name + extension);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The documents of a folder laid out as the corpus (Documents/ beside Gold/, the gold in the seed-data
    /// format), each with its gold and its directory; the held-out set (HeldOut/) is read the same way.
    /// </summary>
    public static IReadOnlyList<SeedDocuments.Case> Load(string folder)
    {
        var gold = SeedReader.Read(Path.Combine(folder, "Gold"));
        return gold.Plans
            .Select(p => new SeedDocuments.Case(Path.GetFileNameWithoutExtension(p.File),
                File.ReadAllText(Path.Combine(folder, "Documents", p.Content.Document.SourceFile!)),
                p.Content,
                DirectoryFor(gold, p.Content.Document.Province)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static ProvinceFile DirectoryFor(SeedSet gold, string? key)
    {
        var files = gold.Provinces.Select(p => p.Content).ToList();
        var national = files.SingleOrDefault(f => f.Province.Key == "vn");
        if (key is null || key == "vn") return national ?? throw new InvalidOperationException("a national document needs the directory 'vn'");
        var own = files.Single(f => f.Province.Key == key);
        // A ministry's own units are read together with the national directory when the folder has one.
        if (national is null || own.Agencies.Any(a => a.Level != AgencyLevel.Central)) return own;
        return new ProvinceFile(national.Province, [.. national.Agencies, .. own.Agencies], [.. national.Groups ?? [], .. own.Groups ?? []]);
    }
}

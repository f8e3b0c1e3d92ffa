using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Seeding;

public sealed class SeedReaderTests : IDisposable
{
    private readonly string _copy = Path.Combine(Path.GetTempPath(), "seed-copy-" + Guid.NewGuid().ToString("N"));

    public SeedReaderTests()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.SeedData, "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_copy, Path.GetRelativePath(RepoPaths.SeedData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    [Fact]
    public void Should_read_the_five_seed_documents_with_their_task_counts()
    {
        var counts = SeedFixture.Seed.Plans.ToDictionary(p => p.Content.Document.Number ?? p.Content.Document.Key, p => Count(p.Content.Tasks));

        // The five provincial documents, and the two national parents of decision 0027 (03/NQ-CP's appendix II, partial 36a/NQ-CP).
        Assert.Equal(7, counts.Count);
        Assert.Equal(147, counts["03/NQ-CP"]);
        Assert.Equal(14, counts["36a/NQ-CP"]);
        Assert.Equal(48, counts["168/QĐ-UBND"]);
        Assert.Equal(20, counts["06/CT-UBND"]);
        Assert.Equal(165, counts["671a/QĐ-UBND"]);
        Assert.Equal(20, counts["bac-kan/tb-ket-luan-2019-04-09"]);
        Assert.Equal(72, counts["vinh-phuc/kh-36a-2016"]);
    }

    [Fact]
    public void Should_name_the_file_and_field_of_an_unknown_agency()
    {
        Replace("plans/nam-dinh-06.json", "\"lead\": \"nam-dinh/so-khcn\"", "\"lead\": \"nam-dinh/so-khong-co\"");

        var error = Assert.Throws<SeedDataException>(() => SeedReader.Read(_copy));

        var line = Assert.Single(error.Errors);
        Assert.StartsWith("plans/nam-dinh-06.json: $.tasks[", line);
        Assert.Contains(".lead: unknown agency 'nam-dinh/so-khong-co'", line);
    }

    [Fact]
    public void Should_name_the_file_and_field_of_a_malformed_value()
    {
        Replace("holidays.json", "\"2024-02-08\"", "\"08/02/2024\"");

        var error = Assert.Throws<SeedDataException>(() => SeedReader.Read(_copy));

        Assert.Contains(error.Errors, e => e.StartsWith("holidays.json: $[", StringComparison.Ordinal) && e.Contains(".date"));
    }

    [Fact]
    public void Should_refuse_a_quarter_deadline_whose_dates_are_not_a_quarter()
    {
        Replace("plans/dak-lak-168.json", "\"dueOn\": \"2018-09-30\"", "\"dueOn\": \"2018-09-15\"");

        var error = Assert.Throws<SeedDataException>(() => SeedReader.Read(_copy));

        Assert.Contains(error.Errors, e => e.StartsWith("plans/dak-lak-168.json: $.tasks[", StringComparison.Ordinal)
            && e.Contains(".deadline: a Quarter deadline"));
    }

    private void Replace(string file, string from, string to)
    {
        var path = Path.Combine(_copy, file);
        var text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to));
    }

    private static int Count(IEnumerable<TaskSeed> tasks) => tasks.Sum(t => 1 + Count(t.Children ?? []));
}

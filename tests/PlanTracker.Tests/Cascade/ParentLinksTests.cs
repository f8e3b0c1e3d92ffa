using PlanTracker.Core.Drafting;
using PlanTracker.Core.Seeding;
using PlanTracker.Tests.Seeding;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Cascade;

/// <summary>
/// The reader's link proposals (issue 18, item 1) measured on the seeds: the links the seed records by
/// hand (Vĩnh Phúc's plan and Nam Định's directive to the partial 36a/NQ-CP) are what the reader should
/// find from the text alone.
/// </summary>
public sealed class ParentLinksTests(ITestOutputHelper output)
{
    private const string Parent36a = "vn/nq-36a-cp-2015-partial";

    [Fact]
    public void Should_propose_the_parent_task_an_item_cites_by_number_and_resolution()
    {
        var item = new ProposedItem { Title = "Sở Thông tin và Truyền thông thực hiện nhiệm vụ 7 tại Nghị quyết số 36a/NQ-CP, kết nối liên thông phần mềm quản lý văn bản." };

        var links = ParentLinks.Propose(item, Parents());

        var link = Assert.Single(links);
        Assert.Equal("7", link.ParentCode);
        Assert.Equal(ParentLinkBasis.Cited, link.Basis);
    }

    [Fact]
    public void Should_propose_the_seeded_links_of_Vinh_Phucs_plan_from_the_same_wording_and_targets()
    {
        var parents = Parents();
        var (found, expected, extra) = Measure("vinh-phuc/kh-36a", parents);

        output.WriteLine($"Vĩnh Phúc: {found}/{expected} seeded links proposed; {extra} proposals on items the seed does not link");
        var nd = Measure("nam-dinh/ct-06-2016", parents);
        output.WriteLine($"Nam Định (own wording, no restated targets): {nd.Found}/{nd.Expected} seeded links proposed; {nd.Extra} on unlinked items");
        Assert.Equal(expected, found);
        // The seed leaves three items unlinked that 36a's partial parent restates word for word (the gaps the
        // coverage page shows, decision 0027): the reader proposes them, for the secretariat to confirm.
        foreach (var (code, parent) in new[] { ("II.2.b-2", "4"), ("II.2.c-6", "10"), ("II.2.c-11", "13") })
            Assert.Contains(ParentLinks.Propose(Item(Task("vinh-phuc/kh-36a", code)), parents), l => l.ParentCode == parent && l.Score == 1);
        Assert.True(extra <= 8, $"{extra} proposals on unlinked items");
    }

    [Fact]
    public void Should_propose_nothing_for_an_item_about_something_else()
    {
        var item = new ProposedItem { Title = "Tổ chức hội nghị sơ kết công tác phòng, chống thiên tai năm 2026." };

        Assert.Empty(ParentLinks.Propose(item, Parents()));
    }

    /// <summary>Seeded (task, parent code) links found among the proposals, links seeded, and proposals for tasks the seed leaves unlinked.</summary>
    private (int Found, int Expected, int Extra) Measure(string planKey, IReadOnlyList<ParentTaskCandidate> parents)
    {
        var plan = SeedFixture.Seed.Plans.Single(p => p.Content.Plan.Key == planKey).Content;
        int found = 0, expected = 0, extra = 0;
        foreach (var task in Flatten(plan.Tasks).Where(t => !t.IsGroup))
        {
            var proposed = ParentLinks.Propose(Item(task), parents).Select(l => l.ParentCode).ToHashSet();
            var seeded = (task.CarriesOut ?? []).Where(l => l.Plan == Parent36a).Select(l => l.Task).ToHashSet();
            expected += seeded.Count;
            found += seeded.Count(proposed.Contains);
            if (seeded.Count == 0 && proposed.Count > 0)
            {
                extra += proposed.Count;
                output.WriteLine($"  {task.Code} → {string.Join(", ", ParentLinks.Propose(Item(task), parents).Select(l => $"{l.ParentCode} ({l.Basis} {l.Score:N2})"))}");
            }
        }
        return (found, expected, extra);
    }

    private static TaskSeed Task(string planKey, string code) =>
        Flatten(SeedFixture.Seed.Plans.Single(p => p.Content.Plan.Key == planKey).Content.Tasks).Single(t => t.Code == code);

    private static List<ParentTaskCandidate> Parents()
    {
        var plan = SeedFixture.Seed.Plans.Single(p => p.Content.Plan.Key == Parent36a).Content;
        var id = 0L;
        return Flatten(plan.Tasks).Where(t => !t.IsGroup).Select(t => new ParentTaskCandidate(++id, t.Code, t.Description ?? t.Title, plan.Document.Number,
            (t.Targets ?? []).Select(x => new ParentTargetCandidate(++id, x.Unit, x.Comparison, x.Value)).ToList())).ToList();
    }

    private static ProposedItem Item(TaskSeed t) => new()
    {
        Title = t.Title, Description = t.Description,
        Targets = (t.Targets ?? []).Select(x => new ProposedTarget { Indicator = x.Indicator, Unit = x.Unit, Comparison = x.Comparison, Value = x.Value }).ToList(),
    };

    private static IEnumerable<TaskSeed> Flatten(IEnumerable<TaskSeed> tasks) => tasks.SelectMany(t => new[] { t }.Concat(Flatten(t.Children ?? [])));
}

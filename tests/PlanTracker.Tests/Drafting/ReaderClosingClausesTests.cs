using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// A decision's or resolution's effect clause numbered under an article and a body's accountability for the correctness of
/// what it submits are no tasks (decision 0023 rule 44; decision 0009, "Round 7 — the period a title gives"); work named in
/// the same words stays. Constructed texts unlike the fifth set's Government resolution: a province's decision, a
/// department's plan. No database.
/// </summary>
public sealed class ReaderClosingClausesTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static string All(Proposal p) => string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title}"));

    [Fact]
    public void Should_not_propose_an_effect_clause_numbered_under_an_article()
    {
        var p = Parse("""
            QUYẾT ĐỊNH
            Về việc giao nhiệm vụ kiểm tra an toàn thực phẩm
            Điều 1. Giao Sở Y tế kiểm tra an toàn thực phẩm tại các bếp ăn tập thể trong quý III năm 2027.
            Điều 2. Điều khoản thi hành
            1. Quyết định này có hiệu lực thi hành kể từ ngày 01/7/2027.
            2. Sở Tài chính bố trí kinh phí kiểm tra từ nguồn chi thường xuyên.
            """);

        Assert.DoesNotContain(p.Items, i => i.Title.Contains("có hiệu lực", StringComparison.Ordinal));
        Assert.True(p.Items.Count(i => i.Title.StartsWith("Sở Tài chính bố trí", StringComparison.Ordinal)) == 1, All(p));
        Assert.True(p.Items.Count(i => i.Title.Contains("Sở Y tế kiểm tra", StringComparison.Ordinal)) == 1, All(p));
    }

    [Fact]
    public void Should_not_propose_a_bodys_accountability_for_what_it_submits_but_keep_work_named_alike()
    {
        // Lettered items of a plan: two clauses of accountability in other words ("trước pháp luật … tính trung thực", "theo quy
        // định … số liệu"), and two items of work that say "chịu trách nhiệm" without answering "về" correctness.
        var p = Parse("""
            KẾ HOẠCH
            Hỗ trợ doanh nghiệp nhỏ và vừa năm 2027
            II. TỔ CHỨC THỰC HIỆN
            a) Các doanh nghiệp đề nghị hỗ trợ chịu trách nhiệm trước pháp luật về tính trung thực của hồ sơ đã nộp.
            b) Các sở, ngành chịu trách nhiệm theo quy định về số liệu đã cung cấp cho Sở Tài chính.
            c) Sở Tài chính chịu trách nhiệm tổng hợp số liệu, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2027.
            d) Sở Công Thương chịu trách nhiệm về việc hướng dẫn doanh nghiệp lập hồ sơ đề nghị hỗ trợ.
            """);

        Assert.True(p.Items.Count(i => !i.IsGroup) == 2, All(p));
        Assert.Contains(p.Items, i => i.Title.StartsWith("Sở Tài chính chịu trách nhiệm tổng hợp", StringComparison.Ordinal));
        Assert.Contains(p.Items, i => i.Title.StartsWith("Sở Công Thương chịu trách nhiệm", StringComparison.Ordinal));
    }
}

using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Numbered field blocks (issue 15, round 4: the unseen set's u01): a task section whose lead, coordinating agencies and
/// time follow its work as numbered or lettered headings ("2. Cơ quan chủ trì, phối hợp / a) Cơ quan chủ trì / - …",
/// "3. Thời gian thực hiện: …"). The headings and their agency bullets are the section's data, applied to its work
/// items, and never items themselves. A constructed case and the real document; no database.
/// </summary>
public sealed class ReaderFieldBlocksTests(ITestOutputHelper output)
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    [Fact]
    public void Should_read_numbered_lead_and_coordinating_headings_as_the_sections_fields_not_items()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Số: 140/KH-UBND                    Vĩnh Phúc, ngày 10 tháng 3 năm 2026
            KẾ HOẠCH
            Chuyển đổi số năm 2026
            II. NHIỆM VỤ, GIẢI PHÁP
            1. HOÀN THIỆN HẠ TẦNG SỐ
            1.1. Nội dung
            a) Rà soát hạ tầng mạng tại các cơ quan nhà nước;
            b) Nâng cấp trung tâm dữ liệu của tỉnh.
            1.2. Cơ quan chủ trì, phối hợp
            a) Cơ quan chủ trì
            - Sở Khoa học và Công nghệ.
            - Sở Tài chính.
            b) Cơ quan phối hợp
            - Sở Nội vụ.
            - Các sở, ban, ngành.
            1.3. Thời gian thực hiện: Quý III/2026.
            2. ĐÀO TẠO KỸ NĂNG SỐ
            2.1. Nội dung
            a) Tập huấn kỹ năng số cho cán bộ, công chức.
            2.2. Chủ trì thực hiện
            - Sở Nội vụ.
            2.3. Thời gian thực hiện: Năm 2026.
            """);

        // The field headings and their bullets are no items; the work is.
        Assert.DoesNotContain(p.Items, i => i.Title.Contains("Cơ quan") || i.Title.Contains("Chủ trì") || i.Title.StartsWith("Sở ") || i.Title.Contains("Thời gian"));
        var work = p.Items.Where(i => !i.IsGroup).ToList();
        Assert.Equal(3, work.Count);

        // The first agency under "Cơ quan chủ trì" leads; the rest of it and "Cơ quan phối hợp" coordinate.
        var a = work[0];
        Assert.StartsWith("Rà soát hạ tầng mạng", a.Title);
        Assert.Equal("vinh-phuc/so-kh-cn", a.Lead!.AgencyKey);
        Assert.Contains(a.Coordinating, c => c.AgencyKey == "vinh-phuc/so-tai-chinh");
        Assert.Contains(a.Coordinating, c => c.AgencyKey == "vinh-phuc/so-noi-vu");
        Assert.Equal(DeadlineKind.Quarter, a.Deadline!.Kind);
        Assert.Equal(new DateOnly(2026, 9, 30), a.Deadline.DueOn);
        Assert.Equal(a.Lead.AgencyKey, work[1].Lead!.AgencyKey);

        var training = work[2];
        Assert.Equal("vinh-phuc/so-noi-vu", training.Lead!.AgencyKey);
        Assert.Equal(new DateOnly(2026, 12, 31), training.Deadline!.DueOn);
    }

    [Fact]
    public void Should_keep_a_heading_over_work_sentences_as_items_even_when_it_reads_like_a_label()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH VĨNH PHÚC
            Số: 141/KH-UBND                    Vĩnh Phúc, ngày 10 tháng 3 năm 2026
            KẾ HOẠCH
            Chuyển đổi số năm 2026
            II. NHIỆM VỤ, GIẢI PHÁP
            1. Chủ trì thực hiện
            - Sở Khoa học và Công nghệ rà soát, nâng cấp hạ tầng mạng tại các cơ quan nhà nước, hoàn thành trong quý III năm 2026 và báo cáo kết quả về Ủy ban nhân dân tỉnh để tổng hợp, theo dõi.
            - Sở Nội vụ tập huấn kỹ năng số cho cán bộ, công chức.
            """);

        // Bullets that are sentences of work are not a list of names: the heading is no field block.
        Assert.Contains(p.Items, i => i.Title.StartsWith("Sở Khoa học và Công nghệ rà soát"));
        Assert.Contains(p.Items, i => i.Title.StartsWith("Sở Nội vụ tập huấn"));
    }

    [Fact]
    public void Should_read_the_unseen_plans_numbered_field_blocks_as_each_sections_lead()
    {
        var c = CorpusDocuments.Load(HeldOutAccuracyTests.UnseenFolder).Single(d => d.Name.StartsWith("u01", StringComparison.Ordinal));
        var p = SeedDocuments.Parse(c);
        foreach (var i in p.Items) output.WriteLine($"{i.Code} | {i.Lead?.AgencyKey} | {i.Deadline?.Text} | {i.Title[..Math.Min(50, i.Title.Length)]}");

        Assert.DoesNotContain(p.Items, i => i.Title.StartsWith("Cơ quan chủ trì") || i.Title.StartsWith("Cơ quan phối hợp") || i.Title.StartsWith("Chủ trì thực hiện"));
        var first = p.Items.Single(i => i.Title.StartsWith("Tổ chức Hội nghị quán triệt"));
        Assert.Equal("vn/bcdqg-1237", first.Lead!.AgencyKey);
        Assert.Contains(first.Coordinating, x => x.AgencyKey == "vn/bcd-quan-khu"); // under "a) Cơ quan chủ trì", after the first
        Assert.Contains(first.Coordinating, x => x.AgencyKey == "vn/bo-quoc-phong"); // under "b) Cơ quan phối hợp"
        Assert.Equal("Tháng 12/2013 và thường xuyên", first.Deadline!.Text);
        // "a) Cơ quan chủ trì: Bộ Quốc phòng; Bộ Tài chính.": the value of a lettered label leads too.
        var means = p.Items.Single(i => i.Title.StartsWith("Rà soát phương tiện hiện có"));
        Assert.Equal("vn/bo-quoc-phong", means.Lead!.AgencyKey);
        Assert.Contains(means.Coordinating, x => x.AgencyKey == "vn/bo-tai-chinh");
        // "B. NỘI DUNG, NHIỆM VỤ …" and "C. MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM TỪ NAY ĐẾN NĂM 2015" are parts: their roman
        // and numbered sections are theirs, and the part's period times its items.
        Assert.StartsWith("B.I.1.", first.Code);
        var focus = p.Items.Single(i => i.Title.StartsWith("Hoàn thành việc giải mã ký hiệu, phiên hiệu đơn vị quân đội trong chiến tranh giải phóng"));
        Assert.Equal("C.5", focus.Code);
        Assert.Equal(new DateOnly(2015, 12, 31), focus.Deadline!.DueOn);
    }
}

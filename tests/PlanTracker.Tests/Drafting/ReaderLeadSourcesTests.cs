using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Round 6's lead sources (docs/decisions/0009-drafting.md, "Round 6: lead sources measured"), each on constructed text
/// of another wording and layout than the documents that showed the form: a party document's default executor, a
/// collective's similar work yielding to the plan's standing agency, a party body written by its kind and an abbreviated
/// host body, members acting as their body, and group addressees that must fan out or be proposed as new, never resolved
/// to the province's own People's Committee. No database.
/// </summary>
public sealed class ReaderLeadSourcesTests
{
    private static readonly AgencyDirectory Province = new("Yên Bái",
    [
        new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, ["Văn phòng UBND tỉnh"], IsSecretariat: true),
        new DirectoryAgency(2, "ubnd-tinh", "Ủy ban nhân dân tỉnh Yên Bái", null, ["UBND tỉnh"]),
        new DirectoryAgency(3, "so-tc", "Sở Tài chính", null, []),
        new DirectoryAgency(4, "so-yt", "Sở Y tế", null, []),
        new DirectoryAgency(5, "so-nnmt", "Sở Nông nghiệp và Môi trường", null, ["Sở NN&MT"]),
        new DirectoryAgency(6, "cong-an", "Công an tỉnh", null, []),
        new DirectoryAgency(7, "xa-1", "Ủy ban nhân dân xã Âu Lâu", null, []),
        new DirectoryAgency(8, "dang-uy-ubnd", "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND tỉnh", []),
        new DirectoryAgency(9, "tinh-uy", "Tỉnh ủy Yên Bái", null, ["Tỉnh ủy"]),
        new DirectoryAgency(10, "dang-uy-so-yt", "Đảng ủy Sở Y tế tỉnh Yên Bái", null, ["Sở Y tế", "SYT"]),
        new DirectoryAgency(20, "cac-so", "Các sở, ban, ngành tỉnh", null, ["các sở, ban, ngành"], IsGroup: true, MemberKeys: ["so-tc", "so-yt", "so-nnmt", "cong-an"]),
        new DirectoryAgency(21, "ubnd-xa", "Ủy ban nhân dân các xã, phường", null, ["UBND các xã, phường"], IsGroup: true, MemberKeys: ["xa-1"]),
        new DirectoryAgency(22, "so-ban-nganh-xa", "Các sở, ban, ngành và UBND các xã, phường", null, [], IsGroup: true,
            MemberKeys: ["so-tc", "so-yt", "so-nnmt", "cong-an", "xa-1"]),
    ]);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Province);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    [Fact]
    public void Should_give_what_a_party_programme_assigns_to_no_one_to_the_party_committee_of_the_peoples_committee()
    {
        // CTr 104-CTr/TU Lào Cai showed the form in a PDF with scrambled appendix cells; this is a plain resolution's plan.
        var p = Parse("""
            TỈNH ỦY YÊN BÁI
            ĐẢNG CỘNG SẢN VIỆT NAM
            KẾ HOẠCH
            thực hiện Nghị quyết của Ban Chấp hành Đảng bộ tỉnh về y tế cơ sở
            II. NHIỆM VỤ, GIẢI PHÁP
            1. Nâng cấp 30 trạm y tế xã đạt chuẩn quốc gia trong năm 2027.
            2. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch.
            """);
        Assert.Equal("dang-uy-ubnd", Item(p, "II.1").Lead!.AgencyKey);
        Assert.Equal(AssigneeBasis.Secretariat, Item(p, "II.1").Lead!.Basis);
        Assert.Equal("so-tc", Item(p, "II.2").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_keep_the_secretariat_as_the_default_of_a_state_plan()
    {
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            KẾ HOẠCH
            Nâng cao chất lượng y tế cơ sở năm 2027
            II. NHIỆM VỤ
            1. Nâng cấp 30 trạm y tế xã đạt chuẩn quốc gia.
            """);
        Assert.Equal("vp-ubnd", Item(p, "II.1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_give_an_unassigned_item_to_the_standing_agency_rather_than_to_a_collective_with_similar_work()
    {
        // KH Lào Cai on Chỉ thị 11 showed the form with dash bullets under "1." headings; here lettered items and numbered bodies.
        var p = Parse("""
            KẾ HOẠCH
            Phòng, chống dịch bệnh trên cây trồng năm 2027
            A. NHIỆM VỤ TRỌNG TÂM
            a) Tổ chức tuyên truyền, phổ biến quy trình phòng trừ sâu bệnh hại lúa đến hộ nông dân trên địa bàn.
            b) Rà soát diện tích cây ăn quả nhiễm bệnh vàng lá và lập phương án xử lý.
            B. TỔ CHỨC THỰC HIỆN
            1. Sở Nông nghiệp và Môi trường: là cơ quan thường trực, theo dõi, đôn đốc các sở, ngành, địa phương thực hiện Kế hoạch này.
            2. Các sở, ban, ngành: tổ chức tuyên truyền, phổ biến quy trình phòng trừ sâu bệnh hại lúa đến hộ nông dân trong phạm vi quản lý.
            3. Sở Tài chính: bố trí kinh phí rà soát diện tích cây ăn quả nhiễm bệnh vàng lá.
            """);
        // The collective's similar bullet no longer decides: the standing agency takes the item.
        Assert.Equal("so-nnmt", Item(p, "A.a").Lead!.AgencyKey);
        // A single agency's similar work still does (the seeds' Đắk Nông plan).
        Assert.Equal("so-tc", Item(p, "A.b").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_let_a_standing_agency_named_in_a_sentence_take_an_item_a_collective_appendix_row_restates()
    {
        // The same rule in another layout: the standing agency is a numbered sentence's subject (not a heading and its bullet),
        // the collective's similar work is an appendix row in pipes, and the document is a party committee's (no motto line).
        var p = Parse("""
            ĐẢNG BỘ TỈNH YÊN BÁI
            KẾ HOẠCH
            Thực hiện Chỉ thị về phòng, chống dịch sốt xuất huyết
            I. NHIỆM VỤ
            1. Tổ chức phun hóa chất diệt muỗi tại các ổ dịch sốt xuất huyết trên địa bàn dân cư.
            2. Sở Y tế là cơ quan đầu mối, theo dõi, tổng hợp kết quả thực hiện Kế hoạch này.
            Phụ lục
            TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian
            1 | Tổ chức phun hóa chất diệt muỗi tại các ổ dịch sốt xuất huyết trên địa bàn dân cư | Các sở, ban, ngành | Quí III/2027
            """);
        Assert.Equal("so-yt", Item(p, "I.1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_read_a_party_body_written_with_its_kind_and_another_name_of_its_host()
    {
        // KH 3260-KH/ĐĐQH15: "a) Tổ đảng ở Thường trực Ủy ban KH,CN&MT"; here a department's party committee by its initials.
        var p = Parse("""
            KẾ HOẠCH
            II. PHÂN CÔNG
            1. Đảng ủy SYT
            - Quán triệt Nghị quyết đến các chi bộ trực thuộc trong Quý II/2027.
            2. Các thành viên Đảng ủy UBND tỉnh có trách nhiệm chỉ đạo thực hiện Kế hoạch này trong lĩnh vực được phân công.
            """);
        Assert.Equal("dang-uy-so-yt", Item(p, "II.1-1").Lead!.AgencyKey);
        Assert.Equal("dang-uy-ubnd", Item(p, "II.2").Lead!.AgencyKey);
    }

    [Theory]
    // Groups addressed together are the group holding both, which fans out to every member (the communes included).
    [InlineData("1. Các sở, ban, ngành, UBND các xã, phường tổ chức tuyên truyền Luật Phòng bệnh.", "so-ban-nganh-xa")]
    [InlineData("1. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường chủ động rà soát thủ tục hành chính.", "so-ban-nganh-xa")]
    // A commune committee named by its level is the communes' group.
    [InlineData("1. UBND cấp xã chủ trì kiểm tra việc khai thác cát trái phép trên địa bàn.", "ubnd-xa")]
    // A named agency leads what it does with a description of others.
    [InlineData("1. Công an tỉnh và các cơ quan tư pháp phối hợp xử lý nghiêm vi phạm.", "cong-an")]
    public void Should_read_a_group_addressee_as_the_group_that_fans_out(string line, string lead)
    {
        var p = Parse("KẾ HOẠCH\nII. NHIỆM VỤ\n" + line);
        Assert.Equal(lead, Item(p, "II.1").Lead!.AgencyKey);
    }

    [Fact]
    public void Should_read_the_departments_addressed_through_their_heads_as_the_departments_group()
    {
        // KH Lào Cai on Chỉ thị 11 writes "1. Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch …:" over dash bullets.
        var p = Parse("""
            KẾ HOẠCH
            IV. TỔ CHỨC THỰC HIỆN
            a) Giám đốc các sở, Thủ trưởng các ban, ngành:
            + Quán triệt Kế hoạch đến cán bộ, công chức trong Quý I/2027.
            b) Sở Tài chính: bố trí kinh phí.
            """);
        Assert.Equal("cac-so", p.Items.Single(i => i.Title.StartsWith("Quán triệt", StringComparison.Ordinal)).Lead!.AgencyKey);
    }

    [Theory]
    [InlineData("1. Các cơ quan chuyên môn thuộc UBND tỉnh chủ trì tổ chức tập huấn nghiệp vụ.")]
    [InlineData("1. Các đơn vị sự nghiệp công lập thuộc tỉnh xây dựng phương án tự chủ tài chính trong Quý III/2027.")]
    [InlineData("1. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì lập hồ sơ mời thầu.")]
    public void Should_never_resolve_a_body_the_province_lacks_to_its_own_peoples_committee(string line)
    {
        var p = Parse("KẾ HOẠCH\nII. NHIỆM VỤ\n" + line);
        Assert.NotEqual("ubnd-tinh", Item(p, "II.1").Lead?.AgencyKey);
    }
}

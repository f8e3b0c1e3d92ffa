using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Who leads, in the forms of issue 15 that the development corpus showed (docs/decisions/0009-drafting.md,
/// "Leads and addressees (issue 15, round 3)"): each form on constructed cases, with a national directory of
/// ministries and groups and a province's after the 2025 reorganisation. No database.
/// </summary>
public sealed class ReaderLeadsTests
{
    private static readonly string[] Ministries = ["bo-tc", "bo-ct", "bo-xd", "bo-nnmt", "bo-khcn"];

    private static readonly AgencyDirectory National = new("Việt Nam",
    [
        new DirectoryAgency(1, "vpcp", "Văn phòng Chính phủ", null, [], IsSecretariat: true),
        new DirectoryAgency(2, "bo-tc", "Bộ Tài chính", null, []),
        new DirectoryAgency(3, "bo-ct", "Bộ Công Thương", null, []),
        new DirectoryAgency(4, "bo-xd", "Bộ Xây dựng", null, []),
        new DirectoryAgency(5, "bo-nnmt", "Bộ Nông nghiệp và Môi trường", null, []),
        new DirectoryAgency(6, "bo-khcn", "Bộ Khoa học và Công nghệ", null, []),
        new DirectoryAgency(7, "nhnn", "Ngân hàng Nhà nước Việt Nam", null, []),
        new DirectoryAgency(8, "ubnd-a", "Ủy ban nhân dân tỉnh Lào Cai", null, []),
        new DirectoryAgency(9, "cac-bo", "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", null,
            ["các bộ, ngành", "Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ"], IsGroup: true, MemberKeys: Ministries),
        new DirectoryAgency(10, "cac-tinh", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", null, ["các địa phương"], IsGroup: true, MemberKeys: ["ubnd-a"]),
        new DirectoryAgency(12, "ttg", "Thủ tướng Chính phủ", null, []),
        new DirectoryAgency(11, "bo-nganh-dp", "Các bộ, ngành, địa phương", null, [], IsGroup: true, MemberKeys: [.. Ministries, "ubnd-a"]),
    ]);

    private static readonly AgencyDirectory Province = new("Lào Cai",
    [
        new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, [], IsSecretariat: true),
        new DirectoryAgency(9, "ubnd-tinh", "Ủy ban nhân dân tỉnh Lào Cai", null, ["UBND tỉnh"]),
        new DirectoryAgency(2, "so-tc", "Sở Tài chính", null, []),
        new DirectoryAgency(3, "so-xd", "Sở Xây dựng", null, []),
        new DirectoryAgency(4, "so-ct", "Sở Công Thương", null, []),
        new DirectoryAgency(5, "cong-an", "Công an tỉnh", null, []),
        new DirectoryAgency(6, "xa-1", "Ủy ban nhân dân xã Bảo Hà", null, []),
        new DirectoryAgency(7, "cac-so", "Các Sở, ban, ngành thuộc tỉnh", null, ["các Sở, ban, ngành"], IsGroup: true, MemberKeys: ["so-tc", "so-xd", "so-ct"]),
        new DirectoryAgency(8, "ubnd-xa", "Ủy ban nhân dân các xã, phường", null, ["UBND các xã, phường"], IsGroup: true, MemberKeys: ["xa-1"]),
    ]);

    private static Proposal Parse(string text, AgencyDirectory directory) => DraftParser.Parse(DraftInput.FromText(text), directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    private static string? Lead(Proposal p, string code) => Item(p, code).Lead?.AgencyKey;

    private static string[] Coordinating(Proposal p, string code) => Item(p, code).Coordinating.Select(c => c.AgencyKey ?? c.Name).ToArray();

    [Fact]
    public void Should_split_a_list_of_ministries_under_one_plural_head_into_each_ministry()
    {
        // CT 13/CT-TTg item 1 and QĐ 232/QĐ-TTg V.3 and V.4 write this form.
        var p = Parse("""
            CHỈ THỊ
            Về quản lý tín chỉ các-bon
            1. Các Bộ: Công Thương, Xây dựng, Nông nghiệp và Môi trường:
            a) Ban hành kế hoạch giảm phát thải của ngành.
            b) Chủ trì, phối hợp với các cơ quan liên quan tham mưu đàm phán.
            2. Các Bộ: Khoa học và Công nghệ, Tài chính, Ngân hàng Nhà nước Việt Nam
            a) Thực hiện các nhiệm vụ được giao tại Đề án.
            """, National);

        Assert.Equal("bo-ct", Lead(p, "1.a"));
        Assert.Equal("bo-ct", Lead(p, "1.b"));
        Assert.Equal(["bo-xd", "bo-nnmt"], Coordinating(p, "1"));
        Assert.Equal("bo-khcn", Lead(p, "2.a"));
        Assert.Equal(["bo-tc", "nhnn"], Coordinating(p, "2"));
    }

    [Fact]
    public void Should_split_a_list_of_provincial_departments_written_without_a_colon()
    {
        var p = Parse("""
            KẾ HOẠCH
            Kiểm tra khoáng sản
            II. NHIỆM VỤ
            1. Các Sở Tài chính, Xây dựng và Công Thương kiểm tra việc sử dụng khoáng sản làm vật liệu xây dựng.
            2. Sở Xây dựng công bố giá vật liệu.
            """, Province);

        Assert.Equal("so-tc", Lead(p, "II.1"));
        Assert.Equal(["so-xd", "so-ct"], Coordinating(p, "II.1"));
        Assert.Equal("so-xd", Lead(p, "II.2"));
    }

    [Fact]
    public void Should_give_the_items_under_a_heading_of_one_agencys_duties_to_that_agency()
    {
        // KH 09/KH-BTNMT "II. NHIỆM VỤ CHỦ YẾU CỦA BỘ …" and QĐ 419/QĐ-TTg "c) Trách nhiệm của Ủy ban nhân dân các tỉnh …".
        var p = Parse("""
            KẾ HOẠCH
            Triển khai Chỉ thị
            II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI CHÍNH
            1. Xây dựng Nghị định về thị trường các-bon.
            2. Phối hợp với Bộ Xây dựng hoàn thiện Đề án.
            III. TỔ CHỨC THỰC HIỆN
            1. Trách nhiệm của Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương
            - Tổ chức tuyên truyền tại địa phương.
            - Bố trí kinh phí thực hiện.
            """, National);

        Assert.Equal("bo-tc", Lead(p, "II.1"));
        Assert.Equal("bo-tc", Lead(p, "II.2"));
        Assert.Equal("cac-tinh", Lead(p, "III.1-1"));
        Assert.Equal("cac-tinh", Lead(p, "III.1-2"));
    }

    [Fact]
    public void Should_give_the_duties_common_to_a_letters_recipients_to_the_first_recipient()
    {
        // CV 5973/UBND-KT: "Kính gửi: - Các Sở, ban, ngành …; - Công an tỉnh; - …" then "1. Trách nhiệm chung của các cơ quan, đơn vị".
        var p = Parse("""
            ỦY BAN NHÂN DÂN TỈNH LÀO CAI
            Số: 5973/UBND-KT
            Kính gửi:
            - Các Sở, ban, ngành thuộc UBND tỉnh;
            - Công an tỉnh;
            - Ủy ban nhân dân các xã, phường.
            Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:
            1. Trách nhiệm chung của các cơ quan, đơn vị
            - Thực hiện thanh tra, kiểm tra có trọng tâm, trọng điểm.
            - Xử lý nghiêm các hành vi vi phạm.
            2. Sở Xây dựng
            - Công bố giá vật liệu xây dựng.
            """, Province);

        Assert.Equal("cac-so", Lead(p, "1-1"));
        Assert.Equal("cac-so", Lead(p, "1-2"));
        Assert.Equal(["cong-an", "ubnd-xa"], Coordinating(p, "1"));
        Assert.Equal("so-xd", Lead(p, "2-1"));
    }

    [Fact]
    public void Should_read_the_heads_of_ministries_and_of_provinces_addressed_together_as_the_group_holding_them_all()
    {
        // NQ 88/NQ-CP III.2 and CT 13/CT-TTg item 8: the heads' titles stand for their bodies.
        var p = Parse("""
            CHỈ THỊ
            Về khoáng sản
            1. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức triển khai Chỉ thị này.
            2. Bộ trưởng Bộ Công Thương căn cứ chức năng, nhiệm vụ theo dõi, đôn đốc việc thực hiện.
            """, National);

        Assert.Equal("bo-nganh-dp", Lead(p, "1"));
        Assert.Equal("bo-ct", Lead(p, "2"));
    }

    [Theory]
    // QĐ 419/QĐ-TTg: the ministry heading a list whose item leads the whole programme.
    [InlineData("6. Tổ chức thực hiện\na) Bộ Nông nghiệp và Môi trường:\n- Chủ trì, phối hợp với các bộ, ngành liên quan, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức triển khai thực hiện Chương trình.\n- Tổng kết giai đoạn 2021 - 2025.", "bo-nnmt")]
    // NQ 88/NQ-CP: the heads who carry out "các nhiệm vụ, giải pháp trong Chương trình" together.
    [InlineData("6. Tổ chức thực hiện\na) Trên cơ sở các nhiệm vụ, giải pháp trong Chương trình hành động này, Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ có liên quan, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương có trách nhiệm xây dựng kế hoạch tổ chức thực hiện.", "bo-nganh-dp")]
    public void Should_give_the_items_that_name_no_one_to_who_carries_out_the_programme(string implementation, string owner)
    {
        var p = Parse($"""
            CHƯƠNG TRÌNH HÀNH ĐỘNG
            Về khoáng sản
            5. Giải pháp
            - Tăng cường thanh tra, kiểm tra hoạt động khoáng sản.
            - Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý khoáng sản.
            - Bộ Xây dựng rà soát quy hoạch vật liệu xây dựng.
            {implementation}
            """, National);

        Assert.Equal(owner, Lead(p, "5-1"));
        Assert.Equal(AssigneeBasis.Addressee, Item(p, "5-1").Lead!.Basis);
        Assert.Equal(owner, Lead(p, "5-2"));
        Assert.Equal("bo-xd", Lead(p, "5-3"));
    }

    [Fact]
    public void Should_not_take_an_agency_that_only_coordinates_the_programme_as_its_owner()
    {
        // QĐ 232/QĐ-TTg V.6: "Phối hợp với các bộ, ngành triển khai thực hiện Đề án" gives the Đề án to no one.
        var p = Parse("""
            ĐỀ ÁN
            Về thị trường các-bon
            IV. NHIỆM VỤ
            1. Tăng cường thanh tra, kiểm tra hoạt động khoáng sản.
            V. TỔ CHỨC THỰC HIỆN
            1. Bộ Xây dựng
            - Phối hợp với các bộ, ngành triển khai thực hiện Đề án.
            """, National);

        Assert.Equal(AssigneeBasis.Secretariat, Item(p, "IV.1").Lead!.Basis);
    }

    [Fact]
    public void Should_propose_no_task_from_what_an_approving_article_describes()
    {
        // QĐ 1803/QĐ-TTg, QĐ 232/QĐ-TTg and QĐ 419/QĐ-TTg approve a project or scheme "với các nội dung sau".
        var p = Parse("""
            QUYẾT ĐỊNH
            Phê duyệt Đề án thị trường các-bon
            Điều 1. Phê duyệt Đề án thị trường các-bon với các nội dung như sau:
            I. THỊ TRƯỜNG CÁC-BON TẠI VIỆT NAM
            1. Hàng hóa trên thị trường gồm hạn ngạch và tín chỉ.
            2. Cơ quan chủ quản: Bộ Nông nghiệp và Môi trường.
            II. NHIỆM VỤ VÀ GIẢI PHÁP
            1. Bộ Tài chính xây dựng sàn giao dịch các-bon.
            Điều 2. Quyết định này có hiệu lực kể từ ngày ký.
            """, National);

        Assert.Equal(2, p.Items.Count);
        Assert.StartsWith("NHIỆM VỤ VÀ GIẢI PHÁP", p.Items.Single(i => i.IsGroup).Title, StringComparison.Ordinal);
        Assert.Equal("bo-tc", p.Items.Single(i => !i.IsGroup).Lead!.AgencyKey);
    }

    [Fact]
    public void Should_not_take_an_agency_that_a_task_studies_giving_work_to_as_its_lead()
    {
        // NQ 03/NQ-CP II.2.k: "Nghiên cứu phương án giao Bộ … quản lý …" is the addressees' study.
        var p = Parse("""
            CHƯƠNG TRÌNH HÀNH ĐỘNG
            Về khoa học, công nghệ
            Các bộ, ngành, địa phương thực hiện các nhiệm vụ sau:
            II. NHIỆM VỤ
            1. Nghiên cứu phương án giao Bộ Khoa học và Công nghệ quản lý trực tiếp các viện nghiên cứu.
            2. Giao Bộ Tài chính bố trí kinh phí.
            """, National);

        Assert.Equal("bo-nganh-dp", Lead(p, "II.1"));
        Assert.Equal("bo-tc", Lead(p, "II.2"));
    }

    [Fact]
    public void Should_read_a_table_cell_that_drops_the_plural_of_a_groups_name_as_the_group()
    {
        // NQ 03/NQ-CP Phụ lục II rows 9 and 12: "Bộ, ngành, địa phương".
        var p = Parse("""
            CHƯƠNG TRÌNH HÀNH ĐỘNG
            Về khoa học, công nghệ
            PHỤ LỤC
            | TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
            | --- | --- | --- | --- | --- |
            | 1. | Bố trí cán bộ có chuyên môn khoa học kỹ thuật. | Bộ, ngành, địa phương |  | 12/2025 |
            | 2. | Ban hành chương trình đào tạo. | Bộ Tài chính | Bộ, ngành | 12/2025 |
            """, National);

        var rows = p.Items.Where(i => !i.IsGroup).ToList();
        Assert.Equal(["bo-nganh-dp", "bo-tc"], rows.Select(i => i.Lead?.AgencyKey));
        Assert.Equal(["cac-bo"], rows[1].Coordinating.Select(c => c.AgencyKey));
    }

    [Fact]
    public void Should_give_a_row_with_no_lead_to_the_body_the_table_holds_responsible_for_it()
    {
        // QĐ 836/QĐ-BXD: "Cơ quan chịu trách nhiệm quản lý nhà nước" beside "Thực hiện: Đơn vị chủ trì | Đơn vị phối hợp";
        // the approval rows leave "Đơn vị chủ trì" empty and name "Thủ tướng Chính phủ" as responsible.
        var p = Parse("""
            KẾ HOẠCH
            Lập quy hoạch khoáng sản
            | Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm quản lý nhà nước | Đơn vị chủ trì | Đơn vị phối hợp |
            | 12/2019 | Trình phê duyệt nhiệm vụ lập quy hoạch | Bộ Xây dựng | Bộ Tài chính | Bộ Công Thương |
            | 01/2020 | Phê duyệt nhiệm vụ lập quy hoạch | Thủ tướng Chính phủ |  |  |
            """, National);

        var rows = p.Items.Where(i => !i.IsGroup).ToList();
        Assert.Equal(["bo-tc", "ttg"], rows.Select(i => i.Lead?.AgencyKey));
        Assert.All(rows, r => Assert.Equal(AssigneeBasis.Table, r.Lead!.Basis));
    }

    [Theory]
    [InlineData("(Chi tiết tại biểu kèm theo)")]
    [InlineData("Chi tiết theo bảng kèm theo Kế hoạch này.")]
    public void Should_propose_no_item_for_a_section_that_only_points_to_the_attached_table(string pointer)
    {
        // QĐ 836/QĐ-BXD "III. NỘI DUNG CHI TIẾT / (Chi tiết tại biểu kèm theo)", as "(Chi tiết tại Phụ lục kèm theo)" was.
        var p = Parse($"""
            KẾ HOẠCH
            Lập quy hoạch khoáng sản
            II. NHIỆM VỤ
            1. Bộ Xây dựng tổ chức lập quy hoạch.
            III. NỘI DUNG CHI TIẾT
            {pointer}
            | TT | Nội dung công việc | Đơn vị chủ trì | Thời gian |
            | 1 | Xây dựng khung định hướng | Bộ Tài chính | 11/2019 |
            """, National);

        Assert.DoesNotContain(p.Items, i => i.Code == "III");
        Assert.Equal(["bo-xd", "bo-tc"], p.Items.Where(i => !i.IsGroup).Select(i => i.Lead?.AgencyKey));
    }
}

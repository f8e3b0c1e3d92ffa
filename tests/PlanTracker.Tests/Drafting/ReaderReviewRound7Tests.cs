using System.Diagnostics;
using System.Text;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// The review of round 7's reader rules (decision 0009, "Round 7 — review"): a year before a dash is no percentage range,
/// "mỗi năm 01 lần" recurs, a recipients list misread by an OCR filters a list pointing back, a state plan naming the party
/// in its title is no party document; and long pastes read in time (each paragraph had looked through every other one).
/// The time bounds are loose for a shared machine (its load reached 38 on 2 cores): they catch a scan that hangs, not one
/// twice as slow; the measured times are written to the output. No database.
/// </summary>
public sealed class ReaderReviewRound7Tests(ITestOutputHelper output)
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private TimeSpan Time(string text)
    {
        Parse(text[..Math.Min(text.Length, 2000)]);
        var watch = Stopwatch.StartNew();
        var p = Parse(text);
        output.WriteLine($"{text.Length:N0} characters, {p.Items.Count} items in {watch.ElapsedMilliseconds} ms");
        return watch.Elapsed;
    }

    [Theory]
    [InlineData("Đến năm 2030 - 100% số xã đạt chuẩn nông thôn mới", 100)]
    [InlineData("Giai đoạn 2026 – 2030 - 90% hộ gia đình được dùng nước sạch", 90)]
    [InlineData("Phấn đấu khoảng 60 - 70% doanh nghiệp ứng dụng chuyển đổi số", 60)]
    [InlineData("Quý 2 - 50% hồ sơ được giải quyết trực tuyến toàn trình", 50)]
    [InlineData("Tháng 9 – 80% trường học có kết nối Internet cáp quang", 80)]
    [InlineData("Hàng năm 100% cán bộ chuyên trách được đào tạo, bồi dưỡng", 100)]
    public void Should_not_read_a_year_or_a_quarter_before_a_dash_as_the_lower_end_of_a_percentage_range(string text, decimal value)
    {
        var found = TargetPhrases.Find(text);
        Assert.True(found.Count == 1 && found[0].Value == value, string.Join(" | ", found.Select(f => $"{f.Value} {f.Unit} '{f.Indicator}'")));
    }

    [Fact]
    public void Should_give_a_list_pointing_back_to_those_named_before_it_that_an_ocr_recipients_list_also_names()
    {
        var directory = new AgencyDirectory("Yên Bái",
        [
            new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, ["Văn phòng UBND tỉnh"], IsSecretariat: true),
            new DirectoryAgency(3, "so-yt", "Sở Y tế", null, []),
            new DirectoryAgency(5, "so-ct", "Sở Công Thương", null, []),
            new DirectoryAgency(6, "cong-an", "Công an tỉnh", null, []),
            new DirectoryAgency(10, "cty-minh-long", "Công ty TNHH Minh Long", null, []),
            new DirectoryAgency(12, "htx-tan-phu", "Hợp tác xã Tân Phú", null, []),
        ]);
        // The inspecting team's members are named first; the OCR read "Nơi nhận:" as "Noi nhạn:".
        var p = DraftParser.Parse(DraftInput.FromText("""
            SỞ Y TẾ
            THÔNG BÁO
            Kết quả kiểm tra an toàn thực phẩm
            Đoàn kiểm tra liên ngành gồm Công an tỉnh và Sở Công Thương đã kiểm tra tại Công ty TNHH Minh Long và Hợp tác xã Tân Phú.
            Sở Y tế đề nghị các doanh nghiệp trên thực hiện các nội dung sau:
            1. Bổ sung hồ sơ nguồn gốc nguyên liệu trước ngày 30/6/2026.
            2. Tổ chức khám sức khỏe cho người lao động trực tiếp chế biến.
            Noi nhạn:
            - Công ty TNHH Minh Long;
            - Hợp tác xã Tân Phú;
            - Lưu: VT.
            """), directory);

        foreach (var item in p.Items.Where(i => !i.IsGroup))
            Assert.True(item.Lead?.AgencyKey == "cty-minh-long", string.Join(" | ", p.Items.Select(i => $"{i.Code} {i.Title} {i.Lead?.AgencyKey}")));
    }

    [Theory]
    [InlineData("Tổ chức kiểm tra an toàn hồ đập mỗi năm 01 lần tại các xã", true)]
    [InlineData("Định kỳ mỗi năm ít nhất 02 đợt, Sở Y tế kiểm tra các cơ sở", true)]
    [InlineData("Phấn đấu tỷ lệ hộ nghèo giảm bình quân mỗi năm 1,5%", false)]
    public void Should_read_a_count_of_times_after_each_year_as_a_recurrence_and_a_quantity_as_a_rate(string text, bool recurs)
    {
        var found = DeadlinePhrases.Find(text);
        Assert.True(found.Any(f => f.Deadline.Kind == DeadlineKind.RecurringYearly) == recurs, string.Join(" | ", found.Select(f => $"{f.Deadline.Kind} '{f.Deadline.Text}'")));
    }

    [Fact]
    public void Should_not_take_a_state_plan_that_names_the_party_in_its_title_for_a_party_document()
    {
        var directory = new AgencyDirectory("Yên Bái",
        [
            new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, ["Văn phòng UBND tỉnh"], IsSecretariat: true),
            new DirectoryAgency(2, "ubnd-tinh", "Ủy ban nhân dân tỉnh Yên Bái", null, ["UBND tỉnh", "Ủy ban nhân dân tỉnh"]),
            new DirectoryAgency(7, "dang-uy-ubnd", "Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy UBND tỉnh", []),
        ]);
        const string Items = """
            I. NỘI DUNG
            1. Treo cờ, băng rôn tuyên truyền tại các tuyến phố chính trước ngày 25/01/2026.
            2. Tổ chức gặp mặt cán bộ lão thành cách mạng.
            """;
        var state = DraftParser.Parse(DraftInput.FromText("""
            ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
            CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            KẾ HOẠCH
            Tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026)
            """ + "\n" + Items), directory);
        var party = DraftParser.Parse(DraftInput.FromText("""
            TỈNH ỦY YÊN BÁI
            ĐẢNG CỘNG SẢN VIỆT NAM
            KẾ HOẠCH
            Tổ chức các hoạt động kỷ niệm 96 năm Ngày thành lập Đảng
            """ + "\n" + Items), directory);

        Assert.All(state.Items.Where(i => !i.IsGroup), i => Assert.Equal("vp-ubnd", i.Lead?.AgencyKey));
        Assert.All(party.Items.Where(i => !i.IsGroup), i => Assert.Equal("dang-uy-ubnd", i.Lead?.AgencyKey));
    }

    /// <summary>Rows of a pasted table whose numbers open lines without their dots ("12 Sở Tài chính …"): no OCR item number.</summary>
    [Fact]
    public void Should_read_a_long_paste_of_undotted_numbered_lines_without_hanging()
    {
        var text = new StringBuilder("KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\nI. NHIỆM VỤ\n1. Sở Nội vụ chủ trì tổng hợp.\n\n");
        for (var k = 0; text.Length < 100_000; k++)
            text.Append($"{k % 40 + 3} Sở Tài chính rà soát định mức chi số {k} của các đơn vị trong tỉnh\n\n");
        Assert.True(Time(text.ToString()) < TimeSpan.FromSeconds(60));
    }
}

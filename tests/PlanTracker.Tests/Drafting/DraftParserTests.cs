using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using PlanTracker.Core.Common;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>The parser's rules one by one, on text written for the test (no database).</summary>
public sealed class DraftParserTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedItem Item(Proposal p, string code) => p.Items.Single(i => i.Code == code);

    [Theory]
    [InlineData("Hoàn thiện cơ sở dữ liệu dân cư trong tháng 12 năm 2025.", DeadlineKind.Month, "2025-12-31")]
    [InlineData("Đưa hệ thống vào vận hành Quý IV-2025.", DeadlineKind.Quarter, "2025-12-31")]
    [InlineData("Báo cáo kết quả trước ngày 20 hằng tháng.", DeadlineKind.RecurringMonthly, null)]
    [InlineData("Tổng hợp số liệu trước ngày 01/6 và 15/11 hằng năm.", DeadlineKind.RecurringYearly, null)]
    [InlineData("Xây dựng kho dữ liệu mở, hoàn thành trong năm 2025.", DeadlineKind.Year, "2025-12-31")]
    [InlineData("Phủ sóng 5G toàn tỉnh trước 31/12/2026.", DeadlineKind.Date, "2026-12-31")]
    [InlineData("Rà soát quy trình định kỳ 06 tháng, hàng năm hoặc đột xuất.", DeadlineKind.RecurringHalfYearly, null)]
    [InlineData("Tổng hợp, báo cáo định kỳ hoặc đột xuất.", DeadlineKind.AdHoc, null)]
    [InlineData("Thường xuyên cập nhật thông tin trên cổng.", DeadlineKind.Continuous, null)]
    [InlineData("Năm 2025, kiểm tra hạ tầng; giai đoạn 2026-2027 hoàn thiện phủ sóng.", DeadlineKind.Period, "2027-12-31")]
    public void Should_read_the_deadline_phrases_real_documents_use(string sentence, DeadlineKind kind, string? dueOn)
    {
        var p = Parse($"KẾ HOẠCH\nChuyển đổi số\n\nII. NHIỆM VỤ\n1. Sở Nội vụ chủ trì. {sentence}");

        var d = Item(p, "II.1").Deadline!;

        Assert.Equal(kind, d.Kind);
        Assert.Equal(dueOn is null ? null : DateOnly.Parse(dueOn), d.DueOn);
        Assert.False(d.Inherited);
    }

    [Fact]
    public void Should_not_take_cited_documents_dates_or_the_start_of_a_period_as_deadlines()
    {
        var p = Parse("""
            KẾ HOẠCH
            Ứng dụng công nghệ thông tin

            II. NHIỆM VỤ
            1. Triển khai Quyết định số 123/QĐ-UBND ngày 10/3/2024 của UBND tỉnh.
            2. Từ năm 2025 tiếp tục duy trì mạng truyền số liệu chuyên dùng.
            3. Trình ban hành Kế hoạch thực hiện Nghị quyết số 17/NQ-CP về Chính phủ điện tử giai đoạn 2019-2020, định hướng đến 2025.
            """);

        Assert.All(p.Items.Where(i => !i.IsGroup), i => Assert.Equal(DeadlineKind.Unspecified, i.Deadline!.Kind));
    }

    [Fact]
    public void Should_let_an_item_without_a_time_inherit_its_sections_and_say_from_where()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số năm 2025

            II. NHIỆM VỤ
            1. Thường xuyên tổ chức tập huấn, cụ thể:
            - Tập huấn kỹ năng số cho cán bộ;
            - Tập huấn an toàn thông tin theo lộ trình.
            2. Khẩn trương rà soát hạ tầng.
            3. Nâng cấp cổng thông tin.
            """);

        Assert.Equal((DeadlineKind.Continuous, true, "II.1"), Deadline(Item(p, "II.1-1")));
        Assert.Equal((DeadlineKind.Continuous, true, "II.1"), Deadline(Item(p, "II.1-2")));
        Assert.Equal((DeadlineKind.Unspecified, false, null), Deadline(Item(p, "II.2"))); // "khẩn trương" is its own, undated
        Assert.Equal((DeadlineKind.Year, true, "document"), Deadline(Item(p, "II.3"))); // the plan's year, from its title
    }

    [Fact]
    public void Should_read_lead_and_coordinating_agencies_from_sentences_headings_groups_and_aliases()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            III. NHIỆM VỤ CỤ THỂ
            1. Sở TT&TT chủ trì, phối hợp với Sở Nội vụ và VP UBND tỉnh triển khai phần mềm một cửa.
            2. Giao Sở Kế hoạch và Đầu tư hướng dẫn các chủ đầu tư.
            3. Sở Tài chính: Hướng dẫn lập dự toán chi thường xuyên.
            4. Các sở, ban, ngành, UBND các huyện, thành phố, thị xã căn cứ chức năng xây dựng kế hoạch.
            5. Văn phòng UBND tỉnh
            a) Kết nối phần mềm quản lý văn bản với Văn phòng Chính phủ.
            b) Phối hợp với STTTT cập nhật cổng thông tin.
            """);

        Assert.Equal(("vinh-phuc/so-tttt", AssigneeBasis.Named), Lead(Item(p, "III.1")));
        Assert.Equal(["vinh-phuc/so-noi-vu", "vinh-phuc/vp-ubnd"], Item(p, "III.1").Coordinating.Select(c => c.AgencyKey));
        Assert.Equal(("vinh-phuc/so-khdt", AssigneeBasis.Named), Lead(Item(p, "III.2")));
        Assert.Equal(("vinh-phuc/so-tai-chinh", AssigneeBasis.Named), Lead(Item(p, "III.3")));
        Assert.Equal(("vinh-phuc/cac-so-ban-nganh-dia-phuong", AssigneeBasis.Named), Lead(Item(p, "III.4")));
        Assert.True(Item(p, "III.5").IsGroup);
        Assert.Equal(("vinh-phuc/vp-ubnd", AssigneeBasis.Heading), Lead(Item(p, "III.5.a")));
        Assert.Equal(("vinh-phuc/vp-ubnd", AssigneeBasis.Heading), Lead(Item(p, "III.5.b")));
        Assert.Equal(["vinh-phuc/so-tttt"], Item(p, "III.5.b").Coordinating.Select(c => c.AgencyKey));
    }

    [Fact]
    public void Should_offer_a_name_the_province_does_not_have_as_an_unknown_agency()
    {
        var p = Parse("""
            KẾ HOẠCH
            Du lịch thông minh

            II. NHIỆM VỤ
            1. Sở Du lịch chủ trì xây dựng ứng dụng du lịch thông minh.
            2. Trung tâm Xúc tiến du lịch
            - Quảng bá điểm đến trên nền tảng số.
            """);

        var unknown = p.UnknownAgencies.Select(u => u.Name).ToList();
        Assert.Equal(["Sở Du lịch", "Trung tâm Xúc tiến du lịch"], unknown);
        Assert.Equal("Sở Du lịch", Item(p, "II.1").Lead!.Name);
        Assert.Null(Item(p, "II.1").Lead!.AgencyId);
        Assert.Equal(p.UnknownAgencies[1].Id, Item(p, "II.2-1").Lead!.UnknownId);
    }

    [Fact]
    public void Should_read_targets_with_their_indicator_comparison_and_unit()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            II. CHỈ TIÊU
            1. Tỷ lệ hồ sơ trực tuyến mức độ 3 từ 30% trở lên, mức độ 4 từ 20% trở lên và tăng tối thiểu 10%/năm.
            2. Tăng tỷ lệ thuê bao Internet/100 dân đạt trên 50 thuê bao.
            3. Cán bộ truy cập hộp thư ít nhất 01 lần/ngày; mỗi đơn vị có tối thiểu 01 cán bộ chuyên trách.
            4. Chi phí không quá 5% tổng kinh phí; đạt 100% cơ quan có mạng nội bộ.
            5. Đài Phát thanh - Truyền hình tỉnh hàng tuần có chuyên mục về chuyển đổi số.
            """);

        Assert.Equal(["AtLeast 30 Percent", "AtLeast 20 Percent", "AtLeast 10 PercentPerYear"], Targets(Item(p, "II.1")));
        Assert.Equal(["MoreThan 50 PerHundredInhabitants"], Targets(Item(p, "II.2")));
        Assert.Equal(["AtLeast 1 TimesPerDay", "AtLeast 1 Count"], Targets(Item(p, "II.3")));
        Assert.Equal(["AtMost 5 Percent", "AtLeast 100 Percent"], Targets(Item(p, "II.4")));
        Assert.Equal(["AtLeast 1 Other"], Targets(Item(p, "II.5")));
        Assert.StartsWith("Tỷ lệ cơ quan có mạng nội bộ", Item(p, "II.4").Targets[1].Indicator);
    }

    [Fact]
    public void Should_number_items_in_the_documents_own_numbering_and_skip_sections_that_assign_nothing()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số năm 2025

            I. MỤC ĐÍCH, YÊU CẦU
            1. Mục đích: nâng cao nhận thức.
            II. NHIỆM VỤ VÀ GIẢI PHÁP
            1. Hạ tầng
            1.1. Về mạng truyền số liệu
            a) Nâng cấp đường truyền.
            đ) Mở rộng mạng.
            - Kết nối cấp xã;
            + Trụ sở UBND xã;
            + Nhà văn hoá thôn.
            Ngoài ra, bảo đảm an toàn thông tin.
            2. Nội dung phân công: (Chi tiết tại phụ lục kèm theo)
            III. KINH PHÍ THỰC HIỆN
            1. Ngân sách tỉnh.
            IV. TỔ CHỨC THỰC HIỆN
            Sở Nội vụ kiểm tra việc thực hiện.

            Sở Tài chính bố trí kinh phí hàng năm.

            Thủ trưởng các cơ quan, đơn vị căn cứ kế hoạch thực hiện./.
            """);

        Assert.Equal(["II", "II.1", "II.1.1", "II.1.1.a", "II.1.1.đ", "II.1.1.đ-1", "II.1.1.đ-1+1", "II.1.1.đ-1+2", "II.1.1.đ-2", "IV", "IV-1", "IV-2"],
            p.Items.Select(i => i.Code));
        Assert.Equal("Ngoài ra, bảo đảm an toàn thông tin.", Item(p, "II.1.1.đ-2").Title);
        Assert.Equal(DeadlineKind.RecurringYearly, Item(p, "IV-2").Deadline!.Kind);
    }

    [Fact]
    public void Should_join_the_lines_of_hard_wrapped_text_back_into_paragraphs()
    {
        var wrapped = string.Join("\n", Enumerable.Range(1, 6).Select(i => $"""
            {i}. Sở Thông tin và Truyền thông chủ trì triển
            khai nhiệm vụ số {i} về chuyển đổi số cho các cơ quan nhà nước trên địa bàn
            tỉnh, bảo đảm an toàn thông tin, hoàn thành trong năm 2025.
            """));
        var p = Parse("KẾ HOẠCH\nChuyển đổi số\nII. NHIỆM VỤ\n" + wrapped);

        Assert.Equal(6, p.Items.Count(i => !i.IsGroup));
        Assert.All(p.Items.Where(i => !i.IsGroup), i =>
        {
            Assert.EndsWith("hoàn thành trong năm 2025.", i.Title);
            Assert.Equal(DeadlineKind.Year, i.Deadline!.Kind);
        });
    }

    [Theory]
    [InlineData('|')]
    [InlineData('\t')]
    public void Should_read_an_assignment_table_written_as_text(char separator)
    {
        string Row(params string[] cells) => separator == '|' ? "| " + string.Join(" | ", cells) + " |" : string.Join("\t", cells);
        var text = string.Join("\n",
            "KẾ HOẠCH", "Chuyển đổi số", "", "PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ",
            Row("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành"),
            Row("I", "Hạ tầng số", "", "", ""),
            Row("1", "Nâng cấp trung tâm dữ liệu", "Sở TT&TT", "Sở Tài chính; Sở Nội vụ", "Quý III năm 2025"),
            Row("2", "Phủ sóng 5G đạt 100% thôn", "Viettel Vĩnh Phúc", "", "trong năm 2026"),
            Row("II", "Dữ liệu số", "", "", ""),
            Row("1", "Số hoá hồ sơ", "Sở Du lịch", "", "thường xuyên"));

        var p = Parse(text);

        Assert.Equal(["PL", "PL.I", "PL.I.1", "PL.I.2", "PL.II", "PL.II.1"], p.Items.Select(i => i.Code));
        Assert.Equal(("vinh-phuc/so-tttt", AssigneeBasis.Table), Lead(Item(p, "PL.I.1")));
        Assert.Equal(["vinh-phuc/so-tai-chinh", "vinh-phuc/so-noi-vu"], Item(p, "PL.I.1").Coordinating.Select(c => c.AgencyKey));
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2025, 9, 30)), (Item(p, "PL.I.1").Deadline!.Kind, Item(p, "PL.I.1").Deadline!.DueOn));
        Assert.Equal("vinh-phuc/viettel-vinh-phuc", Item(p, "PL.I.2").Lead!.AgencyKey);
        Assert.Equal(["AtLeast 100 Percent"], Targets(Item(p, "PL.I.2")));
        Assert.Equal("Sở Du lịch", Assert.Single(p.UnknownAgencies).Name);
        Assert.True(Item(p, "PL.II").IsGroup);
    }

    [Fact]
    public void Should_read_paragraphs_with_words_automatic_numbering_and_tables_from_a_docx()
    {
        var bytes = Docx();

        var source = DraftInput.FromFile("ke-hoach.docx", new MemoryStream(bytes));
        var p = DraftParser.Parse(source, Directory);

        Assert.Contains("1. Phát triển hạ tầng số", source.Text);
        Assert.Contains("a) Sở Thông tin và Truyền thông chủ trì", source.Text);
        Assert.Equal(["II", "II.1", "II.1.a", "II.1.b", "PL", "PL.1", "PL.2"], p.Items.Select(i => i.Code));
        Assert.Equal("vinh-phuc/so-tttt", Item(p, "II.1.a").Lead!.AgencyKey);
        Assert.Equal((DeadlineKind.Month, new DateOnly(2025, 12, 31)), (Item(p, "II.1.a").Deadline!.Kind, Item(p, "II.1.a").Deadline!.DueOn));
        Assert.Equal(("vinh-phuc/so-noi-vu", DeadlineKind.Year), (Item(p, "PL.2").Lead!.AgencyKey, Item(p, "PL.2").Deadline!.Kind));
        Assert.Equal(["vinh-phuc/so-tai-chinh", "vinh-phuc/so-noi-vu"], Item(p, "PL.1").Coordinating.Select(c => c.AgencyKey));
    }

    [Fact]
    public void Should_read_a_plan_that_labels_each_tasks_lead_partners_deadline_and_product()
    {
        const string text = """
            ỦY BAN NHÂN DÂN
            TỈNH ĐẮK LẮK

            Số: 45/KH-UBND

            Đắk Lắk, ngày 20 tháng 02 năm 2023

            KẾ HOẠCH
            Chuyển đổi số tỉnh Đắk Lắk năm 2023

            Thực hiện Nghị quyết số 36a/NQ-CP ngày 14/10/2015 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:

            I. MỤC TIÊU
            1. Mục tiêu chung: phát triển chính quyền số.
            2. Mục tiêu cụ thể: 80% hồ sơ được xử lý trực tuyến.

            II. NHIỆM VỤ TRỌNG TÂM
            1. Nâng cấp Trung tâm dữ liệu tỉnh
            - Cơ quan chủ trì: Sở TT&TT
            - Cơ quan phối hợp: Sở Tài chính, Sở Kế hoạch và Đầu tư
            - Thời gian hoàn thành: Quý III/2023
            - Sản phẩm: Trung tâm dữ liệu được nâng cấp
            2. Số hoá hồ sơ hành chính
            - Cơ quan chủ trì: VP UBND tỉnh
            - Cơ quan phối hợp: các Sở, ban, ngành
            - Thời gian thực hiện: trong năm 2023
            3. Đào tạo kỹ năng số cho cán bộ, công chức, bảo đảm 100% cán bộ được tập huấn.
            - Đơn vị chủ trì: Sở Nội vụ
            - Thời hạn: hằng năm

            III. TỔ CHỨC THỰC HIỆN
            1. Sở Thông tin và Truyền thông theo dõi, đôn đốc, tổng hợp báo cáo UBND tỉnh định kỳ 06 tháng.
            2. Các sở, ban, ngành, UBND các huyện, thị xã, thành phố xây dựng kế hoạch chi tiết trước ngày 31/3/2023.
            """;
        var c = SeedDocuments.Named("dak-lak-168");

        var p = DraftParser.Parse(DraftInput.FromText(text), SeedDocuments.Directory(c.Province));

        Assert.Equal(("45/KH-UBND", DocumentKind.Plan, new DateOnly(2023, 2, 20)), (p.Document.Number, p.Document.Kind, p.Document.IssuedOn));
        Assert.Equal("36a/NQ-CP", Assert.Single(p.Document.Implements).Number);
        Assert.Equal(["II", "II.1", "II.2", "II.3", "III", "III.1", "III.2"], p.Items.Select(i => i.Code));
        var first = Item(p, "II.1");
        Assert.Equal(("dak-lak/so-tttt", AssigneeBasis.Named), Lead(first));
        Assert.Equal(["dak-lak/so-tai-chinh", "dak-lak/so-kh-dt"], first.Coordinating.Select(a => a.AgencyKey));
        Assert.Equal((DeadlineKind.Quarter, new DateOnly(2023, 9, 30)), (first.Deadline!.Kind, first.Deadline.DueOn));
        Assert.Equal("Trung tâm dữ liệu được nâng cấp", first.ExpectedOutput);
        Assert.Equal("Nâng cấp Trung tâm dữ liệu tỉnh", first.Title);
        Assert.Equal(("dak-lak/vp-ubnd-tinh", DeadlineKind.Year), (Item(p, "II.2").Lead!.AgencyKey, Item(p, "II.2").Deadline!.Kind));
        Assert.Equal(["dak-lak/cac-so-ban-nganh"], Item(p, "II.2").Coordinating.Select(a => a.AgencyKey));
        Assert.Equal(("dak-lak/so-noi-vu", DeadlineKind.RecurringYearly), (Item(p, "II.3").Lead!.AgencyKey, Item(p, "II.3").Deadline!.Kind));
        Assert.Equal(["AtLeast 100 Percent"], Targets(Item(p, "II.3")));
        Assert.Equal(("dak-lak/so-tttt", DeadlineKind.RecurringHalfYearly), (Item(p, "III.1").Lead!.AgencyKey, Item(p, "III.1").Deadline!.Kind));
        // "Các sở, ban, ngành, UBND các huyện, …" is one joint subject: the group holding both (issue 15's fan-out).
        Assert.Equal(("dak-lak/cac-so-ban-nganh-va-ubnd-cap-huyen", new DateOnly(2023, 3, 31)), (Item(p, "III.2").Lead!.AgencyKey, Item(p, "III.2").Deadline!.DueOn));
        Assert.Empty(Item(p, "III.2").Coordinating);
    }

    [Fact]
    public void Should_give_every_item_a_span_that_holds_its_words()
    {
        var c = SeedDocuments.Named("dak-nong-671a");
        var source = DraftInput.FromText(c.Text);
        var p = DraftParser.Parse(source, SeedDocuments.Directory(c.Province));

        foreach (var item in p.Items)
        {
            var span = source.Text[item.Span!.Start..item.Span.End].Replace('\n', ' ');
            var firstWords = string.Join(' ', item.Title.Split(' ').Take(3));
            Assert.True(span.Contains(firstWords, StringComparison.Ordinal) || item.Lead?.Basis == AssigneeBasis.Heading, $"{item.Code}: '{firstWords}' not in '{span[..Math.Min(80, span.Length)]}'");
            if (item.Deadline is { Inherited: false, Span: { } ds } d && d.Kind != DeadlineKind.Unspecified)
                Assert.Equal(d.Text.ToLowerInvariant(), source.Text[ds.Start..ds.End].Replace('\n', ' ').ToLowerInvariant());
        }
    }

    [Fact]
    public void Should_refuse_what_is_not_a_vietnamese_documents_text_naming_the_problem()
    {
        // Read in English: the Vietnamese wording of these refusals is what the page tests check.
        var saved = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en-US");
        try { RefusalsNameTheProblem(); }
        finally { System.Globalization.CultureInfo.CurrentUICulture = saved; }
    }

    private static void RefusalsNameTheProblem()
    {
        Assert.Contains("empty", Assert.Throws<RuleViolationException>(() => DraftInput.FromText(" ")).Message);
        Assert.Contains("Cyrillic", Assert.Throws<RuleViolationException>(() => DraftInput.FromText("Кế hoạch план план план")).Message);
        Assert.Contains("encrypted", Assert.Throws<RuleViolationException>(() =>
            DraftInput.FromFile("x.docx", new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 9, 9]))).Message);
    }

    private static (DeadlineKind, bool, string?) Deadline(ProposedItem i) => (i.Deadline!.Kind, i.Deadline.Inherited, i.Deadline.From);

    private static (string?, AssigneeBasis) Lead(ProposedItem i) => (i.Lead?.AgencyKey, i.Lead!.Basis);

    private static List<string> Targets(ProposedItem i) => i.Targets.Select(t => $"{t.Comparison} {t.Value:0.##} {t.Unit}").ToList();

    /// <summary>A Word file whose items are numbered by Word (1., a)) rather than typed, with an assignment table.</summary>
    public static byte[] Docx()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var numbering = main.AddNewPart<NumberingDefinitionsPart>();
            numbering.Numbering = new W.Numbering(
                new W.AbstractNum(
                    new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.Decimal }, new W.LevelText { Val = "%1." }) { LevelIndex = 0 },
                    new W.Level(new W.StartNumberingValue { Val = 1 }, new W.NumberingFormat { Val = W.NumberFormatValues.LowerLetter }, new W.LevelText { Val = "%2)" }) { LevelIndex = 1 })
                { AbstractNumberId = 1 },
                new W.NumberingInstance(new W.AbstractNumId { Val = 1 }) { NumberID = 7 });
            W.Paragraph Numbered(string text, int level) => new(
                new W.ParagraphProperties(new W.NumberingProperties(new W.NumberingLevelReference { Val = level }, new W.NumberingId { Val = 7 })),
                new W.Run(new W.Text(text)));
            W.Paragraph Plain(string text) => new(new W.Run(new W.Text(text)));
            W.TableRow Row(params string[] cells) => new(cells.Select(c => new W.TableCell(c.Split('\n').Select(Plain))));
            main.Document = new W.Document(new W.Body(
                Plain("KẾ HOẠCH"), Plain("Chuyển đổi số năm 2025"),
                Plain("II. NHIỆM VỤ"),
                Numbered("Phát triển hạ tầng số", 0),
                Numbered("Sở Thông tin và Truyền thông chủ trì nâng cấp trung tâm dữ liệu trong tháng 12 năm 2025.", 1),
                Numbered("Sở Nội vụ chủ trì đào tạo kỹ năng số cho cán bộ.", 1),
                Plain("PHỤ LỤC"),
                new W.Table(
                    Row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
                    Row("1", "Xây dựng kho dữ liệu mở", "Sở TT&TT", "Sở Tài chính\nSở Nội vụ", "Quý II năm 2025"),
                    Row("2", "Số hoá hồ sơ cán bộ", "Sở Nội vụ", "", "Năm 2025"))));
        }
        return stream.ToArray();
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;
using Xunit.Abstractions;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Issue 15 asks for text pasted "from Word, from a PDF viewer, and from a web page". Every document of every set
/// (seeds, corpus, the three held-out sets) is re-laid out the way each of those pastes lays it out — same words,
/// other line breaks, bullets, spacing and line endings — and scored against the same gold. A rule that reads one
/// layout only shows up here as a drop, on documents and layouts nobody tuned for; the report
/// (drafting-accuracy.layouts.txt) gives each layout's pooled F1 beside the documents as found.
/// </summary>
public sealed partial class PastedLayoutsTests(ITestOutputHelper output)
{
    /// <summary>
    /// The most a layout may cost, pooled, in F1 on any field against the documents as found: measured on 2026-12-07
    /// plus a margin (decision 0030). Word's costs at most 0.004; a web page's 0.019; a PDF viewer's 0.022 since round 7
    /// read the paragraphs only indentation told apart (h05, h03), what is left being tables whose cells only a blank line
    /// or an indent delimits (t02, t03, bac-kan), so its allowance is 0.025. A rule that reads only the layout it was
    /// written from fails here; lower an allowance as the reader learns a layout, never raise it to let a rule in.
    /// </summary>
    private static readonly Dictionary<string, double> Allowed = new()
    {
        ["from Word"] = 0.01, ["from a PDF viewer"] = 0.025, ["from a web page"] = 0.03,
        ["(blank lines only)"] = 0.03, ["(• ◦ bullets only)"] = 0.01,
    };

    public static IReadOnlyList<SeedDocuments.Case> EveryDocument =>
    [
        .. SeedDocuments.All, .. CorpusDocuments.All,
        .. CorpusDocuments.Load(HeldOutAccuracyTests.Folder), .. CorpusDocuments.Load(HeldOutAccuracyTests.UnseenFolder),
        .. CorpusDocuments.Load(HeldOutAccuracyTests.Unseen3Folder),
    ];

    private static readonly (string Name, Func<string, string> Lay)[] Layouts =
    [
        ("from Word", FromWord),
        ("from a PDF viewer", FromPdfViewer),
        ("from a web page", FromWebPage),
        // The web page's two changes apart, so that a drop names its cause.
        ("(blank lines only)", text => string.Join("\n", Paragraphed(Plain(text)))),
        ("(• ◦ bullets only)", text => string.Join("\n", Plain(text).Select(line => Bullet().Replace(line, m => m.Groups[1].Value + (m.Groups[2].Value == "+" ? "◦ " : "• "))))),
    ];

    [Fact]
    public void Should_read_the_same_documents_pasted_from_Word_a_PDF_viewer_or_a_web_page_about_as_well_as_found()
    {
        var documents = EveryDocument;
        var found = documents.Select(c => DraftAccuracy.Measure(c.Name, SeedDocuments.Parse(c), c.Gold)).ToList();
        var asFound = DraftAccuracy.Pool("as found", found);
        var rows = new List<DocumentScore> { asFound };
        var worse = new List<string>();
        var perDocument = new StringBuilder();
        var differences = new List<string>();
        foreach (var (name, lay) in Layouts)
        {
            var scores = documents.Select(c => DraftAccuracy.Measure(c.Name, SeedDocuments.Parse(c with { Text = lay(c.Text) }), c.Gold)).ToList();
            var pooled = DraftAccuracy.Pool(name, scores);
            rows.Add(pooled);
            worse.AddRange(Drops(asFound, pooled).Where(d => d.Drop > Allowed[name]).Select(d => $"{name}: {d.Field} {d.Drop:0.000}"));
            // What a layout changes, for whoever makes the reader read it: the differences the document as found does not have.
            foreach (var (s, f) in scores.Zip(found))
                differences.AddRange(s.Differences.Except(f.Differences).Select(d => $"{name} | {s.Document} | {d.Trim()}"));
            foreach (var (s, f) in scores.Zip(found).Where(p => Drops(p.Second, p.First).Any(d => d.Drop > 0.05)))
                perDocument.AppendLine($"{name,-20} {s.Document,-50} " + string.Join(" ", Drops(f, s).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Field} {-d.Drop:+0.000;-0.000;0}"))));
        }

        var report = $"Pasted layouts: the {documents.Count} documents of every set re-laid out as each paste gives them, scored against the same gold (pooled; allowed drops: {string.Join(", ", Allowed.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value:0.0##}")))})"
            + Environment.NewLine + DraftAccuracy.Table(rows)
            + Environment.NewLine + "Documents that lose more than 0.05 of F1 on a field in a layout (the change of each field):" + Environment.NewLine + perDocument;
        output.WriteLine(report);
        AccuracyReport.Write("layouts", report.TrimEnd());
        File.WriteAllLines(Path.Combine(AppContext.BaseDirectory, "drafting-accuracy.layouts-differences.txt"), differences);

        Assert.Empty(worse);
    }

    [Fact]
    public void Should_lay_a_text_out_as_each_paste_does_without_changing_its_words()
    {
        const string text = "**I. NHIỆM VỤ**\n\n1. Sở Nội vụ chủ trì xây dựng kế hoạch chuyển đổi số của tỉnh giai đoạn 2026 - 2030, trình UBND tỉnh trước 31/12/2026.\n- Thời gian: Quý III/2026.\n| TT | Nhiệm vụ |";

        var word = FromWord(text);
        var pdf = FromPdfViewer(text);
        var web = FromWebPage(text);

        Assert.Equal("I.\tNHIỆM VỤ\r\n\r\n1.\tSở Nội vụ chủ trì xây dựng kế hoạch chuyển đổi số của tỉnh giai đoạn 2026 - 2030, trình UBND tỉnh trước 31/12/2026.\r\n-\tThời gian: Quý III/2026.\r\n| TT | Nhiệm vụ |", word);
        Assert.All(pdf.Split('\n'), line => Assert.True(line.Length <= Wrap || line.StartsWith('|'), line));
        Assert.Contains("\n\n1. Sở Nội vụ", pdf);
        Assert.Contains("\n\n1.\u00a0Sở Nội vụ", web);
        Assert.Contains("\n\n• Thời gian", web);
        Assert.Equal(Words(text.Replace("**", "")), Words(pdf));
        Assert.Equal(Words(text.Replace("**", "")), Words(web.Replace("•", "-")));
        Assert.Contains("vụ\n\n1.", web.Replace("VỤ", "vụ"));
    }

    private static readonly AgencyDirectory Province = new("Lào Cai",
    [
        new DirectoryAgency(1, "vp-ubnd", "Văn phòng Ủy ban nhân dân tỉnh", null, [], IsSecretariat: true),
        new DirectoryAgency(2, "so-nv", "Sở Nội vụ", null, []),
        new DirectoryAgency(3, "so-tc", "Sở Tài chính", null, []),
        new DirectoryAgency(4, "so-ct", "Sở Công Thương", null, []),
    ]);

    [Fact]
    public void Should_read_the_letter_a_legacy_PDF_font_gives_for_u_horn_as_that_letter()
    {
        var p = DraftParser.Parse(DraftInput.FromText("""
            KẾ HOẠCH
            Kiểm tra an toàn cửa hàng xăng dầu năm 2026
            II. NHIỆM VỤ
            1. Sở Công Thƣơng chủ trì rà soát các cửa hàng xăng dầu trên địa bàn, báo cáo UBND tỉnh trƣớc ngày 15/12/2026.
            2. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.
            """), Province);

        var item = p.Items.Single(i => i.Code == "II.1");
        Assert.Equal("so-ct", item.Lead?.AgencyKey);
        Assert.Equal(new DateOnly(2026, 12, 15), item.Deadline?.DueOn);
        Assert.DoesNotContain("ƣ", item.Title);
    }

    [Fact]
    public void Should_read_a_web_page_s_drawn_bullets_as_the_dashes_and_pluses_of_the_same_list()
    {
        const string typed = "II. NHIỆM VỤ\n1. Sở Nội vụ chủ trì các nội dung sau:\n- Rà soát bộ phận một cửa cấp xã, xong trong Quý II/2026.\n+ Lập danh sách xã chưa đạt.\n+ Đề xuất sắp xếp lại.\n- Sở Tài chính bố trí kinh phí, trước ngày 30/9/2026.";

        var drawn = DraftParser.Parse(DraftInput.FromText(typed.Replace("\n- ", "\n• ").Replace("\n+ ", "\n  ◦ ")), Province);
        var dashes = DraftParser.Parse(DraftInput.FromText(typed), Province);

        Assert.Equal(dashes.Items.Select(i => (i.Code, i.Lead?.AgencyKey, i.Deadline?.DueOn)), drawn.Items.Select(i => (i.Code, i.Lead?.AgencyKey, i.Deadline?.DueOn)));
        Assert.Contains(drawn.Items, i => i.Code.Contains('+'));
    }

    [Theory]
    [InlineData("•", "◦")]
    [InlineData("\uF0B7", "▪")]
    public void Should_read_a_drawn_bullet_glued_to_its_item_s_first_word_as_the_same_list(string outer, string inner)
    {
        // A web page or a Word copy that draws the bullet as a character of the text, with no space before the item's first word.
        const string typed = "II. NHIỆM VỤ\n1. Sở Công Thương chủ trì các nội dung sau:\n- Tăng cường kiểm tra cửa hàng xăng dầu, xong trong Quý III/2026.\n+ Lập danh sách cửa hàng vi phạm.\n+ Đề xuất biện pháp xử lý.\n- Sở Tài chính bố trí kinh phí kiểm tra, trước ngày 30/9/2026.";

        var glued = DraftParser.Parse(DraftInput.FromText(typed.Replace("\n- ", "\n" + outer).Replace("\n+ ", "\n  " + inner)), Province);
        var dashes = DraftParser.Parse(DraftInput.FromText(typed), Province);

        Assert.Equal(dashes.Items.Select(i => (i.Code, i.Lead?.AgencyKey, i.Deadline?.DueOn)), glued.Items.Select(i => (i.Code, i.Lead?.AgencyKey, i.Deadline?.DueOn)));
        Assert.Equal(4, glued.Items.Count(i => i.Code.Contains('-') || i.Code.Contains('+')));
    }

    [Fact]
    public void Should_read_a_typed_dash_glued_to_its_item_s_first_word_as_a_list_mark()
    {
        const string spaced = "II. NHIỆM VỤ\n1. Các sở, ngành thực hiện các nội dung sau:\n- Sở Nội vụ rà soát bộ phận một cửa, trước ngày 15/10/2026.\n+ Lập danh sách xã chưa đạt.\n- Sở Tài chính bố trí kinh phí, trong Quý IV/2026.";

        var glued = DraftParser.Parse(DraftInput.FromText(spaced.Replace("\n- ", "\n-").Replace("\n+ ", "\n+")), Province);
        var dashes = DraftParser.Parse(DraftInput.FromText(spaced), Province);

        Assert.Equal(dashes.Items.Select(i => (i.Code, i.Title, i.Lead?.AgencyKey)), glued.Items.Select(i => (i.Code, i.Title, i.Lead?.AgencyKey)));
        Assert.Contains(glued.Items, i => i.Title.StartsWith("Sở Tài chính bố trí", StringComparison.Ordinal) && i.Lead?.AgencyKey == "so-tc");
    }

    /// <summary>Where a PDF viewer breaks a line: the width of an A4 page's text in 13-point Times, about.</summary>
    private const int Wrap = 90;

    /// <summary>Word: CRLF, a tab after a list's number or bullet (its automatic numbering), no markdown.</summary>
    public static string FromWord(string text) =>
        string.Join("\r\n", Plain(text).Select(line => ListMark().Replace(line, "$1$2\t")));

    /// <summary>
    /// A PDF viewer: the page's line breaks inside every paragraph, no markdown; table rows and blank lines as they were
    /// (a blank line is all that tells the cells of a one-cell-per-line table apart: dropping them loses information,
    /// not layout — decision 0030).
    /// </summary>
    public static string FromPdfViewer(string text) =>
        string.Join("\n", Plain(text).SelectMany(line => line.StartsWith('|') ? [line] : Wrapped(line)));

    /// <summary>
    /// A web page: the source's blank lines and one more between paragraphs (where a list mark, or a sentence's end before a capital, says one starts;
    /// a line the source wrapped stays one paragraph), bullets drawn as "•" and "◦", a no-break space after a list's number,
    /// no markdown; table rows as they were.
    /// </summary>
    public static string FromWebPage(string text) => string.Join("\n", Paragraphed(Plain(text)).Select(line =>
    {
        var bulleted = Bullet().Replace(line, m => m.Groups[1].Value + (m.Groups[2].Value == "+" ? "◦ " : "• "));
        return bulleted == line ? ListMark().Replace(line, "$1$2\u00a0") : bulleted;
    }));

    /// <summary>The lines with a blank line before each that starts a paragraph.</summary>
    private static IEnumerable<string> Paragraphed(IEnumerable<string> lines) => BlankBeforeParagraphs([.. lines]);

    private static IEnumerable<string> BlankBeforeParagraphs(List<string> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var (line, above) = (lines[i], i > 0 ? lines[i - 1] : "");
            var table = line.StartsWith('|');
            if (line.Trim().Length > 0 && above.Trim().Length > 0 && !(table && above.StartsWith('|'))
                && (table || above.StartsWith('|') || ListMark().IsMatch(line) || Bullet().IsMatch(line)
                    || ".:!?".Contains(above.TrimEnd()[^1]) && !char.IsLower(line.TrimStart()[0])))
                yield return "";
            yield return line;
        }
    }

    private static IEnumerable<string> Plain(string text) =>
        text.Replace("\r\n", "\n").Split('\n').Select(line => Heading().Replace(line.Replace("**", "").Replace("__", ""), ""));

    private static IEnumerable<string> Wrapped(string line)
    {
        var current = new StringBuilder();
        foreach (var word in line.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > Wrap)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        yield return current.ToString();
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '\r', '\t', '\u00a0'], StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<(string Field, double Drop)> Drops(DocumentScore found, DocumentScore laid) =>
    [
        ("tasks", found.Tasks.F1 - laid.Tasks.F1), ("leads", found.Leads.F1 - laid.Leads.F1),
        ("deadlines", found.Deadlines.F1 - laid.Deadlines.F1), ("targets", found.Targets.F1 - laid.Targets.F1),
    ];

    /// <summary>A markdown heading's hashes.</summary>
    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex Heading();

    /// <summary>A list's number or letter ("1.", "1.2.", "II.", "a)") or a bullet at the start of a line, and the spaces after it.</summary>
    [GeneratedRegex(@"^(\s*)((?:[IVXLC]+\.|\d+(?:\.\d+)+\.?|\d+\.|[a-zđ]\)|[-–+•*]))[ \t]+(?=\S)")]
    private static partial Regex ListMark();

    /// <summary>A bullet at the start of a line.</summary>
    [GeneratedRegex(@"^(\s*)([-–+*])[ \t]+(?=\S)")]
    private static partial Regex Bullet();
}

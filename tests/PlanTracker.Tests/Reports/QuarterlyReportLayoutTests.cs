using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PlanTracker.Tests.Infrastructure;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace PlanTracker.Tests.Reports;

/// <summary>
/// The quarterly report reads as if typed by the secretariat (issue 16, item 13): the dateline with
/// its leading zero, the rules under the issuing body and the motto, no header word broken across
/// lines, the signature block that cannot split, and the narrative sections from the agencies' reports.
/// </summary>
public sealed class QuarterlyReportLayoutTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Times New Roman Bold advance widths, thousandths of an em (lower case; capitals below).</summary>
    private static readonly Dictionary<char, int> Bold = new()
    {
        ['a'] = 500, ['b'] = 556, ['c'] = 444, ['d'] = 556, ['e'] = 444, ['f'] = 333, ['g'] = 500, ['h'] = 556, ['i'] = 278, ['j'] = 333,
        ['k'] = 556, ['l'] = 278, ['m'] = 833, ['n'] = 556, ['o'] = 500, ['p'] = 556, ['q'] = 556, ['r'] = 444, ['s'] = 389, ['t'] = 333,
        ['u'] = 556, ['v'] = 500, ['w'] = 722, ['x'] = 500, ['y'] = 500, ['z'] = 444, ['đ'] = 556, ['ư'] = 556, ['ơ'] = 500, ['ă'] = 500,
        ['â'] = 500, ['ê'] = 444, ['ô'] = 500, ['S'] = 556, ['T'] = 667, ['K'] = 778, ['H'] = 778, ['C'] = 722, ['V'] = 722, ['N'] = 722,
        ['M'] = 944, ['Đ'] = 722, ['X'] = 722,
    };

    [Fact]
    public async Task Should_write_the_dateline_rules_whole_header_words_a_kept_signature_and_the_agencies_sections()
    {
        app.Clock.Now = new DateTimeOffset(2026, 12, 7, 3, 0, 0, TimeSpan.Zero); // a day below 10: "ngày 07"
        var officer = await app.ClientForAsync("canbo.noivu@plantracker.local");
        var head = await app.ClientForAsync("giamdoc.noivu@plantracker.local");
        var opened = await (await officer.PostAsJsonAsync("/api/v1/reports/draft", new { day = "2026-12-07" })).Content.ReadFromJsonAsync<JsonElement>();
        var saved = await officer.PostAsJsonAsync("/api/v1/reports/draft", new
        {
            day = "2026-12-07", content = "Số hoá 80% hồ sơ công chức.", version = opened.GetProperty("version").GetInt32(),
            sections = new
            {
                shortcomings = "Thiếu máy quét tại các huyện.", causes = "Kinh phí cấp chậm.",
                directions = "Hoàn thành số hoá trong quý I/2027.", proposals = "Đề nghị UBND tỉnh bổ sung kinh phí.",
            },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var report = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Kinh phí cấp chậm.", report.GetProperty("sections").GetProperty("causes").GetString());
        var submitted = await head.PostAsJsonAsync($"/api/v1/reports/{report.GetProperty("reportId").GetInt64()}/submit",
            new { version = report.GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);

        var secretariat = await app.ClientForAsync("thuongtruc@plantracker.local");
        var compiled = await secretariat.PostAsJsonAsync("/api/v1/reports/quarterly", new { year = 2026, quarter = 4 });
        Assert.Equal(HttpStatusCode.Created, compiled.StatusCode);
        var docxId = (await compiled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("files").EnumerateArray()
            .Single(f => f.GetProperty("kind").GetString() == "docx").GetProperty("id").GetInt64();
        using var file = new MemoryStream(await secretariat.GetByteArrayAsync($"/api/v1/reports/quarterly/{docxId}/file"));
        using var word = WordprocessingDocument.Open(file, false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var body = word.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Contains("Vĩnh Phúc, ngày 07 tháng 12 năm 2026", paragraphs);

        // A rule under the issuing body's name and one under the motto: bordered empty paragraphs in the header table.
        var header = body.Elements<W.Table>().First();
        var rules = header.Descendants<W.Paragraph>().Where(p => p.ParagraphProperties?.ParagraphBorders?.TopBorder is not null).ToList();
        Assert.Equal(2, rules.Count);
        Assert.All(rules, r => Assert.Equal("", r.InnerText));

        // Every header word of every bordered table fits its column at 11 pt bold (cell margins 85 twips each side).
        foreach (var table in body.Elements<W.Table>().Skip(1).Where(t => t.Elements<W.TableRow>().First().TableRowProperties?.GetFirstChild<W.TableHeader>() is not null))
            foreach (var cell in table.Elements<W.TableRow>().First().Elements<W.TableCell>())
            {
                var room = int.Parse(cell.TableCellProperties!.TableCellWidth!.Width!.Value!) - 2 * 85;
                foreach (var w in cell.InnerText.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    Assert.True(Twips(w) <= room, $"'{w}' of '{cell.InnerText}' needs {Twips(w)} twips; its column has {room}");
            }

        // The signature: the configured title, in a row that cannot split, after a closing sentence kept with it.
        var signature = body.Elements<W.Table>().Last();
        Assert.NotNull(signature.Elements<W.TableRow>().Single().TableRowProperties?.GetFirstChild<W.CantSplit>());
        Assert.Contains(signature.Descendants<W.Paragraph>(), p => p.InnerText == "GIÁM ĐỐC");
        var closing = signature.ElementsBefore().OfType<W.Paragraph>().Last();
        Assert.StartsWith("Trên đây là báo cáo", closing.InnerText);
        Assert.NotNull(closing.ParagraphProperties?.KeepNext);

        // The narrative sections carry what the agency wrote, under the template's headings.
        string After(string heading) => paragraphs[paragraphs.IndexOf(heading) + 1];
        Assert.StartsWith("- Sở Nội vụ", After("3. Kết quả đạt được theo báo cáo của các cơ quan"));
        Assert.EndsWith("Thiếu máy quét tại các huyện.", After("1. Tồn tại, hạn chế"));
        Assert.EndsWith("Kinh phí cấp chậm.", After("2. Nguyên nhân"));
        Assert.EndsWith("Hoàn thành số hoá trong quý I/2027.", After("VII. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ I/2027"));
        Assert.EndsWith("Đề nghị UBND tỉnh bổ sung kinh phí.", After("VIII. KIẾN NGHỊ, ĐỀ XUẤT"));
    }

    /// <summary>A word's width at 11 pt bold, in twips (an unknown letter as wide as an 'n'; diacritics do not widen).</summary>
    private static int Twips(string word) =>
        (int)Math.Ceiling(word.Sum(c => Bold.TryGetValue(Base(c), out var w) ? w : char.IsUpper(c) ? 722 : 556) / 1000.0 * 11 * 20);

    private static char Base(char c)
    {
        var d = c.ToString().Normalize(System.Text.NormalizationForm.FormD);
        // Keep the letters that are letters of their own in Vietnamese (ư, ơ, đ, â, ê, ô, ă) before their tone marks.
        foreach (var own in "ươđâêôăĐ")
            if (d.StartsWith(own.ToString().Normalize(System.Text.NormalizationForm.FormD), StringComparison.Ordinal)) return own;
        return d[0];
    }
}

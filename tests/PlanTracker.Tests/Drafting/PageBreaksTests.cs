using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Text copied out of a PDF viewer (CV 5973/UBND-KT of the corpus): the page numbers and footnotes at each page's
/// foot are not the document's paragraphs; a numbered table copied one cell per line keeps its numbers.
/// </summary>
public sealed class PageBreaksTests
{
    /// <summary>A page of bullets, each on its own line, enough to fill a page.</summary>
    private static string Bullets(string prefix, int count) =>
        string.Join("\n", Enumerable.Range(1, count).Select(i => $"- {prefix} số {i} theo kế hoạch."));

    private static string Page(int number, string before, string footnote, string after) => $"""
        {before}

        {footnote}
                                        {number}

        {after}
        """;

    [Fact]
    public void Should_join_a_paragraph_across_a_page_break_and_drop_the_page_number_and_its_footnote()
    {
        var text = "1. Trách nhiệm chung\n" + Bullets("Kiểm tra mỏ", 22)
            + "\n- Xử lý nghiêm các vi phạm pháp luật về khoáng sản1, đặc biệt là: (i) Khai thác khoáng sản\n"
            + Page(2, "", "1 Các quy định của Luật Địa chất và Khoáng sản năm 2024.", "trái phép; (ii) Khai thác không đúng giấy phép.") + "\n"
            + Bullets("Rà soát bến bãi", 22) + "\n" + Page(3, "", "", "- Báo cáo kết quả trước ngày 15/12/2026.");

        var paragraphs = Paragraphs.Split(text).Paragraphs.Select(p => p.Text.Trim()).ToList();

        Assert.Contains(paragraphs, p => p.StartsWith("- Xử lý nghiêm", StringComparison.Ordinal) && p.EndsWith("không đúng giấy phép.", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains("Luật Địa chất", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p is "2" or "3");
        Assert.Equal("- Báo cáo kết quả trước ngày 15/12/2026.", paragraphs[^1]);
        // Blanking keeps every offset: a paragraph's span still holds its words in the source.
        var last = Paragraphs.Split(text).Paragraphs[^1];
        Assert.Equal(last.Text, text[last.Start..last.End]);
    }

    [Fact]
    public void Should_keep_the_numbers_of_a_table_copied_one_cell_per_line_and_a_lone_number()
    {
        const string text = """
            STT

            Nhiệm vụ

            1

            Rà soát quy hoạch

            2

            Kiểm tra mỏ

            3

            Báo cáo kết quả
            """;

        var paragraphs = Paragraphs.Split(text).Paragraphs.Select(p => p.Text.Trim()).ToList();

        Assert.Equal(["STT", "Nhiệm vụ", "1", "Rà soát quy hoạch", "2", "Kiểm tra mỏ", "3", "Báo cáo kết quả"], paragraphs);
    }

    [Fact]
    public void Should_keep_a_line_that_opens_with_a_number_when_the_text_calls_no_footnote_by_it()
    {
        var text = Bullets("Kiểm tra mỏ", 22) + "\n" + Page(2, "", "5 Sở Xây dựng công bố giá vật liệu.", "- Rà soát bến bãi.") + "\n"
            + Bullets("Rà soát bến bãi", 22) + "\n" + Page(3, "", "", "- Báo cáo.");

        var paragraphs = Paragraphs.Split(text).Paragraphs.Select(p => p.Text.Trim()).ToList();

        Assert.Contains("5 Sở Xây dựng công bố giá vật liệu.", paragraphs);
        Assert.DoesNotContain("2", paragraphs);
    }
}

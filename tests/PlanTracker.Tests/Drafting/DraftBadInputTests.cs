using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// What is not a Vietnamese document's text is refused with a 400 that names the problem, nothing is
/// saved (not even a draft), and nothing crashes. Decomposed Unicode (NFD) is the same text: it is
/// normalised and read exactly as its NFC form.
/// </summary>
public sealed class DraftBadInputTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static TheoryData<string, string, string> Texts => new()
    {
        { "empty", "", "Chưa có nội dung" },
        { "blank", "  \n\t \n", "Chưa có nội dung" },
        { "control characters", "KẾ HOẠCH\u0001\u0002\u0003 năm 2025", "ký tự điều khiển" }, // refused as every body's text is (InputRules)
        { "5 MB paste", string.Concat(Enumerable.Repeat("1. Sở Nội vụ chủ trì số hoá hồ sơ cán bộ trong năm 2025.\n", 90_000)), "giới hạn là 1.000.000" },
        { "Cyrillic", string.Concat(Enumerable.Repeat("План цифровой трансформации провинции на 2025 год. 1. Департамент внутренних дел. ", 20)), "Cyrillic" },
        { "Chinese", string.Concat(Enumerable.Repeat("二零二五年省数字化转型计划。一、内务厅负责。", 20)), "Chinese" },
        { "English", string.Concat(Enumerable.Repeat("Plan for the digital transformation of the province in 2025. 1. The Department of Home Affairs leads. ", 10)), "gần như không có chữ tiếng Việt" },
        { "no tasks", "Báo cáo tình hình kinh tế - xã hội của tỉnh trong tháng vừa qua có nhiều chuyển biến tích cực, người dân phấn khởi.", "Không tìm thấy nhiệm vụ nào" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public async Task Should_refuse_text_that_is_no_Vietnamese_document_by_name_and_save_nothing(string what, string text, string message)
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var before = await app.Counts();

        var response = await client.PostAsJsonAsync("/api/v1/imports", new { text });

        await AssertRefused(response, "text", message, what);
        Assert.Equal(before, await app.Counts());
    }

    public static TheoryData<string, byte[], string> Files => new()
    {
        { "notes.txt", [0x4B, 0x48, 0x00, 0x00, 0x89, 0x50, 0x4E, 0x47, 0x00], "chứa byte NUL" },
        { "legacy.txt", Encoding.Latin1.GetBytes("K\u00ca HO\u00c0CH n\u0103m 2025 \u00ff\u00fe"), "không phải văn bản UTF-8" },
        { "broken.docx", Encoding.UTF8.GetBytes("PK\u0003\u0004 this is not really a zip package"), "dạng văn bản Word (.docx)" },
        { "zip.docx", Zip(), "dạng văn bản Word (.docx)" },
        { "secret.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0, 1, 2, 3, 4], "được đặt mật khẩu" },
        { "plan.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 …"), "không đọc được như một tệp PDF" },
        { "scan.pdf", DraftFormatsTests.BlankPdf(2), "không có lớp chữ" },
        { "old.doc", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "tệp Word cũ (.doc)" },
        { "plan.odt", Zip(), "không phải tệp .txt, .docx hay .pdf" },
        { "empty.txt", [], "rỗng" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Should_refuse_a_file_that_is_no_readable_txt_docx_or_pdf_by_name_and_save_nothing(string fileName, byte[] content, string message)
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var before = await app.Counts();

        var response = await client.PostAsync("/api/v1/imports", new MultipartFormDataContent { { new ByteArrayContent(content), "file", fileName } });

        await AssertRefused(response, "file", message, fileName);
        Assert.Equal(before, await app.Counts());
    }

    [Fact]
    public async Task Should_refuse_a_body_that_is_neither_json_nor_a_form()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");

        var response = await client.PostAsync("/api/v1/imports", new StringContent("KẾ HOẠCH", Encoding.UTF8, "text/plain"));

        await AssertRefused(response, "text", "Hãy gửi nội dung dạng JSON", "text/plain");
    }

    [Fact]
    public async Task Should_read_decomposed_unicode_exactly_as_its_composed_form_and_say_so()
    {
        var client = await app.ClientForAsync("thuongtruc@plantracker.local");
        var nfd = DraftReviewApiTests.Plan.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(DraftReviewApiTests.Plan, nfd);

        var composed = await (await client.PostAsJsonAsync("/api/v1/imports", new { text = DraftReviewApiTests.Plan })).Read<DraftJsonHelpers.Created>();
        var decomposedResponse = await client.PostAsJsonAsync("/api/v1/imports", new { text = nfd });
        Assert.Equal(HttpStatusCode.Created, decomposedResponse.StatusCode);
        var decomposed = await decomposedResponse.Read<DraftJsonHelpers.Created>();

        Assert.Equal(Summary(composed), Summary(decomposed));
        Assert.Contains(decomposed.Proposal.Notes, n => n.Contains("NFD", StringComparison.Ordinal));
        var draft = await client.GetDraft(decomposed.DraftId);
        Assert.True(draft.SourceText.IsNormalized(NormalizationForm.FormC));
        Assert.Contains("Sở Du lịch", draft.SourceText);
    }

    private static IEnumerable<string> Summary(DraftJsonHelpers.Created d) => d.Proposal.Items.Select(i =>
        $"{i.Code}|{i.Title}|{i.Lead?.AgencyKey ?? i.Lead?.Name}|{i.Deadline?.Kind}|{i.Deadline?.DueOn}|{string.Join(",", i.Targets.Select(t => t.Value))}");

    private static async Task AssertRefused(HttpResponseMessage response, string field, string message, string what)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {body}");
        var problem = JsonDocument.Parse(body).RootElement;
        var errors = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.True(errors.Any(e => e.Contains(message, StringComparison.Ordinal)), $"{what}: {string.Join(" | ", errors)}");
    }

    /// <summary>A valid ZIP that is no Word package.</summary>
    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open())) writer.Write("not a document");
        return stream.ToArray();
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using PlanTracker.Tests.Infrastructure;

namespace PlanTracker.Tests.Api;

public sealed class EvidenceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo.noivu@plantracker.local";

    [Fact]
    public async Task Should_store_a_file_outside_the_web_root_and_download_it_as_an_attachment()
    {
        var client = await app.ClientForAsync(Officer);
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.a");
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% báo cáo kết quả\n%%EOF");

        var response = await client.PostAsync($"/api/v1/tasks/{id}/evidence", Form("Bao cao ket qua.pdf", pdf));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evidenceId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var download = await client.GetAsync($"/api/v1/evidence/{evidenceId}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Single(Directory.GetFiles(app.EvidenceDirectory, "*", SearchOption.AllDirectories), f => !f.Contains("/mail/"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync($"/api/v1/evidence/{evidenceId}")).StatusCode);
    }

    [Theory]
    [InlineData("setup.pdf", "MZ\u0090\u0000 not a pdf")]
    [InlineData("trang.html", "<html><script>alert(1)</script></html>")]
    [InlineData("empty.docx", "")]
    public async Task Should_refuse_files_of_the_wrong_type_and_store_nothing(string name, string content)
    {
        var client = await app.ClientForAsync(Officer);
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.b");

        var response = await client.PostAsync($"/api/v1/tasks/{id}/evidence", Form(name, Encoding.Latin1.GetBytes(content)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"file\"", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/evidence")).GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_a_file_over_20_MB()
    {
        var client = await app.ClientForAsync(Officer);
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.c");
        var big = new byte[20 * 1024 * 1024 + 1];
        "%PDF"u8.CopyTo(big);

        var response = await client.PostAsync($"/api/v1/tasks/{id}/evidence", Form("lon.pdf", big));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("20 MB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_accept_a_document_number_and_refuse_other_agencies()
    {
        var client = await app.ClientForAsync(Officer);
        var other = await app.ClientForNewUserAsync("canbo.xd@test.local", "AgencyOfficer", "vinh-phuc/so-tai-chinh");
        var id = app.TaskId("vinh-phuc/kh-36a", "III.5.d");
        var number = new MultipartFormDataContent { { new StringContent("125/QĐ-SNV"), "documentNumber" } };

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync($"/api/v1/tasks/{id}/evidence", number)).StatusCode);
        var again = new MultipartFormDataContent { { new StringContent("126/QĐ-SNV"), "documentNumber" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsync($"/api/v1/tasks/{id}/evidence", again)).StatusCode);
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/tasks/{id}/evidence");
        Assert.Equal("125/QĐ-SNV", list[0].GetProperty("documentNumber").GetString());
    }

    private static MultipartFormDataContent Form(string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}

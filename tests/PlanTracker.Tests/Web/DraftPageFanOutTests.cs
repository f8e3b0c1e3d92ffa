using System.Net;
using System.Text.RegularExpressions;
using PlanTracker.Tests.Drafting;

namespace PlanTracker.Tests.Web;

/// <summary>The review screen's fan-out: a group lead's members as check boxes; leaving some out is what confirming creates.</summary>
public sealed partial class DraftPageTests
{
    [Fact]
    public async Task Should_let_the_reviewer_leave_members_of_a_group_lead_out_of_its_fan_out_from_the_page()
    {
        var client = await SignIn("thuongtruc@plantracker.local");
        var start = await client.GetStringAsync("/Imports/Drafts");
        var created = await client.PostAsync("/Imports/Drafts", Form(start, new() { ["Text"] = DraftReviewApiTests.Plan }));
        var url = created.RequestMessage!.RequestUri!.AbsolutePath;
        var page = await created.Content.ReadAsStringAsync();
        var row = page[page.IndexOf("id=\"fanout-", StringComparison.Ordinal)..];
        var itemId = FanOutFieldset().Match(page).Groups[1].Value;
        var members = FanOutMember().Matches(row[..row.IndexOf("</fieldset>", StringComparison.Ordinal)]).Select(m => m.Groups[1].Value).ToList();
        Assert.True(members.Count > 3, "the group's members are offered, all checked");
        Assert.Contains($"Tách thành {members.Count}/{members.Count} nhiệm vụ", page);

        HttpContent Save(IEnumerable<string> chosen) => new FormUrlEncodedContent(new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Antiforgery().Match(page).Groups[1].Value), new("version", Version(page)), new("itemId", itemId),
            new("item.FanOutShown", "true"), new("item.Accepted", "true"), new("item.LeadAgencyId", LeadOf(page, itemId)),
        }.Concat(chosen.Select(id => new KeyValuePair<string, string>("item.FanOutAgencyIds", id))));

        var none = await client.PostAsync($"{url}?handler=Item", Save([]));
        var refused = WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync());
        Assert.Contains("Hãy chọn ít nhất một cơ quan thuộc", refused);
        Assert.Contains($"Tách thành {members.Count}/{members.Count} nhiệm vụ", refused); // nothing changed

        page = await (await client.PostAsync($"{url}?handler=Item", Save(members.Skip(1)))).Content.ReadAsStringAsync();
        Assert.Contains($"Tách thành {members.Count - 1}/{members.Count} nhiệm vụ", page);
        Assert.Equal(members.Count - 1, FanOutMember().Matches(page).Count(m => m.Value.Contains("checked", StringComparison.Ordinal)));
    }

    private static string LeadOf(string page, string itemId) =>
        Regex.Match(page, $"id=\"lead-{itemId}\" name=\"item.LeadAgencyId\">[\\s\\S]*?<option[^>]* value=\"(\\d+)\" selected").Groups[1].Value;

    [GeneratedRegex("id=\"fanout-(i\\d+)\"")] private static partial Regex FanOutFieldset();
    [GeneratedRegex("name=\"item.FanOutAgencyIds\" value=\"(\\d+)\"[^>]*")] private static partial Regex FanOutMember();
}

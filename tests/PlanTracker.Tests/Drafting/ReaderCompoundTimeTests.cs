using PlanTracker.Core.Domain;
using PlanTracker.Core.Drafting;

namespace PlanTracker.Tests.Drafting;

/// <summary>
/// Compound time fields of issue 15, round 5 (decision 0009, "Round 5: compound time fields"): each form on the unseen
/// or held-out documents' words and on a constructed case of the same form; no database.
/// </summary>
public sealed class ReaderCompoundTimeTests
{
    private static readonly AgencyDirectory Directory = SeedDocuments.Directory(SeedDocuments.Named("vinh-phuc-36a").Province);

    private static Proposal Parse(string text) => DraftParser.Parse(DraftInput.FromText(text), Directory);

    private static ProposedDeadline Deadline(Proposal p, string code) => p.Items.Single(i => i.Code == code).Deadline!;

    [Theory]
    // A dated first step and a continuation: the dated part (u01; a constructed month, quarter and period).
    [InlineData("Tháng 11, 12/2013 và bổ sung, sửa đổi hàng năm", DeadlineKind.Date, null, "2013-12-31")]
    [InlineData("Tháng 11, 12/2013 và kiện toàn thường xuyên", DeadlineKind.Date, null, "2013-12-31")]
    [InlineData("Quý IV/2013, Quý I/2014 và thường xuyên", DeadlineKind.Date, null, "2014-03-31")]
    [InlineData("Từ năm 2013 đến năm 2020 và tiếp theo", DeadlineKind.Period, "2013-01-01", "2020-12-31")]
    [InlineData("Tháng 6/2027 và cập nhật hằng năm", DeadlineKind.Month, "2027-06-01", "2027-06-30")]
    [InlineData("Quý II năm 2027 và duy trì thường xuyên", DeadlineKind.Quarter, "2027-04-01", "2027-06-30")]
    // A bare year before a yearly continuation stays a recurrence from that year (the corpus' reading).
    [InlineData("Năm 2022 và hàng năm", DeadlineKind.RecurringYearly, "2022-01-01", null)]
    // A list of months or quarters: done by the end of the last; two quarters of one half are that half (h02; constructed).
    [InlineData("Quý III, IV/2026", DeadlineKind.HalfYear, "2026-07-01", "2026-12-31")]
    [InlineData("Quý I, II năm 2027", DeadlineKind.HalfYear, "2027-01-01", "2027-06-30")]
    [InlineData("Quý II, III/2026", DeadlineKind.Date, null, "2026-09-30")]
    [InlineData("Quý IV/2026, 2027", DeadlineKind.Date, null, "2027-12-31")]
    [InlineData("Quý III, IV/2026, 2027", DeadlineKind.Date, null, "2027-12-31")]
    [InlineData("tháng 3, 4 năm 2027", DeadlineKind.Date, null, "2027-04-30")]
    // "Quý I, 2026" is one quarter, not a list ending in a year.
    [InlineData("Quý I, 2026", DeadlineKind.Quarter, "2026-01-01", "2026-03-31")]
    // A start with no end is ongoing work (u01; constructed).
    [InlineData("Từ tháng 11/2013 trở đi", DeadlineKind.Continuous, null, null)]
    [InlineData("từ năm 2027 trở đi", DeadlineKind.Continuous, null, null)]
    // A day and month with no year falls every year (h03; constructed).
    [InlineData("trước ngày 15/12", DeadlineKind.RecurringYearly, null, null)]
    [InlineData("chậm nhất ngày 05 tháng 7", DeadlineKind.RecurringYearly, null, null)]
    // Several cadences named: the most frequent (u01; constructed).
    [InlineData("6 tháng, hằng năm và định kỳ", DeadlineKind.RecurringHalfYearly, null, null)]
    [InlineData("sơ kết 6 tháng, 1 năm", DeadlineKind.RecurringHalfYearly, null, null)]
    public void Should_read_a_compound_time_field_as_its_dated_part_list_end_or_cadence(string text, DeadlineKind kind, string? startOn, string? dueOn)
    {
        var d = DeadlineParser.Parse(text);

        Assert.NotNull(d);
        Assert.Equal((kind, startOn is null ? (DateOnly?)null : DateOnly.Parse(startOn), dueOn is null ? (DateOnly?)null : DateOnly.Parse(dueOn)),
            (d.Kind, d.StartOn, d.DueOn));
        Assert.Equal(text, d.Text);
    }

    [Fact]
    public void Should_read_a_list_of_quarters_and_an_onward_start_in_running_text()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            II. NHIỆM VỤ
            1. Sở Nội vụ tổ chức quán triệt, triển khai thực hiện Kế hoạch (Quý IV/2026, Quý I/2027 và thường xuyên).
            2. Sở Tư pháp rà soát quy định trong tháng 11, 12/2026.
            3. Sở Tài chính bảo đảm kinh phí từ tháng 01/2027 trở đi.
            """);

        Assert.Equal((DeadlineKind.Date, new DateOnly(2027, 3, 31)), (Deadline(p, "II.1").Kind, Deadline(p, "II.1").DueOn!.Value));
        Assert.Equal((DeadlineKind.Date, new DateOnly(2026, 12, 31)), (Deadline(p, "II.2").Kind, Deadline(p, "II.2").DueOn!.Value));
        Assert.Equal(DeadlineKind.Continuous, Deadline(p, "II.3").Kind);
    }

    [Fact]
    public void Should_let_a_sections_time_field_beat_continuing_words_inside_its_items_but_not_their_own_dates()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP THỰC HIỆN

            I. KIỆN TOÀN TỔ CHỨC

            1. Nội dung, biện pháp

            a) Thành lập và thường xuyên kiện toàn Ban Chỉ đạo của tỉnh;

            b) Tiếp tục bổ sung quy chế hoạt động hằng năm;

            c) Tổng kết công tác kiện toàn vào năm 2028.

            2. Cơ quan chủ trì

            - Sở Nội vụ.

            3. Thời gian thực hiện: Tháng 11, 12/2026 và kiện toàn thường xuyên.

            II. KIỂM TRA, SƠ KẾT

            1. Nội dung, biện pháp

            a) Tổ chức kiểm tra thường xuyên và định kỳ các nội dung;

            b) Sơ kết 6 tháng, 1 năm triển khai thực hiện.

            2. Cơ quan chủ trì

            - Sở Nội vụ.

            3. Thời gian thực hiện: 6 tháng, hằng năm và định kỳ.
            """);
        var items = p.Items.Where(i => !i.IsGroup).ToDictionary(i => i.Code);
        Assert.Equal(5, items.Keys.Count(c => c.StartsWith("B.I.1.", StringComparison.Ordinal) || c.StartsWith("B.II.1.", StringComparison.Ordinal)));

        Assert.All(items.Values.Where(i => i.Code.StartsWith("B.I.1.", StringComparison.Ordinal) && i.Code != "B.I.1.c"),
            i => Assert.Equal((DeadlineKind.Date, new DateOnly(2026, 12, 31)), (i.Deadline!.Kind, i.Deadline.DueOn!.Value)));
        Assert.Equal((DeadlineKind.Year, new DateOnly(2028, 12, 31)), (items["B.I.1.c"].Deadline!.Kind, items["B.I.1.c"].Deadline!.DueOn!.Value));
        Assert.All(items.Values.Where(i => i.Code.StartsWith("B.II.1.", StringComparison.Ordinal)),
            i => Assert.Equal(DeadlineKind.RecurringHalfYearly, i.Deadline!.Kind));
    }

    [Fact]
    public void Should_let_a_dated_section_heading_beat_an_items_opening_tiep_tuc()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            II. NHIỆM VỤ TRỌNG TÂM ĐẾN NĂM 2027
            1. Sở Nội vụ tiếp tục rà soát, kiện toàn tổ chức bộ máy.
            2. Tiếp tục đầu tư trang thiết bị cho các đội chuyên trách (Sở Tài chính chủ trì).
            """);

        Assert.All(new[] { "II.1", "II.2" }, code => Assert.Equal((DeadlineKind.Year, new DateOnly(2027, 12, 31)), (Deadline(p, code).Kind, Deadline(p, code).DueOn!.Value)));
    }

    [Fact]
    public void Should_read_a_day_and_month_without_a_year_in_running_text_as_yearly()
    {
        var p = Parse("""
            KẾ HOẠCH
            Chuyển đổi số

            II. NHIỆM VỤ
            1. Báo cáo năm: các cơ quan, đơn vị gửi Sở Tài chính trước ngày 15/12; Sở Tài chính tổng hợp trước ngày 20/12.
            2. Sở Tư pháp rà soát quy định trước ngày 15/12/2027.
            """);

        Assert.Equal(DeadlineKind.RecurringYearly, Deadline(p, "II.1").Kind);
        Assert.Equal((DeadlineKind.Date, new DateOnly(2027, 12, 15)), (Deadline(p, "II.2").Kind, Deadline(p, "II.2").DueOn!.Value));
    }

    [Fact]
    public void Should_take_a_period_before_the_latest_legal_basis_of_an_undated_document_as_history()
    {
        const string Item = "1. Bộ Nội vụ nghiên cứu chính sách đối với người tham gia kháng chiến trong giai đoạn 1974 - 1975 nhưng chưa được khen thưởng.";
        var undated = Parse($"""
            KẾ HOẠCH
            Tổ chức thực hiện Chỉ thị số 14-CT/TW
            Căn cứ Chỉ thị số 14-CT/TW ngày 19 tháng 7 năm 2017 của Ban Bí thư;

            II. NHIỆM VỤ
            {Item}
            """);
        var withoutBasis = Parse($"""
            KẾ HOẠCH
            Tổ chức thực hiện Chỉ thị số 14-CT/TW

            II. NHIỆM VỤ
            {Item}
            """);

        Assert.NotEqual(DeadlineKind.Period, Deadline(undated, "II.1").Kind);
        // Without a date or a basis the reader cannot tell, and keeps what the words say.
        Assert.Equal(DeadlineKind.Period, Deadline(withoutBasis, "II.1").Kind);
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Persistence;
using W = PlanTracker.Core.Reports.ReportWording;

namespace PlanTracker.Core.Reports;

/// <summary>The quarterly report as a Word document in the administrative style, written while the rows are read.</summary>
internal static class QuarterlyReportDocx
{
    /// <summary>
    /// Wide enough for "STT" on one line at the cells' 11 pt bold (a 600-twip column broke it as
    /// "ST T"); <see cref="QuarterlyReportDocxLayoutTests"/> measures every header word against its column.
    /// </summary>
    internal const int NumberColumn = 720;

    private static readonly DocxColumn[] TaskColumns =
    [
        new("STT", NumberColumn, Centered: true), new("Nhiệm vụ", 2880), new("Văn bản giao", 1700), new("Cơ quan chủ trì", 1555),
        new("Thời hạn", 1300, Centered: true), new("", 1200, Centered: true),
    ];

    public static async Task WriteAsync(PlanTrackerDbContext db, QuarterlyReportScope scope, Stream output, CancellationToken ct)
    {
        var data = new QuarterlyReportData(db, scope);
        var totals = await data.TotalsAsync(ct);
        var (missing, expected) = await data.ReportingAsync(ct);
        using var doc = new DocxWriter(output);

        Header(doc, scope);
        doc.Paragraph("BÁO CÁO", bold: true, centered: true, size: 28);
        doc.Paragraph(W.Title(scope), bold: true, centered: true);
        doc.Paragraph(
            $"Thực hiện chế độ báo cáo định kỳ, {scope.SecretariatName ?? "cơ quan thường trực"} (cơ quan thường trực Ban Chỉ đạo) báo cáo " +
            $"tình hình thực hiện các kế hoạch, nhiệm vụ {scope.Label} trên địa bàn tỉnh {scope.ProvinceName} (số liệu tính đến ngày {W.Day(scope.AsOf)}) như sau:",
            indent: true);

        doc.Heading("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ");
        doc.Paragraph(W.Summary(totals), indent: true);
        doc.Heading("1. Theo kế hoạch");
        await CountTable(doc, "Kế hoạch", data.ByPlan(), ct);
        doc.Heading("2. Theo cơ quan chủ trì");
        await CountTable(doc, "Cơ quan chủ trì", data.ByAgency(), ct);
        var narratives = await data.NarrativesAsync(ct);
        doc.Heading("3. Kết quả đạt được theo báo cáo của các cơ quan");
        Narrative(doc, narratives, n => n.Results);

        doc.Heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
        await Targets(doc, data, ct);

        doc.Heading("III. CÁC NHIỆM VỤ QUÁ HẠN");
        var overdue = totals[Timeliness.InProgressOverdue];
        doc.Paragraph(overdue == 0
            ? $"Đến ngày {W.Day(scope.AsOf)} không có nhiệm vụ quá hạn."
            : $"Đến ngày {W.Day(scope.AsOf)} có {overdue} nhiệm vụ đang thực hiện quá hạn:", indent: true);
        await TaskTable(doc, [.. TaskColumns[..5], TaskColumns[5] with { Header = "Thời gian quá hạn" }], data.Overdue(), t => W.Delay(t, scope.AsOf), ct);

        doc.Heading("IV. CÁC ĐƠN VỊ CHƯA GỬI BÁO CÁO");
        doc.Paragraph(missing == 0
            ? $"Kỳ báo cáo {scope.Label} (hạn gửi ngày {W.Day(scope.SubmissionDueOn)}): {expected}/{expected} đơn vị đã gửi báo cáo."
            : $"Kỳ báo cáo {scope.Label} (hạn gửi ngày {W.Day(scope.SubmissionDueOn)}): {missing}/{expected} đơn vị chưa gửi báo cáo:", indent: true);
        DocxTable? agencies = null;
        await foreach (var name in data.MissingAgencies().WithCancellation(ct))
        {
            agencies ??= doc.Table([new("STT", NumberColumn, Centered: true), new("Cơ quan, đơn vị", DocxWriter.TextWidth - NumberColumn)]);
            agencies.Row((agencies.Rows + 1).ToString(), name);
        }
        agencies?.End();

        doc.Heading($"V. CÁC NHIỆM VỤ ĐẾN HẠN TRONG {scope.NextLabel.ToUpper(W.Culture)}");
        if (await TaskTable(doc, [.. TaskColumns[..5], TaskColumns[5] with { Header = "Tình trạng" }], data.DueNextQuarter(), W.Progress, ct) == 0)
            doc.Paragraph($"Không có nhiệm vụ đến hạn trong {scope.NextLabel}.", indent: true);

        // The template's narrative sections, from what the agencies wrote in their reports.
        doc.Heading("VI. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN");
        doc.Heading("1. Tồn tại, hạn chế");
        Narrative(doc, narratives, n => n.Shortcomings);
        doc.Heading("2. Nguyên nhân");
        Narrative(doc, narratives, n => n.Causes);
        doc.Heading($"VII. PHƯƠNG HƯỚNG, NHIỆM VỤ {scope.NextLabel.ToUpper(W.Culture)}");
        Narrative(doc, narratives, n => n.Directions);
        doc.Heading("VIII. KIẾN NGHỊ, ĐỀ XUẤT");
        Narrative(doc, narratives, n => n.Proposals);

        doc.Write(Keep(DocxWriter.Para(false, true, DocxWriter.Text(
            $"Trên đây là báo cáo tình hình thực hiện nhiệm vụ {scope.Label} của {scope.SecretariatName ?? "cơ quan thường trực"}./."))));
        Signature(doc, scope.Signer);
        doc.Finish();
    }

    private static async Task CountTable(DocxWriter doc, string first, IAsyncEnumerable<CountRow> rows, CancellationToken ct)
    {
        // Eight state columns of 920 twips hold their longest header word ("Thường", "Không") on one
        // line at 11 pt bold; 750 broke "Hoàn thàn h". The name column takes what is left and wraps.
        const int state = 920, total = 680;
        var columns = new List<DocxColumn> { new(first, DocxWriter.TextWidth - total - state * W.States.Count), new("Tổng số", total, Centered: true) };
        columns.AddRange(W.States.Select(s => new DocxColumn(W.State(s), state, Centered: true)));
        var table = doc.Table(columns);
        var sum = new TimelinessCounts();
        await foreach (var row in rows.WithCancellation(ct))
        {
            table.Row([row.Name, row.Counts.Total.ToString(), .. W.States.Select(s => row.Counts[s].ToString())]);
            sum.Add(row.Counts);
        }
        table.Row(true, ["Tổng cộng", sum.Total.ToString(), .. W.States.Select(s => sum[s].ToString())]);
        table.End();
    }

    private static async Task Targets(DocxWriter doc, QuarterlyReportData data, CancellationToken ct)
    {
        DocxTable? table = null;
        var counts = new int[Enum.GetValues<TargetResult>().Length];
        await foreach (var t in data.Targets().WithCancellation(ct))
        {
            table ??= doc.Table([new("STT", NumberColumn, Centered: true), new("Nhiệm vụ", 1100), new("Chỉ tiêu", 3435), new("Mục tiêu", 1400, Centered: true),
                new("Thực hiện", 1300, Centered: true), new("Đánh giá", 1400, Centered: true)]);
            table.Row((table.Rows + 1).ToString(), t.TaskCode, t.Text is { Length: > 0 } text ? $"{t.Indicator} ({text})" : t.Indicator,
                W.Goal(t), W.Actual(t), W.Result(t.Result));
            counts[(int)t.Result]++;
        }
        table?.End();
        doc.Paragraph(table is null
            ? "Các kế hoạch không đặt chỉ tiêu định lượng."
            : $"Tổng số {table.Rows} chỉ tiêu: đạt {counts[(int)TargetResult.Met]}; không đạt {counts[(int)TargetResult.NotMet]}; " +
              $"chưa có số liệu {counts[(int)TargetResult.NoData]}.", indent: true);
    }

    /// <returns>The number of rows; no table at all when there are none.</returns>
    private static async Task<int> TaskTable(DocxWriter doc, DocxColumn[] columns, IAsyncEnumerable<TaskRow> rows, Func<TaskRow, string> last,
        CancellationToken ct)
    {
        DocxTable? table = null;
        await foreach (var t in rows.WithCancellation(ct))
        {
            table ??= doc.Table(columns);
            table.Row((table.Rows + 1).ToString(), $"{t.Code}. {t.Title}", W.Document(t), t.Lead ?? "", W.Deadline(t), last(t));
        }
        table?.End();
        return table?.Rows ?? 0;
    }

    /// <summary>Issuing body left, national motto right, place and date under it (Decree 30/2020/NĐ-CP).</summary>
    private static void Header(DocxWriter doc, QuarterlyReportScope scope)
    {
        var issued = scope.IssuedOn;
        var left = new List<OpenXmlElement> { DocxWriter.Line(W.Issuer(scope), bold: scope.SecretariatName is null, size: 24) };
        if (scope.SecretariatName is { } secretariat) left.Add(DocxWriter.Line(secretariat.ToUpper(W.Culture), bold: true, size: 24));
        left.Add(Rule(3400, 1200)); // the short rule under the issuing body's name
        left.Add(DocxWriter.Line("Số:        /BC", size: 24));
        doc.Write(DocxWriter.Borderless(
            (3400, left),
            (DocxWriter.TextWidth - 3400,
            [
                DocxWriter.Line("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24),
                DocxWriter.Line("Độc lập - Tự do - Hạnh phúc", bold: true),
                Rule(DocxWriter.TextWidth - 3400, 3300), // as long as the motto
                DocxWriter.Line($"{scope.ProvinceName}, {W.IssuedOn(issued)}", italic: true),
            ])));
        doc.Write(new Paragraph());
    }

    /// <summary>
    /// Recipients left, the signer right (title from configuration, space to sign, name), in one
    /// row that cannot split, kept with the closing sentence: the block never starts a page alone.
    /// </summary>
    private static void Signature(DocxWriter doc, Reporting.ReportSigner signer)
    {
        var right = new List<OpenXmlElement>();
        foreach (var line in signer.Title.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            right.Add(DocxWriter.Line(line.ToUpper(W.Culture), bold: true));
        for (var i = 0; i < 4; i++) right.Add(DocxWriter.Line(""));
        right.Add(DocxWriter.Line(signer.Name ?? "", bold: true));
        var table = DocxWriter.Borderless(
            (4400,
            [
                DocxWriter.Line("Nơi nhận:", bold: true, italic: true, size: 24, centered: false),
                DocxWriter.Line("- Ban Chỉ đạo tỉnh (để báo cáo);", size: 22, centered: false),
                DocxWriter.Line("- UBND tỉnh (để báo cáo);", size: 22, centered: false),
                DocxWriter.Line("- Lưu: VT.", size: 22, centered: false),
            ]),
            (DocxWriter.TextWidth - 4400, right));
        table.GetFirstChild<TableRow>()!.PrependChild(new TableRowProperties(new CantSplit()));
        foreach (var p in table.Descendants<Paragraph>()) Keep(p);
        doc.Write(table);
    }

    /// <summary>Keeps the paragraph on one page and with the next one.</summary>
    private static Paragraph Keep(Paragraph paragraph)
    {
        var properties = paragraph.ParagraphProperties ?? paragraph.PrependChild(new ParagraphProperties());
        properties.PrependChild(new KeepLines());
        properties.PrependChild(new KeepNext());
        return paragraph;
    }

    /// <summary>A centred horizontal rule <paramref name="width"/> twips long inside a block <paramref name="block"/> twips wide.</summary>
    private static Paragraph Rule(int block, int width)
    {
        var side = Math.Max(0, (block - width) / 2).ToString();
        return new Paragraph(new ParagraphProperties(
            new ParagraphBorders(new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "60", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side, Right = side }));
    }

    /// <summary>
    /// One section of the template, as each agency wrote it ("- Sở Nội vụ: …", its further lines
    /// following), or a sentence saying no agency wrote it.
    /// </summary>
    private static void Narrative(DocxWriter doc, IReadOnlyList<AgencyNarrative> narratives, Func<AgencyNarrative, string> section)
    {
        var written = narratives.Where(n => !string.IsNullOrWhiteSpace(section(n))).ToList();
        if (written.Count == 0)
        {
            doc.Paragraph(narratives.Count == 0 ? "Chưa có cơ quan nào gửi báo cáo trong kỳ." : "Các cơ quan đã gửi báo cáo không nêu nội dung này.", indent: true);
            return;
        }
        foreach (var n in written)
        {
            var lines = section(n).Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            doc.Write(DocxWriter.Para(false, true, DocxWriter.Text($"- {n.Agency}: ", bold: true), DocxWriter.Text(lines.FirstOrDefault() ?? "")));
            foreach (var line in lines.Skip(1)) doc.Paragraph(line, indent: true);
        }
    }
}

using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using Npgsql;
using PlanTracker.Core.Domain;
using PlanTracker.Core.Reports;
using S = DocumentFormat.OpenXml.Spreadsheet;
using Wd = DocumentFormat.OpenXml.Wordprocessing;

namespace PlanTracker.Benchmarks.Benchmarks.Report;

/// <summary>
/// Issue 17's fair baseline for the quarterly report: the same sections (totals, by plan, by lead
/// agency, targets with the quarter's actual, overdue tasks, agencies missing their report, tasks
/// due next quarter, the agencies' narratives), one SQL statement each, every row written with
/// <see cref="OpenXmlWriter"/> straight from the <see cref="NpgsqlDataReader"/> into a zip entry
/// deflated at the same level as the app's (<see cref="CompressionLevel.Optimal"/>). What it leaves
/// out on purpose, because it is not where time goes: styles, column widths, wording of the
/// deadline and delay columns (the raw dates are written instead), the signature block.
/// </summary>
public static class PlainReportWriter
{
    private const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private static readonly System.Globalization.CultureInfo Vietnamese = new("vi-VN");

    private sealed record Section(string Name, string Sql, object?[] Parameters);

    private const string TimelinessSql =
        "task_timeliness(t.status, t.completed_on, t.deadline_kind, coalesce(t.extended_due_on, t.deadline_due_on), $2)";

    /// <summary>count(*) FILTER per timeliness state, in the report's column order: the pivot done by PostgreSQL.</summary>
    private static string Pivot => string.Join(", ", Enum.GetValues<PlanTracker.Core.Domain.Timeliness>().Select(s => $"count(*) FILTER (WHERE t.tl = '{s}')"));

    /// <summary>The scope's tasks with their timeliness computed once per row (the function is not cheap; eight FILTERs would call it eight times).</summary>
    private const string Timed = $"(SELECT t.*, {TimelinessSql} AS tl, p.title AS plan_title FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE NOT t.is_group AND p.province_id = $1 AND p.status = 'Published') t";

    private const string TaskColumns = """
        SELECT t.code, t.title, d.number, d.issued_on, p.title, coalesce(a.short_name, a.name), t.deadline_kind,
               t.deadline_start_on, coalesce(t.extended_due_on, t.deadline_due_on), t.status, t.percent_complete
        FROM plan_tasks t JOIN plans p ON p.id = t.plan_id JOIN documents d ON d.id = p.document_id
             LEFT JOIN agencies a ON a.id = t.lead_agency_id
        WHERE NOT t.is_group AND p.province_id = $1 AND p.status = 'Published'
        """;

    private static Section[] Sections(QuarterlyReportScope scope)
    {
        var (province, asOf, period) = (scope.ProvinceId, scope.AsOf, scope.PeriodId ?? 0);
        var ongoing = string.Join(", ", Deadline.OngoingKinds.Select(k => $"'{k}'"));
        // Expected to report: an agency (not a group) leading a published task itself or through a group (ReportingObligations).
        const string Expected = """
            FROM agencies a WHERE a.kind <> 'Group' AND a.province_id = $1 AND (
              EXISTS (SELECT 1 FROM plan_tasks t JOIN plans p ON p.id = t.plan_id WHERE t.lead_agency_id = a.id AND NOT t.is_group AND p.status = 'Published')
              OR EXISTS (SELECT 1 FROM agency_group_members m JOIN plan_tasks t ON t.lead_agency_id = m.group_id JOIN plans p ON p.id = t.plan_id
                         WHERE m.member_id = a.id AND p.status = 'Published'))
            """;
        const string Missing = "AND NOT EXISTS (SELECT 1 FROM period_reports r WHERE r.reporting_period_id = $2 AND r.agency_id = a.id AND r.submitted_at IS NOT NULL)";
        return
        [
            new("Tổng hợp", $"SELECT {Pivot}, count(*), (SELECT count(*) {Expected} {Missing.Replace("$2", "$3")}), (SELECT count(*) {Expected}) FROM {Timed}",
                [province, asOf, period]),
            new("Theo kế hoạch", $"SELECT t.plan_title, count(*), {Pivot} FROM {Timed} GROUP BY t.plan_id, t.plan_title ORDER BY t.plan_title, t.plan_id", [province, asOf]),
            new("Theo cơ quan", $"""
                SELECT coalesce(a.short_name, a.name, ''), count(*), {Pivot}
                FROM {Timed} LEFT JOIN agencies a ON a.id = t.lead_agency_id
                GROUP BY coalesce(t.lead_agency_id, 0), 1 ORDER BY 1, coalesce(t.lead_agency_id, 0)
                """, [province, asOf]),
            new("Chỉ tiêu", $"""
                SELECT t.code, x.indicator, x.text, x.comparison, x.value, x.unit_text,
                       (SELECT v.value FROM target_actuals v WHERE v.target_id = x.id AND v.reporting_period_id = $2 LIMIT 1)
                FROM targets x JOIN plan_tasks t ON t.id = x.task_id JOIN plans p ON p.id = t.plan_id
                WHERE NOT t.is_group AND p.province_id = $1 AND p.status = 'Published'
                ORDER BY p.title, t.plan_id, t.sort_order, x.sort_order
                """, [province, period]),
            new("Quá hạn", $"""
                {TaskColumns} AND {TimelinessSql} = 'InProgressOverdue'
                ORDER BY coalesce(t.extended_due_on, t.deadline_due_on), p.title, t.sort_order
                """, [province, asOf]),
            new("Chưa báo cáo", $"SELECT a.name {Expected} {Missing} ORDER BY a.name, a.id", [province, period]),
            new("Đến hạn quý sau", $"""
                {TaskColumns} AND t.status IN ('NotStarted', 'InProgress') AND t.deadline_kind NOT IN ({ongoing})
                  AND coalesce(t.extended_due_on, t.deadline_due_on) BETWEEN $2 AND $3
                ORDER BY coalesce(t.extended_due_on, t.deadline_due_on), p.title, t.sort_order
                """, [province, scope.NextStartOn, scope.NextEndOn]),
            new("Báo cáo đơn vị", """
                SELECT r.agency_name, r.content, r.shortcomings, r.causes, r.directions, r.proposals FROM period_reports r
                WHERE r.reporting_period_id = $2 AND r.state IN ('Submitted', 'Accepted')
                  AND EXISTS (SELECT 1 FROM agencies a WHERE a.id = r.agency_id AND a.province_id = $1)
                ORDER BY r.agency_name, r.id
                """, [province, period]),
        ];
    }

    public static async Task WriteXlsxAsync(NpgsqlConnection connection, QuarterlyReportScope scope, Stream output)
    {
        var sections = Sections(scope);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Xml(zip, "[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>""");
        Xml(zip, "_rels/.rels", Rels(("rId1", "officeDocument", "xl/workbook.xml")));
        Xml(zip, "xl/_rels/workbook.xml.rels", Rels(sections.Select((_, i) => ($"rId{i + 1}", "worksheet", $"worksheets/sheet{i + 1}.xml")).ToArray()));
        Xml(zip, "xl/workbook.xml", new S.Workbook(new S.Sheets(sections.Select((s, i) => new S.Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = $"rId{i + 1}" }))).OuterXml);
        for (var i = 0; i < sections.Length; i++)
        {
            await using var entry = zip.CreateEntry($"xl/worksheets/sheet{i + 1}.xml", CompressionLevel.Optimal).Open();
            using var w = OpenXmlWriter.Create(entry, new UTF8Encoding(false));
            w.WriteStartDocument(true);
            w.WriteStartElement(new S.Worksheet());
            w.WriteStartElement(new S.SheetData());
            await using var reader = await ExecuteAsync(connection, sections[i]);
            var row = 0;
            while (await reader.ReadAsync())
            {
                w.WriteStartElement(new S.Row(), [new OpenXmlAttribute("r", "", (++row).ToString())]);
                for (var c = 0; c < reader.FieldCount; c++) XlsxCell(w, reader, c);
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        }
    }

    public static async Task WriteDocxAsync(NpgsqlConnection connection, QuarterlyReportScope scope, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        Xml(zip, "[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
        Xml(zip, "_rels/.rels", Rels(("rId1", "officeDocument", "word/document.xml")));
        await using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open();
        using var w = OpenXmlWriter.Create(entry, new UTF8Encoding(false));
        w.WriteStartDocument(true);
        w.WriteStartElement(new Wd.Document());
        w.WriteStartElement(new Wd.Body());
        w.WriteElement(new Wd.Paragraph(new Wd.Run(new Wd.Text($"BÁO CÁO {scope.Label} - tỉnh {scope.ProvinceName}"))));
        foreach (var section in Sections(scope))
        {
            w.WriteElement(new Wd.Paragraph(new Wd.Run(new Wd.Text(section.Name))));
            await using var reader = await ExecuteAsync(connection, section);
            w.WriteStartElement(new Wd.Table());
            while (await reader.ReadAsync())
            {
                w.WriteStartElement(new Wd.TableRow());
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    w.WriteStartElement(new Wd.TableCell());
                    w.WriteStartElement(new Wd.Paragraph());
                    w.WriteStartElement(new Wd.Run());
                    w.WriteStartElement(new Wd.Text());
                    w.WriteString(Clean(reader.IsDBNull(c) ? "" : Convert.ToString(reader.GetValue(c), Vietnamese)!));
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            }
            // An empty table is not valid Word: close it with one empty row.
            w.WriteElement(new Wd.TableRow(new Wd.TableCell(new Wd.Paragraph())));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
    }

    /// <summary>A stage of the time: every section's rows read to the end and thrown away, no XML, no zip.</summary>
    public static async Task<long> ReadOnlyAsync(NpgsqlConnection connection, QuarterlyReportScope scope)
    {
        long values = 0;
        foreach (var section in Sections(scope))
        {
            await using var reader = await ExecuteAsync(connection, section);
            while (await reader.ReadAsync())
                for (var c = 0; c < reader.FieldCount; c++)
                    if (!reader.IsDBNull(c) && reader.GetValue(c) is not null) values++;
        }
        return values;
    }

    private static async Task<NpgsqlDataReader> ExecuteAsync(NpgsqlConnection connection, Section section)
    {
        var cmd = new NpgsqlCommand(section.Sql, connection);
        foreach (var p in section.Parameters) cmd.Parameters.AddWithValue(p!);
        return await cmd.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
    }

    private static void XlsxCell(OpenXmlWriter w, NpgsqlDataReader reader, int c)
    {
        if (reader.IsDBNull(c)) { w.WriteElement(new S.Cell()); return; }
        switch (reader.GetFieldType(c).Name)
        {
            case nameof(Int32) or nameof(Int64) or nameof(Decimal):
                w.WriteStartElement(new S.Cell());
                w.WriteElement(new S.CellValue(Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture)!));
                w.WriteEndElement();
                break;
            case nameof(DateTime) or nameof(DateOnly):
                w.WriteStartElement(new S.Cell());
                w.WriteElement(new S.CellValue(reader.GetFieldValue<DateOnly>(c).ToDateTime(TimeOnly.MinValue).ToOADate()));
                w.WriteEndElement();
                break;
            default:
                w.WriteStartElement(new S.Cell(), [new OpenXmlAttribute("t", "", "inlineStr")]);
                w.WriteStartElement(new S.InlineString());
                w.WriteStartElement(new S.Text());
                w.WriteString(Clean(reader.GetString(c)));
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteEndElement();
                break;
        }
    }

    private static string Rels(params (string Id, string Type, string Target)[] relationships) =>
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
        string.Concat(relationships.Select(r => $"<Relationship Id=\"{r.Id}\" Type=\"{Rel}{r.Type}\" Target=\"{r.Target}\"/>")) + "</Relationships>";

    private static void Xml(ZipArchive zip, string path, string xml)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        var bytes = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml);
        stream.Write(bytes);
    }

    /// <summary>XML 1.0 refuses most control characters (the app's PartWriter.Clean, which is internal).</summary>
    private static string Clean(string text) =>
        text.Any(ch => ch < 0x20 && ch is not ('\t' or '\n' or '\r')) ? string.Concat(text.Where(ch => ch >= 0x20 || ch is '\t' or '\n' or '\r')) : text;
}

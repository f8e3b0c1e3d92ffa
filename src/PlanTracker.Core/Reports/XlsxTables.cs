using System.Globalization;

namespace PlanTracker.Core.Reports;

/// <summary>One table of a workbook: a title line, a header row, then the rows.</summary>
public sealed record XlsxTable(string Name, string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Tables already in memory (the dashboard's) laid out one per sheet on <see cref="XlsxWriter"/>.</summary>
public static class XlsxTables
{
    public static void Write(Stream output, IReadOnlyList<XlsxTable> tables)
    {
        using var book = new XlsxWriter(output, tables.Select(t => t.Name).ToList());
        foreach (var table in tables)
        {
            // The title and the header stay in sight while scrolling.
            using var sheet = book.NextSheet(frozenRows: 2, Widths(table));
            sheet.Title(table.Title);
            sheet.Header([.. table.Headers]);
            foreach (var row in table.Rows) sheet.Row([.. row]);
        }
        book.Finish();
    }

    public static byte[] Write(IReadOnlyList<XlsxTable> tables)
    {
        using var stream = new MemoryStream();
        Write(stream, tables);
        return stream.ToArray();
    }

    /// <summary>Each column as wide as its longest text among the first 500 rows, within 6–60 characters.</summary>
    private static double[] Widths(XlsxTable table) => table.Headers.Select((header, c) =>
        (double)Math.Clamp(table.Rows.Take(500).Select(row => c < row.Count ? Text(row[c]).Length : 0).Append(header.Length).Max() + 2, 6, 60)).ToArray();

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly => "00/00/0000",
        Percent => "100%",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

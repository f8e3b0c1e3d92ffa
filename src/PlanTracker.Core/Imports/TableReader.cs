using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PlanTracker.Core.Common;

namespace PlanTracker.Core.Imports;

/// <summary>Reads the rows of a .csv (CsvHelper) or the first sheet of an .xlsx (Open XML SDK) as text.</summary>
public static class TableReader
{
    public static List<string[]> Read(string fileName, Stream content)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        try
        {
            return extension switch
            {
                ".csv" or ".txt" => ReadCsv(content),
                ".xlsx" => ReadXlsx(fileName, content),
                _ => throw new RuleViolationException("file", Wording.Pick($"Tệp '{fileName}' không phải .csv hay .xlsx.", $"'{fileName}' is neither .csv nor .xlsx.")),
            };
        }
        catch (Exception e) when (e is CsvHelperException or InvalidDataException or OpenXmlPackageException or FileFormatException
            or System.Xml.XmlException or InvalidCastException or ArgumentException or KeyNotFoundException)
        {
            throw new RuleViolationException("file", Wording.Pick($"Không đọc được tệp '{fileName}' dạng {extension}: {e.Message}", $"'{fileName}' could not be read as {extension}: {e.Message}"));
        }
    }

    private static List<string[]> ReadCsv(Stream content)
    {
        using var reader = new StreamReader(content, detectEncodingFromByteOrderMarks: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            BadDataFound = null,
        };
        using var csv = new CsvParser(reader, config);
        var rows = new List<string[]>();
        while (csv.Read()) rows.Add(csv.Record ?? []);
        return rows;
    }

    private static List<string[]> ReadXlsx(string fileName, Stream content)
    {
        using var seekable = content.CanSeek ? null : new MemoryStream();
        if (seekable is not null)
        {
            content.CopyTo(seekable);
            seekable.Position = 0;
        }
        var package = seekable ?? content;
        Files.PackageGuard.Check(package, fileName, "file");
        using var document = SpreadsheetDocument.Open(package, isEditable: false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The workbook has no sheets.");
        var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The workbook has no sheets.");
        var worksheet = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        var rows = new List<string[]>();
        foreach (var row in worksheet.Descendants<Row>())
        {
            var cells = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < column) cells.Add("");
                cells.Add(Text(cell, shared));
            }
            rows.Add([.. cells]);
        }
        return rows;
    }

    private static string Text(Cell cell, string[] shared)
    {
        var value = cell.CellValue?.Text ?? cell.InlineString?.InnerText ?? "";
        return cell.DataType?.Value == CellValues.SharedString && int.TryParse(value, out var i) && i < shared.Length ? shared[i] : value;
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return index - 1;
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PcnPortal.TestSupport.Generation;

/// <summary>A worksheet to write: its name, header cells and rows. Cells: string (shared string), int/long/double/decimal (number), bool, or null (empty).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<object?> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>Writes plain .xlsx workbooks with the Open XML SDK's streaming writer (for test fixtures and generated national files).</summary>
public static class SimpleXlsxWriter
{
    public static byte[] ToBytes(params XlsxSheet[] sheets)
    {
        using var stream = new MemoryStream();
        Write(stream, sheets);
        return stream.ToArray();
    }

    public static void Write(Stream stream, params XlsxSheet[] sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        var sharedStrings = new Dictionary<string, int>(StringComparer.Ordinal);
        var sheetElements = new Sheets();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(part))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                var rowNumber = 1u;
                WriteRow(writer, rowNumber++, sheet.Header, sharedStrings);
                foreach (var row in sheet.Rows)
                {
                    WriteRow(writer, rowNumber++, row, sharedStrings);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            sheetElements.Append(new Sheet { Name = sheet.Name, SheetId = sheetId++, Id = workbookPart.GetIdOfPart(part) });
        }

        var table = new SharedStringTable();
        foreach (var text in sharedStrings.OrderBy(s => s.Value).Select(s => s.Key))
        {
            table.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        workbookPart.AddNewPart<SharedStringTablePart>().SharedStringTable = table;
        workbookPart.Workbook = new Workbook(sheetElements);
        workbookPart.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, uint rowNumber, IReadOnlyList<object?> cells, Dictionary<string, int> sharedStrings)
    {
        writer.WriteStartElement(new Row { RowIndex = rowNumber });
        for (var i = 0; i < cells.Count; i++)
        {
            var value = cells[i];
            if (value is null)
            {
                continue;
            }

            var reference = ColumnName(i) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var cell = value switch
            {
                string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(SharedIndex(s, sharedStrings)) },
                bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b) },
                int n => new Cell { CellReference = reference, CellValue = new CellValue(n) },
                long n => new Cell { CellReference = reference, CellValue = new CellValue(n.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
                decimal m => new Cell { CellReference = reference, CellValue = new CellValue(m) },
                _ => throw new ArgumentException($"Cannot write a {value.GetType().Name} to a cell.", nameof(cells)),
            };
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static int SharedIndex(string text, Dictionary<string, int> sharedStrings)
    {
        if (!sharedStrings.TryGetValue(text, out var index))
        {
            index = sharedStrings.Count;
            sharedStrings[text] = index;
        }

        return index;
    }

    private static string ColumnName(int index)
    {
        var name = string.Empty;
        index++;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            name = (char)('A' + rem) + name;
            index = (index - 1) / 26;
        }

        return name;
    }
}

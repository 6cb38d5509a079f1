using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PcnPortal.Web.Infrastructure.Files;

/// <summary>A worksheet row: its number as Excel shows it and the cell texts by zero-based column index (null when empty).</summary>
internal readonly record struct XlsxRow(int Number, string?[] Cells)
{
    public string? this[int column] => column >= 0 && column < Cells.Length ? Cells[column] : null;

    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>A workbook refused because it goes past a size limit (a "zip bomb" or a cell beyond column XFD); the message says which.</summary>
internal sealed class XlsxLimitException(string message) : IOException(message);

/// <summary>
/// Reads cell texts from an .xlsx workbook with the Open XML SDK's streaming reader. Hostile workbooks are refused before they
/// cost memory: every part is unpacked once, counting bytes, and refused past <see cref="MaxPartBytes"/> (or the whole past
/// <see cref="MaxTotalBytes"/>, or more than <see cref="MaxParts"/> parts), whatever sizes the zip claims; shared strings are
/// streamed, not loaded as a document; a cell reference past column XFD (Excel's last) is refused. Shared strings, inline strings, numbers
/// (as their invariant text: a date-styled cell gives its Excel serial number) and booleans ("TRUE"/"FALSE").
/// </summary>
internal sealed class XlsxWorkbookReader : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Dictionary<string, WorksheetPart> _sheets = new(StringComparer.Ordinal);
    private readonly string[] _sharedStrings;

    /// <summary>Largest unpacked part (a worksheet or the shared strings); the national ePCN workbook's largest is a few MB.</summary>
    public const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>Largest unpacked workbook, all parts together.</summary>
    public const long MaxTotalBytes = 160L * 1024 * 1024;

    public const int MaxParts = 1_000;

    /// <summary>Excel's last column, XFD, as a zero-based index.</summary>
    public const int MaxColumnIndex = 16_383;

    private XlsxWorkbookReader(SpreadsheetDocument document)
    {
        _document = document;
        var workbookPart = document.WorkbookPart ?? throw new InvalidDataException("The file has no workbook part.");
        var sheets = workbookPart.Workbook?.Sheets?.Elements<Sheet>() ?? [];
        foreach (var sheet in sheets)
        {
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id && workbookPart.GetPartById(id) is WorksheetPart part)
            {
                _sheets[name] = part;
                SheetNames.Add(name);
            }
        }

        _sharedStrings = workbookPart.SharedStringTablePart is { } sharedStrings ? ReadSharedStrings(sharedStrings) : [];
    }

    private static string[] ReadSharedStrings(SharedStringTablePart part)
    {
        var items = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                items.Add(ItemText(reader.LoadCurrentElement()!));
            }
        }

        return [.. items];
    }

    /// <summary>Unpacks every part once, counting the bytes it really produces, and refuses the workbook past the limits.</summary>
    private static void CheckSizes(Stream seekable)
    {
        try
        {
            CheckPartSizes(seekable);
        }
        catch (NotSupportedException)
        {
            throw new InvalidDataException("The workbook uses a zip feature Excel does not write.");
        }
    }

    private static void CheckPartSizes(Stream seekable)
    {
        var start = seekable.Position;
        using (var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true))
        {
            if (zip.Entries.Count > MaxParts)
            {
                throw new XlsxLimitException($"The workbook has {zip.Entries.Count:N0} parts; a workbook the portal reads has no more than {MaxParts:N0}. Upload the file as NHS Digital publishes it.");
            }

            var buffer = new byte[81_920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxPartBytes)
                {
                    throw TooBig(entry.FullName);
                }

                using var part = entry.Open();
                long size = 0;
                int read;
                while ((read = part.Read(buffer, 0, buffer.Length)) > 0)
                {
                    size += read;
                    total += read;
                    if (size > MaxPartBytes)
                    {
                        throw TooBig(entry.FullName);
                    }

                    if (total > MaxTotalBytes)
                    {
                        throw new XlsxLimitException($"The workbook unpacks to more than {MaxTotalBytes / 1024 / 1024} MB, far more than any ePCN workbook. It is refused; upload the file as NHS Digital publishes it.");
                    }
                }
            }
        }

        seekable.Position = start;

        static XlsxLimitException TooBig(string name) =>
            new($"The workbook's part '{name}' unpacks to more than {MaxPartBytes / 1024 / 1024} MB, far more than any ePCN workbook. It is refused; upload the file as NHS Digital publishes it.");
    }

    public List<string> SheetNames { get; } = [];

    /// <summary>The workbook's creation date from its document properties (docProps/core.xml), when it has one.</summary>
    public DateTime? Created => _document.PackageProperties.Created;

    /// <summary>Opens a workbook; throws (OpenXmlPackageException, InvalidDataException, FileFormatException…) when it is not one.</summary>
    public static XlsxWorkbookReader Open(Stream stream)
    {
        Stream seekable = stream;
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            seekable = copy;
        }

        CheckSizes(seekable);
        return new XlsxWorkbookReader(SpreadsheetDocument.Open(seekable, false));
    }

    public IEnumerable<XlsxRow> ReadRows(string sheetName)
    {
        var part = _sheets[sheetName];
        using var reader = OpenXmlReader.Create(part);
        var previousRow = 0;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int?)row.RowIndex?.Value ?? previousRow + 1;
            previousRow = number;
            var cells = new List<string?>();
            var nextColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : nextColumn;
                nextColumn = column + 1;
                while (cells.Count <= column)
                {
                    cells.Add(null);
                }

                cells[column] = CellText(cell);
            }

            yield return new XlsxRow(number, [.. cells]);
        }
    }

    public void Dispose() => _document.Dispose();

    private string? CellText(Cell cell)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString is { } inline ? ItemText(inline) : null;
        }

        var raw = cell.CellValue?.Text;
        if (raw is null)
        {
            return null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, out var index) && index >= 0 && index < _sharedStrings.Length ? _sharedStrings[index] : null;
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }

        return raw;
    }

    private static string ItemText(OpenXmlElement item)
    {
        if (item.GetFirstChild<Text>() is { } text)
        {
            return text.Text;
        }

        var builder = new StringBuilder();
        foreach (var run in item.Elements<Run>())
        {
            builder.Append(run.Text?.Text);
        }

        return builder.ToString();
    }

    /// <summary>"A1" → 0, "XFD7" → 16383; a reference past XFD (or with more than three letters) is refused.</summary>
    internal static int ColumnIndex(string reference)
    {
        var index = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            if (++letters > 3)
            {
                throw ColumnTooFar(reference);
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        if (index - 1 > MaxColumnIndex)
        {
            throw ColumnTooFar(reference);
        }

        return index - 1;
    }

    private static XlsxLimitException ColumnTooFar(string reference) =>
        new($"The workbook has a cell at {(reference.Length > 20 ? reference[..20] + "…" : reference)}, past column XFD (the last column Excel has). It is refused; upload the file as NHS Digital publishes it.");
}

/// <summary>Header and sheet names compared the way the NHS files need: case, spaces, line breaks and punctuation ignored.</summary>
internal static class HeaderText
{
    /// <summary>"Practice to PCN\nRelationship  Start Date" → "practicetopcnrelationshipstartdate".</summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Excel escapes a carriage return inside shared strings as _x000D_.
        var cleaned = text.Replace("_x000D_", " ", StringComparison.OrdinalIgnoreCase);
        var builder = new StringBuilder(cleaned.Length);
        foreach (var c in cleaned)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    /// <summary>Header text for messages: runs of white space and line breaks collapsed to one space.</summary>
    public static string Display(string? text) =>
        string.Join(' ', (text ?? string.Empty).Replace("_x000D_", " ", StringComparison.OrdinalIgnoreCase).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

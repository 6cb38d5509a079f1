using System.Globalization;
using System.Text;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Registration;

public enum ListSizeFileFormat
{
    Unknown = 0,

    /// <summary>NHS Digital "Patients Registered at a GP Practice" (gp-reg-pat-prac-all.csv): registered list sizes only.</summary>
    NhsDigital = 1,

    /// <summary>The portal's own CSV: practice_code, as_at, registered, weighted.</summary>
    Portal = 2,
}

/// <summary>One practice's list sizes as at a date. <see cref="Row"/> is the file's row number (header = 1).</summary>
public sealed record ListSizeRow(int Row, string PracticeCode, DateOnly AsAt, int Registered, decimal? Weighted)
{
    public ListSizeRecord ToRecord() => new(PracticeCode, AsAt, Registered, Weighted);
}

/// <summary>
/// The outcome of reading a list-size CSV. <see cref="AsAt"/> is the extract date of an NHS Digital file (null for a portal file
/// unless all its rows share one date). When <see cref="IsRejected"/> <see cref="Rows"/> is empty: nothing may be saved.
/// </summary>
public sealed record ListSizeParseResult(ListSizeFileFormat Format, DateOnly? AsAt, IReadOnlyList<ListSizeRow> Rows, IReadOnlyList<ImportProblem> Problems)
{
    public bool IsRejected => Problems.Any(p => p.IsError);

    public IEnumerable<ImportProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => !p.IsError);
}

/// <summary>
/// Parses list-size CSVs: NHS Digital's "Patients Registered at a GP Practice" (CCG or Sub ICB Location columns; only rows with
/// SEX=ALL and AGE=ALL are kept; the as-at date is EXTRACT_DATE, in any of its published formats, and all rows must agree) or
/// the portal's own <c>practice_code, as_at, registered, weighted</c>. The format is detected from the header. Files must be UTF-8
/// (a BOM is allowed). Pure: no database; never throws for a bad file.
/// </summary>
public static class ListSizeCsvParser
{
    private const int MaxProblems = 200;

    private static readonly string[] NhsRequired = ["EXTRACT_DATE", "CODE", "SEX", "AGE", "NUMBER_OF_PATIENTS"];
    private static readonly string[] PortalRequired = ["practice_code", "as_at", "registered", "weighted"];

    public static ListSizeParseResult ParseFile(string path)
    {
        try
        {
            return Parse(File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Rejected(ListSizeFileFormat.Unknown, new ImportProblem(null, null, null, $"The file '{path}' cannot be read: {ex.Message}"));
        }
    }

    public static ListSizeParseResult Parse(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }

    public static ListSizeParseResult Parse(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var at = ex.Index >= 0 ? $" (first bad byte at position {ex.Index})" : string.Empty;
            return Rejected(ListSizeFileFormat.Unknown, new ImportProblem(null, null, null, $"The file is not UTF-8 text{at}. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again."));
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Rejected(ListSizeFileFormat.Unknown, new ImportProblem(null, null, null, "The file is empty."));
        }

        var parser = new CsvRecordReader(text);
        try
        {
            if (!parser.Read())
            {
                return Rejected(ListSizeFileFormat.Unknown, new ImportProblem(null, null, null, "The file is empty."));
            }

            var header = parser.Record!.Select(h => h.Trim()).ToArray();
            var index = header.Select((h, i) => (h, i)).GroupBy(x => x.h, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().i, StringComparer.OrdinalIgnoreCase);
            if (index.ContainsKey("practice_code") || index.ContainsKey("as_at"))
            {
                return ParsePortal(parser, index);
            }

            if (index.ContainsKey("EXTRACT_DATE") || index.ContainsKey("NUMBER_OF_PATIENTS"))
            {
                return ParseNhsDigital(parser, index);
            }

            return Rejected(ListSizeFileFormat.Unknown, new ImportProblem(null, 1, null,
                $"The header ({string.Join(", ", header)}) is neither NHS Digital's \"Patients Registered at a GP Practice\" ({string.Join(", ", NhsRequired)}) nor the portal's ({string.Join(", ", PortalRequired)})."));
        }
        catch (FormatException ex)
        {
            return Rejected(ListSizeFileFormat.Unknown, new ImportProblem(null, parser.Row + 1, null, $"The file is not valid CSV: {ex.Message}."));
        }
    }

    private static ListSizeParseResult ParseNhsDigital(CsvRecordReader parser, Dictionary<string, int> index)
    {
        var problems = new List<ImportProblem>();
        if (MissingColumns(index, NhsRequired, problems))
        {
            return Rejected(ListSizeFileFormat.NhsDigital, problems);
        }

        var rows = new List<ListSizeRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        DateOnly? asAt = null;
        var asAtRow = 0;
        var rowNumber = 1;
        while (parser.Read())
        {
            rowNumber++;
            var record = parser.Record!;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var line = new Line(record, rowNumber, index, problems);
            if (!line.Get("SEX").Equals("ALL", StringComparison.OrdinalIgnoreCase) || !line.Get("AGE").Equals("ALL", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var before = problems.Count;
            var date = line.Date("EXTRACT_DATE");
            if (date is not null)
            {
                if (asAt is null)
                {
                    asAt = date;
                    asAtRow = rowNumber;
                }
                else if (asAt != date)
                {
                    line.Problem("EXTRACT_DATE", $"The extract date {date:yyyy-MM-dd} differs from {asAt:yyyy-MM-dd} on row {asAtRow}: a file must be one extract.");
                }
            }

            var code = line.PracticeCode("CODE");
            var registered = line.Count("NUMBER_OF_PATIENTS");
            if (code is not null && seen.TryGetValue(code, out var first))
            {
                line.Problem("CODE", $"Practice {code} appears twice with SEX=ALL and AGE=ALL (also on row {first}).");
            }
            else if (code is not null)
            {
                seen[code] = rowNumber;
            }

            if (problems.Count == before)
            {
                rows.Add(new ListSizeRow(rowNumber, code!, date!.Value, registered!.Value, null));
            }

            if (problems.Count >= MaxProblems)
            {
                problems.Add(new ImportProblem(null, rowNumber, null, $"Stopped after {MaxProblems} problems."));
                break;
            }
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, null, null, "The file has no rows with SEX=ALL and AGE=ALL (one per practice)."));
        }

        return problems.Any(p => p.IsError)
            ? new ListSizeParseResult(ListSizeFileFormat.NhsDigital, asAt, [], problems)
            : new ListSizeParseResult(ListSizeFileFormat.NhsDigital, asAt, rows, problems);
    }

    private static ListSizeParseResult ParsePortal(CsvRecordReader parser, Dictionary<string, int> index)
    {
        var problems = new List<ImportProblem>();
        if (MissingColumns(index, PortalRequired, problems))
        {
            return Rejected(ListSizeFileFormat.Portal, problems);
        }

        var rows = new List<ListSizeRow>();
        var seen = new Dictionary<(string, DateOnly), int>();
        var rowNumber = 1;
        while (parser.Read())
        {
            rowNumber++;
            var record = parser.Record!;
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var line = new Line(record, rowNumber, index, problems);
            var before = problems.Count;
            var code = line.PracticeCode("practice_code");
            DateOnly? date = null;
            var dateText = line.Get("as_at");
            if (FormDate.TryParseIso(dateText, out var parsed))
            {
                date = parsed;
            }
            else
            {
                line.Problem("as_at", dateText.Length == 0 ? "The as-at date is blank: enter it as YYYY-MM-DD, for example 2021-01-01."
                    : DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                        ? $"{dateText} is not a date the portal takes: the as-at date must be between {FormDate.Earliest.Year} and {FormDate.Latest.Year}."
                        : $"'{dateText}' is not a date written YYYY-MM-DD, for example 2021-01-01.");
            }

            var registered = line.Count("registered");
            decimal? weighted = null;
            var weightedText = line.Get("weighted");
            if (weightedText.Length > 0)
            {
                if (decimal.TryParse(weightedText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var w))
                {
                    weighted = w;
                }
                else
                {
                    line.Problem("weighted", $"'{weightedText}' is not a weighted list size: enter a number of patients of 0 or more, for example 10234.56.");
                }
            }

            if (code is not null && date is not null)
            {
                if (seen.TryGetValue((code, date.Value), out var first))
                {
                    line.Problem("practice_code", $"Practice {code} has two rows as at {date:yyyy-MM-dd} (also on row {first}).");
                }
                else
                {
                    seen[(code, date.Value)] = rowNumber;
                }
            }

            if (problems.Count == before)
            {
                rows.Add(new ListSizeRow(rowNumber, code!, date!.Value, registered!.Value, weighted));
            }

            if (problems.Count >= MaxProblems)
            {
                problems.Add(new ImportProblem(null, rowNumber, null, $"Stopped after {MaxProblems} problems."));
                break;
            }
        }

        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, null, null, "The file has a header but no rows."));
        }

        var dates = rows.Select(r => r.AsAt).Distinct().ToList();
        var asAt = dates.Count == 1 ? dates[0] : (DateOnly?)null;
        return problems.Any(p => p.IsError)
            ? new ListSizeParseResult(ListSizeFileFormat.Portal, asAt, [], problems)
            : new ListSizeParseResult(ListSizeFileFormat.Portal, asAt, rows, problems);
    }

    private static bool MissingColumns(Dictionary<string, int> index, string[] required, List<ImportProblem> problems)
    {
        var missing = required.Where(c => !index.ContainsKey(c)).ToList();
        foreach (var column in missing)
        {
            problems.Add(new ImportProblem(null, 1, column, $"The column '{column}' is missing (columns found: {string.Join(", ", index.Keys)})."));
        }

        return missing.Count > 0;
    }

    private static ListSizeParseResult Rejected(ListSizeFileFormat format, params IEnumerable<ImportProblem> problems) => new(format, null, [], problems.ToList());

    private readonly struct Line(string[] record, int row, Dictionary<string, int> index, List<ImportProblem> problems)
    {
        public string Get(string column) =>
            index.TryGetValue(column, out var i) && i < record.Length ? record[i].Trim() : string.Empty;

        public void Problem(string column, string message) => problems.Add(new ImportProblem(null, row, column, message));

        public string? PracticeCode(string column)
        {
            var code = Get(column);
            if (OdsCodeRules.IsPracticeCode(code))
            {
                return code;
            }

            Problem(column, code.Length == 0 ? "The practice code is blank." : $"'{code}' is not a GP practice ODS code (one capital letter and five digits, for example A81001).");
            return null;
        }

        public int? Count(string column)
        {
            var text = Get(column);
            if (int.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value) && value >= 0)
            {
                return value;
            }

            Problem(column, text.Length == 0
                ? "The number of patients is blank."
                : $"'{text}' is not a number of patients: it must be a whole number, 0 or more.");
            return null;
        }

        public DateOnly? Date(string column)
        {
            var text = Get(column);
            if (NhsDateParser.TryParse(text, out var date))
            {
                return date;
            }

            Problem(column, text.Length == 0 ? "The extract date is blank." : $"'{text}' is not a valid date: expected {NhsDateParser.Description}.");
            return null;
        }
    }
}

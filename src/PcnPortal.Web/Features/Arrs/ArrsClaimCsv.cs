using System.Globalization;
using System.Text;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>One claim line as read from the contract's claim-lines CSV (or the browser form), already parsed.</summary>
public sealed record ArrsClaimRow(
    int Row,
    string PcnCode,
    string StaffRef,
    string StaffName,
    string RoleCode,
    DateOnly Month,
    decimal Wte,
    DateOnly StartDate,
    DateOnly? EndDate,
    decimal Salary,
    decimal EmployerNi,
    decimal EmployerPension,
    decimal OtherOnCosts,
    decimal ThirdPartyFee,
    string? Notes);

/// <summary>
/// What a row names that the portal's records check (PCN, role, month), read from every row, also one with problems
/// of its own, so that every problem in a file is reported in one pass. Blank or unreadable cells are null.
/// </summary>
public sealed record ArrsClaimRowKey(int Row, string? PcnCode, string? RoleCode, DateOnly? Month);

/// <summary>
/// Reads the claim-lines CSV: header row with the contract's columns in any order, UTF-8, ISO dates, months as
/// YYYY-MM, money in pounds. The optional columns (<see cref="OptionalColumns"/>) may be left out of the header.
/// Reports every problem by row and column, in one pass (a header problem does not stop the rows being read);
/// rows with a problem are not returned.
/// </summary>
public static class ArrsClaimCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "pcn_code", "staff_ref", "staff_name", "role", "month", "wte", "start_date", "end_date", "salary", "employer_ni",
        "employer_pension", "other_on_costs", "third_party_fee", "notes",
    ];

    /// <summary>Columns a file may leave out: a missing one is read as blank (no end date, £0.00, no notes).</summary>
    public static readonly IReadOnlyList<string> OptionalColumns =
    [
        "end_date", "employer_ni", "employer_pension", "other_on_costs", "third_party_fee", "notes",
    ];

    /// <summary>What each column holds, in the users' words, for the upload page (column, required, what to enter).</summary>
    public static readonly IReadOnlyList<(string Column, string Meaning)> ColumnGuide =
    [
        ("pcn_code", "Your PCN's code, for example U12345"),
        ("staff_ref", "The person's own ESR or NHS staff number"),
        ("staff_name", "The person's name"),
        ("role", "The role's code from the list below, for example CLINICAL_PHARMACIST"),
        ("month", "The month claimed for, as YYYY-MM, for example 2024-07"),
        ("wte", "Whole-time equivalent that month, more than 0 and no more than 1, for example 0.6"),
        ("start_date", "The day the person started in the role, as YYYY-MM-DD"),
        ("end_date", "The last day in the role, as YYYY-MM-DD; leave blank if still in post"),
        ("salary", "The month's actual gross salary in pounds and pence, for example 3150.83"),
        ("employer_ni", "Employer's National Insurance for the month; blank means £0.00"),
        ("employer_pension", "Employer's pension contribution for the month; blank means £0.00"),
        ("other_on_costs", "Other on-costs for the month; blank means £0.00"),
        ("third_party_fee", "Fee paid to another organisation that provides the person; blank means £0.00"),
        ("notes", "Anything the contracts team should know; may be blank"),
    ];

    /// <summary>The template's example row: a clinical pharmacist in post for the PCN, claiming the month.</summary>
    public static IReadOnlyList<string?> TemplateRow(string pcnCode, DateOnly month) =>
    [
        pcnCode, "12345678", "Sam Patel", "CLINICAL_PHARMACIST", month.ToString("yyyy-MM", CultureInfo.InvariantCulture), "1",
        month.AddMonths(-12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "", "4000.00", "440.00", "575.20", "0.00", "0.00", "Example row: replace it with your own claim lines",
    ];

    /// <summary>
    /// No month's cost for one person comes near this; anything above it is a typing or export error. It also keeps
    /// sums well inside what the database stores (SQLite keeps money as whole ten-thousandths in a 64-bit integer).
    /// </summary>
    public const decimal MaxMonthlyAmount = 1_000_000m;

    private static readonly string[] MoneyColumns = ["salary", "employer_ni", "employer_pension", "other_on_costs", "third_party_fee"];

    /// <summary>
    /// Reads the file's bytes as the contract's UTF-8 (with or without a byte-order mark). A UTF-16 file or bytes that
    /// are not UTF-8 (a spreadsheet saved as "CSV" in a legacy code page, a workbook renamed .csv) are refused with a
    /// message rather than read with replacement characters that would end up in names and notes.
    /// </summary>
    public static bool TryDecode(byte[] bytes, out string text, out string problem)
    {
        text = string.Empty;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            if (!TryCheckEncoding(stream, out problem))
            {
                return false;
            }
        }

        text = Encoding.UTF8.GetString(bytes);
        return true;
    }

    /// <summary>
    /// The checks of <see cref="TryDecode"/> on a stream, read a buffer at a time and not kept, so that a large file
    /// (import-claims) need not be held in memory to be checked: true when the bytes are UTF-8 text; otherwise the same
    /// message, naming the same byte position.
    /// </summary>
    public static bool TryCheckEncoding(Stream stream, out string problem) => TryCheckEncoding(stream, 64 * 1024, out problem);

    internal static bool TryCheckEncoding(Stream stream, int bufferSize, out string problem)
    {
        ArgumentNullException.ThrowIfNull(stream);
        problem = string.Empty;
        var bytes = new byte[Math.Max(bufferSize, 4)];
        var read = ReadAtLeast(stream, bytes, 4);
        var head = bytes.AsSpan(0, read);
        if (head is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            problem = "The file is saved as UTF-16 (Unicode text). Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.";
            return false;
        }

        if (head is [0x50, 0x4B, 0x03, 0x04, ..])
        {
            problem = "The file is a workbook (xlsx), not CSV. Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.";
            return false;
        }

        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var chars = new char[bytes.Length + 4];
        var binary = false;
        long offset = 0; // bytes before the buffer being decoded
        try
        {
            while (true)
            {
                var last = read == 0;
                var count = decoder.GetChars(bytes, 0, read, chars, 0, flush: last);
                binary |= chars.AsSpan(0, count).Contains('\0');
                if (last)
                {
                    break;
                }

                offset += read;
                read = stream.Read(bytes, 0, bytes.Length);
            }
        }
        catch (DecoderFallbackException ex)
        {
            // The index is within the buffer being decoded (negative for bytes held over from the one before).
            problem = $"The file is not UTF-8 text (an invalid byte at position {offset + ex.Index}). Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.";
            return false;
        }

        if (binary)
        {
            problem = "The file contains binary data, not CSV text. Upload the claim lines saved as \"CSV UTF-8 (comma delimited)\".";
            return false;
        }

        return true;
    }

    private static int ReadAtLeast(Stream stream, byte[] buffer, int minimum)
    {
        var read = 0;
        while (read < minimum)
        {
            var n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read;
    }

    public static (List<ArrsClaimRow> Rows, List<ImportProblem> Problems) Parse(string text)
    {
        var (rows, problems, _) = ParseWithKeys(text);
        return (rows, problems);
    }

    /// <summary>
    /// As <see cref="Parse(string)"/>, reading the text a buffer at a time (import-claims reads a national file so, never
    /// holding its text); the text must be UTF-8 already checked (<see cref="TryCheckEncoding(Stream, out string)"/>).
    /// </summary>
    public static (List<ArrsClaimRow> Rows, List<ImportProblem> Problems) Parse(TextReader text)
    {
        var (rows, problems, _) = ParseWithKeys(text);
        return (rows, problems);
    }

    /// <summary>As <see cref="Parse(string)"/>, with what every row names (<see cref="ArrsClaimRowKey"/>), problems or not.</summary>
    public static (List<ArrsClaimRow> Rows, List<ImportProblem> Problems, List<ArrsClaimRowKey> Keys) ParseWithKeys(string text)
    {
        using var reader = new StringReader(text);
        return ParseWithKeys(reader);
    }

    /// <summary>
    /// As <see cref="Parse(TextReader)"/>, with what every row names. A PCN code, staff reference, name or role code
    /// repeated on many rows (a person is claimed every month) is held once.
    /// </summary>
    public static (List<ArrsClaimRow> Rows, List<ImportProblem> Problems, List<ArrsClaimRowKey> Keys) ParseWithKeys(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<ArrsClaimRow>();
        var problems = new List<ImportProblem>();
        var keys = new List<ArrsClaimRowKey>();
        while (text.Peek() == '\uFEFF')
        {
            text.Read(); // a byte-order mark
        }

        var reader = new CsvRecordReader(text);
        var pool = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            if (!reader.Read() || reader.Record is null || reader.Record.All(string.IsNullOrWhiteSpace))
            {
                problems.Add(new ImportProblem(null, null, null, "The file is empty: it needs a header row and at least one claim line."));
                return (rows, problems, keys);
            }

            var header = reader.Record.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                if (header[i].Length == 0)
                {
                    continue;
                }

                if (!Columns.Contains(header[i]))
                {
                    problems.Add(new ImportProblem(null, 1, reader.Record[i], $"'{reader.Record[i]}' is not a claim-lines column. The columns are: {string.Join(", ", Columns)}."));
                }
                else if (!index.TryAdd(header[i], i))
                {
                    problems.Add(new ImportProblem(null, 1, header[i], $"The column '{header[i]}' appears more than once."));
                }
            }

            foreach (var missing in Columns.Where(c => !index.ContainsKey(c) && !OptionalColumns.Contains(c)))
            {
                problems.Add(new ImportProblem(null, 1, missing, $"The header has no '{missing}' column, which every file needs. The rows' other columns are checked below."));
            }

            while (reader.Read())
            {
                var record = reader.Record!;
                if (record.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                var row = ReadRow(reader.Row, record, index, problems, keys, pool);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }
        catch (FormatException ex)
        {
            problems.Add(new ImportProblem(null, reader.Row + 1, null, $"The file is not valid CSV: {ex.Message}."));
        }

        if (keys.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ImportProblem(null, null, null, "The file has a header but no claim lines."));
        }

        return (rows, problems, keys);
    }

    private static ArrsClaimRow? ReadRow(int rowNumber, string[] record, Dictionary<string, int> index, List<ImportProblem> problems, List<ArrsClaimRowKey> keys, HashSet<string> pool)
    {
        var failed = false;
        string Cell(string column) => index.TryGetValue(column, out var at) && at < record.Length ? record[at].Trim() : "";

        // A required column missing from the header is named once, on the header; its cells are not complained of row by row.
        void Problem(string column, string message)
        {
            failed = true;
            if (index.ContainsKey(column) || OptionalColumns.Contains(column))
            {
                problems.Add(new ImportProblem(null, rowNumber, column, message));
            }
        }

        var pcn = Pooled(Cell("pcn_code").ToUpperInvariant(), pool);
        if (pcn.Length == 0)
        {
            Problem("pcn_code", "Enter the PCN code, for example U12345.");
        }

        var staffRef = Pooled(Cell("staff_ref"), pool);
        if (staffRef.Length == 0)
        {
            Problem("staff_ref", "Enter the staff reference.");
        }
        else if (staffRef.Length > 50)
        {
            Problem("staff_ref", "The staff reference must be 50 characters or fewer.");
        }

        var name = Pooled(Cell("staff_name"), pool);
        if (name.Length == 0)
        {
            Problem("staff_name", "Enter the staff member's name.");
        }
        else if (name.Length > 200)
        {
            Problem("staff_name", "The name must be 200 characters or fewer.");
        }

        var role = Pooled(Cell("role").ToUpperInvariant(), pool);
        if (role.Length == 0)
        {
            Problem("role", "Enter the role code, for example CLINICAL_PHARMACIST.");
        }

        DateOnly month = default;
        var monthText = Cell("month");
        if (!FormDate.TryParseIsoMonth(monthText, out month))
        {
            month = default;
            Problem("month", DateOnly.TryParseExact(monthText, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? $"{monthText} is not a month the portal takes: the month must be between {FormDate.Earliest.Year} and {FormDate.Latest.Year}."
                : $"'{monthText}' is not a month; write it as YYYY-MM, for example 2019-07.");
        }

        var wteText = Cell("wte");
        if (!decimal.TryParse(wteText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wte))
        {
            Problem("wte", $"'{wteText}' is not a whole-time equivalent; enter a number such as 0.6.");
        }
        else if (wte <= 0 || wte > 1)
        {
            Problem("wte", $"The whole-time equivalent must be more than 0 and no more than 1; it is {wteText}.");
        }
        else if (!FormValues.HasAtMostStoredDecimals(wte))
        {
            Problem("wte", $"The whole-time equivalent can have at most {FormValues.StoredDecimals} decimal places (that is what is stored); it is {wteText}.");
        }

        var start = ReadDate(Cell("start_date"), "start_date", required: true, Problem);
        var end = ReadDate(Cell("end_date"), "end_date", required: false, Problem);
        if (start is not null && end is not null && end < start)
        {
            Problem("end_date", "The end date must be on or after the start date.");
        }

        var money = new decimal[MoneyColumns.Length];
        for (var i = 0; i < MoneyColumns.Length; i++)
        {
            var column = MoneyColumns[i];
            var cell = Cell(column).TrimStart('£');
            if (cell.Length == 0 && column != "salary")
            {
                continue;
            }

            if (!decimal.TryParse(cell, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value))
            {
                Problem(column, $"'{Cell(column)}' is not an amount of money; enter pounds and pence, for example 3150.83.");
            }
            else if (value < 0)
            {
                Problem(column, $"The amount cannot be negative; it is {cell}.");
            }
            else if (value > MaxMonthlyAmount)
            {
                Problem(column, $"The amount is too large for one month's cost; it is {cell}. Enter the month's actual cost in pounds (at most £1,000,000.00).");
            }
            else if (decimal.Round(value, 2) != value)
            {
                Problem(column, $"Enter the amount to the penny (two decimal places); it is {cell}.");
            }
            else
            {
                money[i] = value;
            }
        }

        if (start is not null && month != default)
        {
            var lastDay = month.AddMonths(1).AddDays(-1);
            if (start > lastDay || (end is not null && end < month))
            {
                Problem("month", $"{month:yyyy-MM} is outside the staff member's employment ({start:yyyy-MM-dd} to {(end is null ? "now" : end.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}).");
            }
        }

        var notes = Cell("notes");
        if (notes.Length > 2000)
        {
            Problem("notes", "Notes must be 2,000 characters or fewer.");
        }

        keys.Add(new ArrsClaimRowKey(rowNumber, pcn.Length == 0 ? null : pcn, role.Length == 0 ? null : role, month == default ? null : month));
        return failed
            ? null
            : new ArrsClaimRow(rowNumber, pcn, staffRef, name, role, month, wte, start!.Value, end, money[0], money[1], money[2], money[3], money[4], notes.Length == 0 ? null : notes);
    }

    /// <summary>The pool's copy of a string, the string itself the first time.</summary>
    private static string Pooled(string value, HashSet<string> pool)
    {
        if (pool.TryGetValue(value, out var held))
        {
            return held;
        }

        pool.Add(value);
        return value;
    }

    private static DateOnly? ReadDate(string text, string column, bool required, Action<string, string> problem)
    {
        if (text.Length == 0)
        {
            if (required)
            {
                problem(column, "Enter the date as YYYY-MM-DD.");
            }

            return null;
        }

        if (FormDate.TryParseIso(text, out var date))
        {
            return date;
        }

        problem(column, DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? $"{text} is not a date the portal takes: the date must be between {FormDate.Earliest.Year} and {FormDate.Latest.Year}."
            : $"'{text}' is not a date; write it as YYYY-MM-DD.");
        return null;
    }
}

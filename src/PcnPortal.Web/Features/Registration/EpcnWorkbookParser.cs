using System.IO.Packaging;
using DocumentFormat.OpenXml.Packaging;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Registration;

/// <summary>A row of the PCN details sheet. <see cref="Row"/> is the Excel row number.</summary>
public sealed record EpcnPcnRow(
    int Row,
    string Code,
    string Name,
    string? CommissionerCode,
    string? CommissionerName,
    DateOnly OpenDate,
    DateOnly? CloseDate)
{
    public bool IsOpenOn(DateOnly date) => OpenDate <= date && (CloseDate is null || CloseDate.Value >= date);
}

/// <summary>
/// A row of the PCN Core Partner Details sheet: a practice's membership of a PCN from <see cref="Start"/> to <see cref="End"/>
/// (inclusive; null = current). <see cref="CrossBoundary"/> is true when the practice's commissioner differs from the PCN's (null
/// when the file does not say).
/// </summary>
public sealed record EpcnMembershipRow(
    int Row,
    string PcnCode,
    string PracticeCode,
    string? PracticeName,
    string? PracticeCommissionerCode,
    DateOnly Start,
    DateOnly? End,
    bool? CrossBoundary)
{
    public PracticeMembership ToMembership() => new(PracticeCode, PcnCode, Start, End);
}

/// <summary>
/// The outcome of reading an ePCN workbook. When <see cref="IsRejected"/> (any problem is an error) <see cref="Pcns"/> and
/// <see cref="Memberships"/> are empty: nothing from the file may be saved. Warnings never reject the file.
/// <see cref="WorkbookCreated"/> is the date the workbook says it was created (its document properties), if any: the
/// importer uses it as the extract date when it is plausible.
/// </summary>
public sealed record EpcnParseResult(
    IReadOnlyList<EpcnPcnRow> Pcns,
    IReadOnlyList<EpcnMembershipRow> Memberships,
    IReadOnlyList<ImportProblem> Problems,
    int UnallocatedPcnRowsSkipped,
    int UnallocatedMembershipRowsSkipped)
{
    public DateOnly? WorkbookCreated { get; init; }

    public bool IsRejected => Problems.Any(p => p.IsError);

    public IEnumerable<ImportProblem> Errors => Problems.Where(p => p.IsError);

    public IEnumerable<ImportProblem> Warnings => Problems.Where(p => !p.IsError);
}

/// <summary>
/// Parses the NHS Digital ODS ePCN.xlsx: the PCN details sheet ("PCNDetails", "PCN Details") and "PCN Core Partner Details".
/// Sheet and column names are matched ignoring case, spaces, line breaks and punctuation, so every vintage (CCG columns in
/// 2019–2022, Sub ICB Location columns from 2022) reads the same. The placeholder PCN "U" (Unallocated) is skipped and counted.
/// Pure: no database. Never throws for a bad file: every problem comes back in the result.
/// </summary>
public static class EpcnWorkbookParser
{
    public const string PcnSheetDescription = "PCNDetails";
    public const string PartnerSheetDescription = "PCN Core Partner Details";

    /// <summary>The ODS placeholder PCN code for practices not in a PCN.</summary>
    public const string UnallocatedCode = "U";

    private const int MaxHeaderSearchRows = 10;

    private static readonly ColumnSpec PcnCode = new("PCN Code", h => h == "pcncode", true);
    private static readonly ColumnSpec PcnName = new("PCN Name", h => h == "pcnname", true);
    private static readonly ColumnSpec CommissionerCode = new("CCG / Sub ICB Location Code", h => IsCommissioner(h) && h.EndsWith("code", StringComparison.Ordinal) && !h.Contains("practice", StringComparison.Ordinal), false);
    private static readonly ColumnSpec CommissionerName = new("CCG / Sub ICB Location Name", h => IsCommissioner(h) && h.EndsWith("name", StringComparison.Ordinal) && !h.Contains("practice", StringComparison.Ordinal), false);
    private static readonly ColumnSpec OpenDate = new("Open Date", h => h.Contains("opendate", StringComparison.Ordinal), true);
    private static readonly ColumnSpec CloseDate = new("Close Date", h => h.Contains("closedate", StringComparison.Ordinal), true);

    private static readonly ColumnSpec PracticeCode = new("Partner Organisation Code", h => h is "partnerorganisationcode" or "practicecode" or "partnercode" or "organisationcode", true);
    private static readonly ColumnSpec PracticeName = new("Partner Name", h => h is "partnername" or "practicename" or "partnerorganisationname" or "organisationname", false);
    private static readonly ColumnSpec PracticeCommissioner = new("Practice Parent CCG / Sub ICB Location Code", h => h.StartsWith("practice", StringComparison.Ordinal) && IsCommissioner(h) && h.EndsWith("code", StringComparison.Ordinal), false);
    private static readonly ColumnSpec StartDate = new("Practice to PCN Relationship Start Date", h => h.Contains("startdate", StringComparison.Ordinal), true);
    private static readonly ColumnSpec EndDate = new("Practice to PCN Relationship End Date", h => h.Contains("enddate", StringComparison.Ordinal), true);
    private static readonly ColumnSpec CrossBoundary = new("Cross Boundary", h => h.Contains("crossboundary", StringComparison.Ordinal), false);
    private static readonly ColumnSpec CommissionerMatch = new("Practice Sub ICB and PCN Sub ICB Match?", h => h.Contains("match", StringComparison.Ordinal) && IsCommissioner(h), false);

    public static EpcnParseResult ParseFile(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Parse(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Rejected(new ImportProblem(null, null, null, $"The file '{path}' cannot be read: {ex.Message}"));
        }
    }

    public static EpcnParseResult Parse(Stream stream)
    {
        XlsxWorkbookReader workbook;
        try
        {
            workbook = XlsxWorkbookReader.Open(stream);
        }
        catch (XlsxLimitException ex)
        {
            return Rejected(new ImportProblem(null, null, null, ex.Message));
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException or ArgumentException or InvalidOperationException or System.Xml.XmlException)
        {
            return Rejected(new ImportProblem(null, null, null, "The file is not an Excel workbook (.xlsx) or is damaged or incomplete. Download ePCN.xlsx from NHS Digital again and upload it unchanged."));
        }

        using (workbook)
        {
            try
            {
                return Parse(workbook);
            }
            catch (XlsxLimitException ex)
            {
                return Rejected(new ImportProblem(null, null, null, ex.Message));
            }
            catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
            {
                return Rejected(new ImportProblem(null, null, null, "The workbook is damaged or incomplete and could not be read to the end. Download ePCN.xlsx from NHS Digital again and upload it unchanged."));
            }
        }
    }

    private static EpcnParseResult Parse(XlsxWorkbookReader workbook)
    {
        var problems = new List<ImportProblem>();
        var pcnSheet = workbook.SheetNames.FirstOrDefault(n => HeaderText.Compact(n) is "pcndetails" or "epcndetails");
        var partnerSheet = workbook.SheetNames.FirstOrDefault(n => HeaderText.Compact(n).Contains("corepartner", StringComparison.Ordinal))
            ?? workbook.SheetNames.FirstOrDefault(n => HeaderText.Compact(n) is "partnerdetails" or "pcnpartnerdetails");
        var found = string.Join(", ", workbook.SheetNames.Select(n => $"'{n}'"));
        if (pcnSheet is null)
        {
            problems.Add(new ImportProblem(null, null, null, $"The workbook has no '{PcnSheetDescription}' sheet (sheets found: {found}). Is this the ODS ePCN.xlsx file?"));
        }

        if (partnerSheet is null)
        {
            problems.Add(new ImportProblem(null, null, null, $"The workbook has no '{PartnerSheetDescription}' sheet (sheets found: {found}). Is this the ODS ePCN.xlsx file?"));
        }

        if (pcnSheet is null || partnerSheet is null)
        {
            return Rejected(problems);
        }

        var unallocatedPcns = 0;
        var pcns = ReadPcns(workbook, pcnSheet, problems, ref unallocatedPcns);
        var unallocatedMemberships = 0;
        var memberships = ReadMemberships(workbook, partnerSheet, problems, ref unallocatedMemberships);

        if (problems.Count == 0 || !problems.Any(p => p.IsError))
        {
            var known = pcns.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var group in memberships.Where(m => !known.Contains(m.PcnCode)).GroupBy(m => m.PcnCode))
            {
                problems.Add(new ImportProblem(partnerSheet, group.First().Row, PcnCode.Name, $"PCN {group.Key} is not on the '{pcnSheet}' sheet ({group.Count()} membership row(s)).", ImportProblemSeverity.Warning));
            }
        }

        return problems.Any(p => p.IsError)
            ? new EpcnParseResult([], [], problems, unallocatedPcns, unallocatedMemberships)
            : new EpcnParseResult(pcns, memberships, problems, unallocatedPcns, unallocatedMemberships)
            {
                WorkbookCreated = workbook.Created is { } created ? DateOnly.FromDateTime(created) : null,
            };
    }

    private static List<EpcnPcnRow> ReadPcns(XlsxWorkbookReader workbook, string sheet, List<ImportProblem> problems, ref int unallocated)
    {
        var result = new List<EpcnPcnRow>();
        var rows = workbook.ReadRows(sheet).GetEnumerator();
        var columns = ReadHeader(rows, sheet, problems, [PcnCode, PcnName, CommissionerCode, CommissionerName, OpenDate, CloseDate]);
        if (columns is null)
        {
            return result;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }

            var cells = new RowReader(row, sheet, columns, problems);
            var code = cells.Text(PcnCode);
            if (code == UnallocatedCode)
            {
                unallocated++;
                continue;
            }

            var errorsBefore = problems.Count;
            var name = cells.Text(PcnName);
            if (string.IsNullOrEmpty(name))
            {
                cells.Problem(PcnName, "The PCN name is blank.");
            }

            cells.RequirePcnCode(PcnCode, code);
            var commissioner = cells.CommissionerCode(CommissionerCode);
            var open = cells.Date(OpenDate, required: true);
            var close = cells.Date(CloseDate, required: false);
            if (open is not null && close is not null && close < open)
            {
                cells.Problem(CloseDate, $"The close date {close:yyyy-MM-dd} is before the open date {open:yyyy-MM-dd}.");
            }

            if (code is not null && seen.TryGetValue(code, out var firstRow))
            {
                cells.Problem(PcnCode, $"PCN {code} appears twice (also on row {firstRow}).");
            }
            else if (code is not null)
            {
                seen[code] = row.Number;
            }

            if (problems.Count == errorsBefore)
            {
                result.Add(new EpcnPcnRow(row.Number, code!, name!, commissioner, cells.Text(CommissionerName), open!.Value, close));
            }
        }

        return result;
    }

    private static List<EpcnMembershipRow> ReadMemberships(XlsxWorkbookReader workbook, string sheet, List<ImportProblem> problems, ref int unallocated)
    {
        var result = new List<EpcnMembershipRow>();
        var rows = workbook.ReadRows(sheet).GetEnumerator();
        var columns = ReadHeader(rows, sheet, problems, [PracticeCode, PracticeName, PracticeCommissioner, PcnCode, StartDate, EndDate, CrossBoundary, CommissionerMatch]);
        if (columns is null)
        {
            return result;
        }

        var seen = new Dictionary<(string, string, DateOnly), int>();
        while (rows.MoveNext())
        {
            var row = rows.Current;
            if (row.IsBlank)
            {
                continue;
            }

            var cells = new RowReader(row, sheet, columns, problems);
            var pcnCode = cells.Text(PcnCode);
            if (pcnCode == UnallocatedCode)
            {
                unallocated++;
                continue;
            }

            var errorsBefore = problems.Count;
            cells.RequirePcnCode(PcnCode, pcnCode);
            var practiceCode = cells.Text(PracticeCode);
            if (!OdsCodeRules.IsPracticeCode(practiceCode))
            {
                cells.Problem(PracticeCode, string.IsNullOrEmpty(practiceCode)
                    ? "The practice code is blank."
                    : $"'{practiceCode}' is not a GP practice ODS code (one capital letter and five digits, for example A81001).");
            }

            var commissioner = cells.CommissionerCode(PracticeCommissioner);
            var start = cells.Date(StartDate, required: true);
            var end = cells.Date(EndDate, required: false);
            if (start is not null && end is not null && end < start)
            {
                cells.Problem(EndDate, $"The relationship end date {end:yyyy-MM-dd} is before its start date {start:yyyy-MM-dd}.");
            }

            bool? crossBoundary = columns.ContainsKey(CrossBoundary)
                ? cells.Flag(CrossBoundary)
                : columns.ContainsKey(CommissionerMatch) ? !cells.Flag(CommissionerMatch) : null;

            if (problems.Count == errorsBefore)
            {
                var key = (practiceCode!, pcnCode!, start!.Value);
                if (seen.TryGetValue(key, out var firstRow))
                {
                    cells.Problem(PracticeCode, $"Practice {practiceCode} joins PCN {pcnCode} on {start:yyyy-MM-dd} twice (also on row {firstRow}).");
                    continue;
                }

                seen[key] = row.Number;
                result.Add(new EpcnMembershipRow(row.Number, pcnCode!, practiceCode!, cells.Text(PracticeName), commissioner, start.Value, end, crossBoundary));
            }
        }

        return result;
    }

    /// <summary>Finds the header row (the first of the top rows with a "PCN Code" cell) and maps each column; null if unusable.</summary>
    private static Dictionary<ColumnSpec, (int Index, string Header)>? ReadHeader(IEnumerator<XlsxRow> rows, string sheet, List<ImportProblem> problems, ColumnSpec[] specs)
    {
        for (var i = 0; i < MaxHeaderSearchRows && rows.MoveNext(); i++)
        {
            var row = rows.Current;
            var compact = row.Cells.Select(HeaderText.Compact).ToArray();
            if (!compact.Contains("pcncode"))
            {
                continue;
            }

            var map = new Dictionary<ColumnSpec, (int, string)>();
            var taken = new HashSet<int>();
            foreach (var spec in specs)
            {
                var index = Array.FindIndex(compact, h => h.Length > 0 && spec.Matches(h));
                while (index >= 0 && taken.Contains(index))
                {
                    var next = Array.FindIndex(compact, index + 1, h => h.Length > 0 && spec.Matches(h));
                    index = next;
                }

                if (index >= 0)
                {
                    taken.Add(index);
                    map[spec] = (index, HeaderText.Display(row.Cells[index]));
                }
                else if (spec.Required)
                {
                    var foundHeaders = string.Join(", ", row.Cells.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => $"'{HeaderText.Display(c)}'"));
                    problems.Add(new ImportProblem(sheet, row.Number, spec.Name, $"The column '{spec.Name}' is missing (columns found: {foundHeaders})."));
                }
            }

            return problems.Any(p => p.IsError && p.Sheet == sheet) ? null : map;
        }

        problems.Add(new ImportProblem(sheet, null, PcnCode.Name, $"No header row with a 'PCN Code' column was found in the first {MaxHeaderSearchRows} rows."));
        return null;
    }

    private static bool IsCommissioner(string compactHeader) =>
        compactHeader.Contains("ccg", StringComparison.Ordinal) || compactHeader.Contains("subicb", StringComparison.Ordinal) || compactHeader.Contains("icb", StringComparison.Ordinal);

    private static EpcnParseResult Rejected(params IEnumerable<ImportProblem> problems) => new([], [], problems.ToList(), 0, 0);

    private sealed record ColumnSpec(string Name, Func<string, bool> Matches, bool Required);

    private readonly struct RowReader(XlsxRow row, string sheet, Dictionary<ColumnSpec, (int Index, string Header)> columns, List<ImportProblem> problems)
    {
        public string? Text(ColumnSpec spec)
        {
            if (!columns.TryGetValue(spec, out var column))
            {
                return null;
            }

            var text = row[column.Index]?.Trim();
            return string.IsNullOrEmpty(text) ? null : text;
        }

        public void Problem(ColumnSpec spec, string message) =>
            problems.Add(new ImportProblem(sheet, row.Number, columns.TryGetValue(spec, out var c) ? c.Header : spec.Name, message));

        public void RequirePcnCode(ColumnSpec spec, string? code)
        {
            if (!OdsCodeRules.IsPcnCode(code))
            {
                Problem(spec, string.IsNullOrEmpty(code)
                    ? "The PCN code is blank."
                    : $"'{code}' is not a PCN ODS code (a capital U and five digits, for example U12345).");
            }
        }

        public string? CommissionerCode(ColumnSpec spec)
        {
            var code = Text(spec);
            if (code is not null && (code.Length is < 3 or > 5 || !code.All(char.IsAsciiLetterOrDigit)))
            {
                Problem(spec, $"'{code}' is not a CCG or Sub ICB Location code (3 to 5 letters and digits, for example 15C or 92G00).");
            }

            return code;
        }

        public DateOnly? Date(ColumnSpec spec, bool required)
        {
            var text = Text(spec);
            if (text is null)
            {
                if (required)
                {
                    Problem(spec, "The date is blank.");
                }

                return null;
            }

            if (NhsDateParser.TryParse(text, out var date))
            {
                return date;
            }

            Problem(spec, $"'{text}' is not a valid date: expected {NhsDateParser.Description}.");
            return null;
        }

        public bool? Flag(ColumnSpec spec)
        {
            var text = Text(spec);
            switch (text?.ToUpperInvariant())
            {
                case null:
                    return null;
                case "TRUE" or "1" or "Y" or "YES":
                    return true;
                case "FALSE" or "0" or "N" or "NO":
                    return false;
                default:
                    Problem(spec, $"'{text}' is not TRUE or FALSE (or 1 or 0).");
                    return null;
            }
        }
    }
}

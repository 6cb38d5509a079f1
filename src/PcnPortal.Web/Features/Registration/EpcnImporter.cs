using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Registration;

/// <summary>
/// Saves a parsed ePCN workbook: creates or updates PCNs, practices and memberships. Idempotent (values are compared before
/// they are written, so a second run changes nothing and writes no audit rows) and all-or-nothing (one SaveChanges in one
/// transaction; any error and nothing is saved). Existing rows are loaded once into dictionaries: no query per row.
/// <para>
/// Left dates are read one way (<see cref="MembershipHandovers"/>): the ODS left date is the last day of membership, except
/// that a left date equal to the practice's next join date is a handover and the stored last day is the day before; a row
/// that joins and leaves on the day of a handover covers no day and is not stored (a warning names it). A genuine overlap of
/// two or more days is refused, naming the rows, when a PCN of the configured CCGs is involved; elsewhere in England the
/// national data is kept as published and each overlap is a warning naming the rows (one commissioner cannot correct another's
/// data, and refusing it would stop every commissioner loading the national file).
/// </para>
/// <para>
/// The extract date comes from the file (<see cref="ExtractDate"/>). A newer file is the whole truth for the PCNs it lists: a
/// membership in the register of a PCN on the file's PCN sheet that the file no longer lists is ended on the day before the
/// extract date (<see cref="EndAbsentMemberships"/>). A file extracted before the one that last loaded any of its PCNs
/// (<see cref="Pcn.EpcnExtractDate"/>) is refused and changes nothing: it would undo the newer file.
/// </para>
/// </summary>
public sealed class EpcnImporter(PortalDbContext db, RegistrationCheckService checks, PortalOptions portal, TimeProvider clock)
{
    private const string PartnerCodeColumn = "Partner Organisation Code";

    public async Task<EpcnImportSummary> ImportAsync(EpcnParseResult parsed, CancellationToken cancellationToken = default)
    {
        var skipped = parsed.UnallocatedPcnRowsSkipped + parsed.UnallocatedMembershipRowsSkipped;
        if (parsed.IsRejected)
        {
            return Rejected(parsed.Problems, skipped);
        }

        var today = clock.Today();
        var extract = ExtractDate(parsed, today);
        var problems = parsed.Problems.ToList();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var pcns = await db.Pcns.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);

            // An older file than the one that last loaded any of its PCNs would undo that file: refuse it whole.
            var newer = parsed.Pcns
                .Select(r => pcns.GetValueOrDefault(r.Code))
                .Where(p => p?.EpcnExtractDate is { } loaded && loaded > extract.Date)
                .Select(p => p!)
                .ToList();
            if (newer.Count > 0)
            {
                var latest = newer.Max(p => p.EpcnExtractDate!.Value);
                var examples = string.Join(", ", newer.Select(p => p.Code).Order(StringComparer.Ordinal).Take(3));
                problems.Add(new ImportProblem(null, null, null,
                    $"This file was extracted on {extract.Date:d MMMM yyyy} ({extract.Description}), but {newer.Count} of its PCNs (for example {examples}) were loaded from a newer file, extracted on {latest:d MMMM yyyy}. "
                    + "Loading an older file would end memberships and undo changes that the newer file showed, so nothing was changed. Upload the latest ePCN workbook instead."));
                return Rejected(problems, skipped) with { ExtractDate = extract.Date, ExtractDateSource = extract.Source };
            }

            var practices = await db.Practices.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
            var existingMemberships = await db.PcnMemberships.ToListAsync(cancellationToken);
            var memberships = existingMemberships.ToDictionary(m => (m.PracticeId, m.PcnId, m.StartDate));
            var membershipsByStart = existingMemberships.ToLookup(m => (m.PracticeId, m.StartDate));
            var fileTriples = parsed.Memberships.Select(m => (m.PracticeCode, m.PcnCode, m.Start)).ToHashSet();
            var pcnCodeById = pcns.Values.ToDictionary(p => p.Id, p => p.Code);
            var practiceCodeById = practices.Values.ToDictionary(p => p.Id, p => p.Code);

            int created = 0, updated = 0;
            foreach (var row in parsed.Pcns)
            {
                if (!pcns.TryGetValue(row.Code, out var pcn))
                {
                    pcn = new Pcn
                    {
                        Code = row.Code,
                        Name = row.Name,
                        CcgCode = row.CommissionerCode ?? string.Empty,
                        CcgName = row.CommissionerName,
                        OpenDate = row.OpenDate,
                        CloseDate = row.CloseDate,
                        EpcnExtractDate = extract.Date,
                    };
                    db.Pcns.Add(pcn);
                    pcns[row.Code] = pcn;
                    created++;
                    continue;
                }

                var changed = Set(pcn.Name, row.Name, v => pcn.Name = v)
                    | Set(pcn.CcgCode, row.CommissionerCode ?? pcn.CcgCode, v => pcn.CcgCode = v)
                    | Set(pcn.CcgName, row.CommissionerName ?? pcn.CcgName, v => pcn.CcgName = v)
                    | Set(pcn.OpenDate, row.OpenDate, v => pcn.OpenDate = v)
                    | Set(pcn.CloseDate, row.CloseDate, v => pcn.CloseDate = v);
                Set(pcn.EpcnExtractDate, extract.Date, v => pcn.EpcnExtractDate = v);
                if (changed)
                {
                    updated++;
                }
            }

            // Every join date of each practice (the file's and the register's, one per PCN and date): a left date equal to one
            // of them is a handover.
            var joins = parsed.Memberships.Select(m => (m.PracticeCode, m.PcnCode, m.Start))
                .Concat(existingMemberships.Select(m => (practiceCodeById[m.PracticeId], pcnCodeById[m.PcnId], m.StartDate)))
                .Distinct()
                .ToLookup(j => j.Item1, j => j.Item3, StringComparer.Ordinal);

            int membershipsCreated = 0, membershipsUpdated = 0;
            var listed = new HashSet<PcnMembership>();
            var touchedPractices = new HashSet<Practice>();
            var addedMemberships = new List<PcnMembership>();
            var lastDays = new Dictionary<EpcnMembershipRow, DateOnly?>();
            foreach (var row in parsed.Memberships)
            {
                if (!pcns.TryGetValue(row.PcnCode, out var pcn))
                {
                    problems.Add(new ImportProblem(EpcnWorkbookParser.PartnerSheetDescription, row.Row, "PCN Code", $"PCN {row.PcnCode} is neither in the file nor in the register: the membership of {row.PracticeCode} was not imported.", ImportProblemSeverity.Warning));
                    continue;
                }

                var lastDay = MembershipHandovers.LastDay(row.Start, row.End, joins[row.PracticeCode]);
                if (lastDay < row.Start)
                {
                    problems.Add(new ImportProblem(EpcnWorkbookParser.PartnerSheetDescription, row.Row, PartnerCodeColumn,
                        $"Practice {row.PracticeCode} joins and leaves PCN {row.PcnCode} on {row.Start:d MMMM yyyy}, the day it joins another PCN (a handover): this membership covers no day and was not imported.",
                        ImportProblemSeverity.Warning));
                    continue;
                }

                lastDays[row] = lastDay;
                if (!practices.TryGetValue(row.PracticeCode, out var practice))
                {
                    practice = new Practice { Code = row.PracticeCode, Name = row.PracticeName ?? row.PracticeCode, CcgCode = row.PracticeCommissionerCode };
                    db.Practices.Add(practice);
                    practices[row.PracticeCode] = practice;
                }
                else
                {
                    Set(practice.Name, row.PracticeName ?? practice.Name, v => practice.Name = v);
                    Set(practice.CcgCode, row.PracticeCommissionerCode ?? practice.CcgCode, v => practice.CcgCode = v);
                }

                touchedPractices.Add(practice);
                var crossBoundary = row.CrossBoundary ?? false;
                // The same practice, PCN and start date; or else a membership of the practice from that date in a PCN the file does
                // not list for that date (the PCN was corrected): that one is updated rather than a second one added.
                var membership = practice.Id == 0 || pcn.Id == 0
                    ? null
                    : memberships.GetValueOrDefault((practice.Id, pcn.Id, row.Start));
                membership ??= practice.Id == 0
                    ? null
                    : membershipsByStart[(practice.Id, row.Start)].FirstOrDefault(m => !listed.Contains(m) && !fileTriples.Contains((row.PracticeCode, pcnCodeById[m.PcnId], row.Start)));
                if (membership is not null)
                {
                    listed.Add(membership);
                    var changed = Set(membership.Pcn, pcn, v => membership.Pcn = v)
                        | Set(membership.EndDate, lastDay, v => membership.EndDate = v)
                        | Set(membership.CrossBoundary, crossBoundary, v => membership.CrossBoundary = v);
                    if (changed)
                    {
                        membershipsUpdated++;
                    }

                    continue;
                }

                var added = new PcnMembership { Pcn = pcn, Practice = practice, StartDate = row.Start, EndDate = lastDay, CrossBoundary = crossBoundary };
                db.PcnMemberships.Add(added);
                addedMemberships.Add(added);
                membershipsCreated++;
            }

            var endedByImport = EndAbsentMemberships(parsed, memberships.Values, listed, pcnCodeById, extract.Date, touchedPractices, practices, practiceCodeById);

            // PRACTICE-MULTIPLE-PCNS over the file and the register together (handovers are not overlaps). An overlap that
            // involves a PCN of the configured CCGs rejects the whole file; elsewhere in England it is kept as published and named.
            var ours = portal.CcgCodes.ToHashSet(StringComparer.OrdinalIgnoreCase);
            var touchedIds = touchedPractices.Where(p => p.Id != 0).Select(p => p.Id).ToHashSet();
            var combined = memberships.Values.Where(m => touchedIds.Contains(m.PracticeId))
                .Select(m => new PracticeMembership(practiceCodeById[m.PracticeId], m.Pcn?.Code ?? pcnCodeById[m.PcnId], m.StartDate, m.EndDate))
                .Concat(addedMemberships.Select(m => new PracticeMembership(m.Practice!.Code, m.Pcn!.Code, m.StartDate, m.EndDate)))
                .ToList();
            var rowsByPractice = parsed.Memberships.ToLookup(m => m.PracticeCode, StringComparer.Ordinal);
            foreach (var overlap in PracticeMultiplePcnsRule.FindOverlaps(combined))
            {
                var practiceCode = overlap.Figures["practice"];
                var involved = overlap.Figures["pcnCodes"].Split(", ");
                var rows = rowsByPractice[practiceCode].Where(m => involved.Contains(m.PcnCode)).Select(m => m.Row).Order().ToList();
                var rowText = rows.Count == 0 ? string.Empty : $" (rows {string.Join(", ", rows)})";
                var isOurs = involved.Any(code => pcns.TryGetValue(code, out var p) && ours.Contains(p.CcgCode));
                problems.Add(isOurs
                    ? new ImportProblem(EpcnWorkbookParser.PartnerSheetDescription, rows.FirstOrDefault(), PartnerCodeColumn, $"{overlap.Code}: {overlap.Explanation}{rowText}")
                    : new ImportProblem(EpcnWorkbookParser.PartnerSheetDescription, rows.FirstOrDefault(), PartnerCodeColumn, $"{overlap.Code} in national data outside this CCG, kept as published{rowText}: {overlap.Explanation}", ImportProblemSeverity.Warning));
            }

            if (problems.Any(p => p.IsError))
            {
                db.ChangeTracker.Clear();
                return Rejected(problems, skipped) with { ExtractDate = extract.Date, ExtractDateSource = extract.Source };
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);

            // Counts as at the extract date: the file's own date.
            var asAt = extract.Date;
            var open = parsed.Pcns.Count(p => p.IsOpenOn(asAt));
            var openCodes = parsed.Pcns.Where(p => p.IsOpenOn(asAt)).Select(p => p.Code).ToList();
            var ourCodes = parsed.Pcns.Where(p => p.IsOpenOn(asAt) && p.CommissionerCode is not null && ours.Contains(p.CommissionerCode)).Select(p => p.Code).ToList();
            var (warnings, warningPcns) = await WarningsAsync(checks, db.Pcns.Where(p => ourCodes.Contains(p.Code)), asAt, cancellationToken);
            var (warningsEngland, _) = await WarningsAsync(checks, db.Pcns.Where(p => openCodes.Contains(p.Code)), asAt, cancellationToken);
            var stored = parsed.Memberships.Where(lastDays.ContainsKey).ToList();
            return new EpcnImportSummary(
                new PcnCounts(created, updated, open, parsed.Pcns.Count - open),
                stored.Select(m => m.PracticeCode).Distinct(StringComparer.Ordinal).Count(),
                new MembershipCounts(
                    stored.Count(m => lastDays[m] is null || lastDays[m] >= asAt),
                    stored.Count(m => lastDays[m] < asAt),
                    membershipsCreated,
                    membershipsUpdated,
                    endedByImport),
                skipped,
                warnings,
                [])
            {
                WarningsEngland = warningsEngland,
                FileWarnings = [.. problems.Where(p => !p.IsError).Select(p => p.ToString())],
                ExtractDate = extract.Date,
                ExtractDateSource = extract.Source,
                WarningPcns = warningPcns,
                Problems = problems,
            };
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Counts each rule code that is not a pass (warnings, and failures of national data the import cannot refuse) and names the PCNs.</summary>
    internal static async Task<(Dictionary<string, int> Counts, Dictionary<string, IReadOnlyList<string>> Pcns)> WarningsAsync(
        RegistrationCheckService checks, IQueryable<Pcn> pcns, DateOnly asAt, CancellationToken cancellationToken)
    {
        var results = await checks.CheckAsync(pcns, asAt, cancellationToken);
        var flagged = results
            .SelectMany(r => r.Value.Outcomes.Where(o => o.Severity != RuleSeverity.Pass).Select(o => (o.Code, Pcn: r.Key)))
            .GroupBy(x => x.Code)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        return (
            flagged.ToDictionary(g => g.Key, g => g.Count()),
            flagged.ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(x => x.Pcn).OrderBy(c => c, StringComparer.Ordinal).ToList()));
    }

    /// <summary>
    /// The file's own date. The latest date the file records (open, close, join and left dates on or before the import date):
    /// the file was extracted on or after it. The workbook's created date (its document properties) is used instead when it
    /// is plausible: on or after that latest date (a template's older created date is not the extract date) and not after the
    /// import date. Only a file with no dates at all falls back to the import date.
    /// </summary>
    internal static ExtractDateUsed ExtractDate(EpcnParseResult parsed, DateOnly today)
    {
        var dates = parsed.Memberships.SelectMany(m => m.End is { } end ? new[] { m.Start, end } : [m.Start])
            .Concat(parsed.Pcns.SelectMany(p => p.CloseDate is { } close ? new[] { p.OpenDate, close } : [p.OpenDate]))
            .Where(d => d <= today)
            .ToList();
        DateOnly? latest = dates.Count == 0 ? null : dates.Max();
        if (parsed.WorkbookCreated is { } created && created <= today && (latest is null || created >= latest))
        {
            return new ExtractDateUsed(created, ExtractDateUsed.WorkbookCreated);
        }

        return latest is { } date
            ? new ExtractDateUsed(date, ExtractDateUsed.LatestDateInFile)
            : new ExtractDateUsed(today, ExtractDateUsed.ImportDate);
    }

    /// <summary>
    /// Ends each membership of a PCN listed on the file's PCN sheet that the file does not list (matched by practice and start
    /// date) and that is still current on the day before the extract date. The end date is that day, or the day before the
    /// practice's next membership the file lists if that is earlier (a practice that moved). A membership starting on or after
    /// the extract date (recorded in the portal after the file was extracted) is left alone. Returns how many were ended; an
    /// ended membership already ending on or before that day is unchanged, so a second run of the same file changes nothing.
    /// </summary>
    private static int EndAbsentMemberships(
        EpcnParseResult parsed,
        IEnumerable<PcnMembership> existing,
        HashSet<PcnMembership> listed,
        Dictionary<int, string> pcnCodeById,
        DateOnly extractDate,
        HashSet<Practice> touchedPractices,
        Dictionary<string, Practice> practices,
        Dictionary<int, string> practiceCodeById)
    {
        var filePcns = parsed.Pcns.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var fileStarts = parsed.Memberships.ToLookup(m => m.PracticeCode, m => m.Start, StringComparer.Ordinal);
        var lastDay = extractDate.AddDays(-1);
        var ended = 0;
        foreach (var membership in existing)
        {
            if (listed.Contains(membership) || !filePcns.Contains(pcnCodeById[membership.PcnId]))
            {
                continue;
            }

            var practiceCode = practiceCodeById[membership.PracticeId];
            var end = lastDay;
            var nextStart = fileStarts[practiceCode].Where(s => s > membership.StartDate).DefaultIfEmpty(DateOnly.MaxValue).Min();
            if (nextStart != DateOnly.MaxValue && nextStart.AddDays(-1) < end)
            {
                end = nextStart.AddDays(-1);
            }

            if (membership.StartDate > end || (membership.EndDate is { } current && current <= end))
            {
                continue;
            }

            membership.EndDate = end;
            touchedPractices.Add(practices[practiceCode]);
            ended++;
        }

        return ended;
    }

    /// <summary>The extract date and where it came from (<see cref="EpcnImportSummary.ExtractDateSource"/>).</summary>
    internal sealed record ExtractDateUsed(DateOnly Date, string Source)
    {
        public const string WorkbookCreated = "workbookCreated";
        public const string LatestDateInFile = "latestDateInFile";
        public const string ImportDate = "import";

        public string Description => EpcnImportSummary.DescribeExtractDateSource(Source);
    }

    private static EpcnImportSummary Rejected(IReadOnlyList<ImportProblem> problems, int skipped) =>
        new(new PcnCounts(0, 0, 0, 0), 0, new MembershipCounts(0, 0, 0, 0, 0), skipped, new Dictionary<string, int>(), problems.Where(p => p.IsError).Select(p => p.ToString()).ToList())
        {
            Problems = problems,
        };

    private static bool Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value))
        {
            return false;
        }

        assign(value);
        return true;
    }
}

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
/// A newer file is the whole truth for the PCNs it lists: a membership in the register of a PCN on the file's PCN sheet that
/// the file no longer lists is ended rather than left current (<see cref="EndAbsentMemberships"/>). It ends on the day before
/// the file's extract date: the date the workbook was created (its document properties) when that is plausible, otherwise
/// the import date. Ending makes it "not a member from the extract date on", so the register as at that date agrees with the file.
/// </para>
/// </summary>
public sealed class EpcnImporter(PortalDbContext db, RegistrationCheckService checks, PortalOptions portal, TimeProvider clock)
{
    public async Task<EpcnImportSummary> ImportAsync(EpcnParseResult parsed, CancellationToken cancellationToken = default)
    {
        var skipped = parsed.UnallocatedPcnRowsSkipped + parsed.UnallocatedMembershipRowsSkipped;
        if (parsed.IsRejected)
        {
            return Rejected(parsed.Problems, skipped);
        }

        var today = clock.Today();
        var problems = parsed.Problems.ToList();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var pcns = await db.Pcns.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
            var practices = await db.Practices.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
            var memberships = (await db.PcnMemberships.ToListAsync(cancellationToken)).ToDictionary(m => (m.PracticeId, m.StartDate));
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
                if (changed)
                {
                    updated++;
                }
            }

            int membershipsCreated = 0, membershipsUpdated = 0;
            var listed = new HashSet<PcnMembership>();
            var touchedPractices = new HashSet<Practice>();
            var addedMemberships = new List<PcnMembership>();
            foreach (var row in parsed.Memberships)
            {
                if (!pcns.TryGetValue(row.PcnCode, out var pcn))
                {
                    problems.Add(new ImportProblem(EpcnWorkbookParser.PartnerSheetDescription, row.Row, "PCN Code", $"PCN {row.PcnCode} is neither in the file nor in the register: the membership of {row.PracticeCode} was not imported.", ImportProblemSeverity.Warning));
                    continue;
                }

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
                if (practice.Id != 0 && memberships.TryGetValue((practice.Id, row.Start), out var membership))
                {
                    listed.Add(membership);
                    var changed = Set(membership.Pcn, pcn, v => membership.Pcn = v)
                        | Set(membership.EndDate, row.End, v => membership.EndDate = v)
                        | Set(membership.CrossBoundary, crossBoundary, v => membership.CrossBoundary = v);
                    if (changed)
                    {
                        membershipsUpdated++;
                    }

                    continue;
                }

                var added = new PcnMembership { Pcn = pcn, Practice = practice, StartDate = row.Start, EndDate = row.End, CrossBoundary = crossBoundary };
                db.PcnMemberships.Add(added);
                addedMemberships.Add(added);
                membershipsCreated++;
            }

            var extractDate = ExtractDate(parsed, today);
            var endedByImport = EndAbsentMemberships(parsed, memberships.Values, listed, pcnCodeById, extractDate, touchedPractices, practices, practiceCodeById);

            // PRACTICE-MULTIPLE-PCNS over the file and the register together: an overlap rejects the whole file.
            var touchedIds = touchedPractices.Where(p => p.Id != 0).Select(p => p.Id).ToHashSet();
            var combined = memberships.Values.Where(m => touchedIds.Contains(m.PracticeId))
                .Select(m => new PracticeMembership(practiceCodeById[m.PracticeId], m.Pcn?.Code ?? pcnCodeById[m.PcnId], m.StartDate, m.EndDate))
                .Concat(addedMemberships.Select(m => new PracticeMembership(m.Practice!.Code, m.Pcn!.Code, m.StartDate, m.EndDate)))
                .ToList();
            foreach (var overlap in PracticeMultiplePcnsRule.FindOverlaps(combined))
            {
                var practiceCode = overlap.Figures["practice"];
                var row = parsed.Memberships.FirstOrDefault(m => m.PracticeCode == practiceCode)?.Row;
                problems.Add(new ImportProblem(EpcnWorkbookParser.PartnerSheetDescription, row, "Partner Organisation Code", $"{overlap.Code}: {overlap.Explanation}"));
            }

            if (problems.Any(p => p.IsError))
            {
                db.ChangeTracker.Clear();
                return Rejected(problems, skipped);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);

            var open = parsed.Pcns.Count(p => p.IsOpenOn(today));
            var ourCodes = parsed.Pcns.Where(p => p.IsOpenOn(today) && p.CommissionerCode is not null && portal.CcgCodes.Contains(p.CommissionerCode)).Select(p => p.Code).ToList();
            var (warnings, warningPcns) = await WarningsAsync(checks, db.Pcns.Where(p => ourCodes.Contains(p.Code)), today, cancellationToken);
            return new EpcnImportSummary(
                new PcnCounts(created, updated, open, parsed.Pcns.Count - open),
                parsed.Memberships.Select(m => m.PracticeCode).Distinct(StringComparer.Ordinal).Count(),
                new MembershipCounts(
                    parsed.Memberships.Count(m => m.End is null || m.End >= today),
                    parsed.Memberships.Count(m => m.End < today),
                    membershipsCreated,
                    membershipsUpdated,
                    endedByImport),
                skipped,
                warnings,
                [])
            {
                ExtractDate = extractDate.Date,
                ExtractDateSource = extractDate.FromFile ? "file" : "import",
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
    /// The file's extract date: the workbook's created date when it is plausible (not after the import date, and not before
    /// a relationship start or PCN open date the file lists that has already happened: a file cannot record what began after
    /// it was extracted), otherwise the import date.
    /// </summary>
    internal static (DateOnly Date, bool FromFile) ExtractDate(EpcnParseResult parsed, DateOnly today)
    {
        if (parsed.WorkbookCreated is not { } created || created > today)
        {
            return (today, false);
        }

        var latestPast = parsed.Memberships.Select(m => m.Start).Concat(parsed.Pcns.Select(p => p.OpenDate)).Where(d => d <= today).DefaultIfEmpty(DateOnly.MinValue).Max();
        return created >= latestPast ? (created, true) : (today, false);
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
        (DateOnly Date, bool FromFile) extractDate,
        HashSet<Practice> touchedPractices,
        Dictionary<string, Practice> practices,
        Dictionary<int, string> practiceCodeById)
    {
        var filePcns = parsed.Pcns.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var fileStarts = parsed.Memberships.ToLookup(m => m.PracticeCode, m => m.Start, StringComparer.Ordinal);
        var lastDay = extractDate.Date.AddDays(-1);
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

using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>The outcome of a submission: lines stored, rule outcome counts, or every problem (then nothing was saved).</summary>
public sealed record ArrsSubmissionResult(int Lines, IReadOnlyDictionary<string, (int Pass, int Warn, int Fail)> Outcomes, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Stores claim lines (CSV upload, the browser form, import-claims) as Submitted with a 5-working-day clock,
/// creates staff records for new staff references, and runs the rules engine, all in one transaction: if anything
/// fails nothing is saved. New staff are saved in chunks (each with its audit rows); the lines are assessed with their
/// year's stored lines first and then written once each, with their figures, checks and one audit row, in chunks
/// (<see cref="ArrsAssessmentService.AssessYearAsync(FinancialYear, IReadOnlyList{NewClaimLine}, ArrsSubmission?, CancellationToken)"/>).
/// </summary>
public sealed class ArrsClaimSubmissionService(PortalDbContext db, ArrsReferenceService reference, ArrsAssessmentService assessor, TimeProvider clock)
{
    /// <param name="onlyPcnCode">For PCN users: every line must be for this PCN.</param>
    public async Task<ArrsSubmissionResult> SubmitCsvAsync(string text, string? onlyPcnCode, string submittedBy, CancellationToken cancellationToken = default)
    {
        var (rows, problems, keys) = ArrsClaimCsv.ParseWithKeys(text);
        return await SubmitAsync(rows, problems, onlyPcnCode, submittedBy, cancellationToken, keys);
    }

    /// <summary>
    /// Every problem the file would be refused for, without saving anything: the file's own checks (columns, cells) and
    /// the checks against the portal's records (PCN known and the user's own, role code, month started), all in one pass.
    /// The rows come back too, for showing what would be submitted.
    /// </summary>
    public async Task<(IReadOnlyList<ArrsClaimRow> Rows, IReadOnlyList<ImportProblem> Problems)> CheckCsvAsync(string text, string? onlyPcnCode, CancellationToken cancellationToken = default)
    {
        var (rows, problems, keys) = ArrsClaimCsv.ParseWithKeys(text);
        var (_, all) = await CheckAsync(keys, problems, onlyPcnCode, cancellationToken);
        return (rows, all);
    }

    /// <param name="keys">What every row of the file names, also rows with problems (from <see cref="ArrsClaimCsv.ParseWithKeys"/>); the rows' when not given.</param>
    public async Task<ArrsSubmissionResult> SubmitAsync(IReadOnlyList<ArrsClaimRow> rows, List<ImportProblem> problems, string? onlyPcnCode, string submittedBy, CancellationToken cancellationToken = default, IReadOnlyList<ArrsClaimRowKey>? keys = null)
    {
        keys ??= [.. rows.Select(r => new ArrsClaimRowKey(r.Row, r.PcnCode, r.RoleCode, r.Month))];
        var (pcns, ordered) = await CheckAsync(keys, problems, onlyPcnCode, cancellationToken);
        if (ordered.Count > 0)
        {
            return new ArrsSubmissionResult(0, new Dictionary<string, (int, int, int)>(), ordered);
        }

        keys = null; // what the checks read; a national file's keys and rows are released as soon as they are done with
        var pcnIds = pcns.Values.Select(p => p.Id).ToList();
        Dictionary<string, ArrsStaffMember>? staff = (await db.ArrsStaff.AsNoTracking().Where(s => pcnIds.Contains(s.PcnId)).ToListAsync(cancellationToken))
            .ToDictionary(s => StaffKey(s.PcnId, s.StaffRef), StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = clock.Today();
        var due = WorkingDays.ResponseDue(today);
        var sequence = now.Ticks * 10;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // New staff first (saved in chunks, each audited), so that lines can refer to them by id.
        List<ArrsStaffMember>? newStaff = [];
        foreach (var row in rows)
        {
            var pcn = pcns[row.PcnCode];
            if (!staff.ContainsKey(StaffKey(pcn.Id, row.StaffRef)))
            {
                var member = new ArrsStaffMember
                {
                    PcnId = pcn.Id,
                    StaffRef = row.StaffRef,
                    Name = row.StaffName,
                    RoleCode = row.RoleCode,
                    Employer = pcn.NominatedPayeeName ?? pcn.Name,
                    Wte = row.Wte,
                    StartDate = row.StartDate,
                    EndDate = row.EndDate,
                };
                staff.Add(StaffKey(pcn.Id, row.StaffRef), member);
                newStaff.Add(member);
            }
        }

        foreach (var chunk in newStaff.Chunk(ArrsAssessmentService.ChunkSize))
        {
            db.ArrsStaff.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        newStaff = null;

        // Lines by year: each line assessed with the year's stored lines before it is written, then written once with
        // its figures and checks and one audit row (ADR 0014). Held as the engine's input until written.
        var stored = assessor.StoredDecimal();
        var added = new Dictionary<int, List<NewClaimLine>>();
        var firstSequence = sequence;
        foreach (var row in rows)
        {
            var pcn = pcns[row.PcnCode];
            var member = staff[StaffKey(pcn.Id, row.StaffRef)];
            var year = FinancialYear.Containing(row.Month);
            if (!added.TryGetValue(year.StartYear, out var ofYear))
            {
                added[year.StartYear] = ofYear = [];
            }

            var input = new ClaimLineInput(
                pcn.Code, member.StaffRef, row.StaffName, row.RoleCode, row.Month, stored(row.Wte), row.StartDate, row.EndDate, stored(row.Salary),
                stored(row.EmployerNi), stored(row.EmployerPension), stored(row.OtherOnCosts), stored(row.ThirdPartyFee), sequence++,
                member.TransferredFromClinicalPharmacistScheme, member.ThirdPartySplw, member.Cover);
            ofYear.Add(new NewClaimLine(input, pcn.Id, member.Id, row.Notes));
        }

        // From here the lines are what is held: the parsed rows (and the staff records read) are let go.
        var lineCount = rows.Count;
        rows = [];
        staff = null;

        // Counts over the lines just submitted (this submission's sequence numbers), from the engine's checks.
        var submission = new ArrsSubmission(now, submittedBy, due);
        var counts = ArrsAssessment.RuleCodes.ToDictionary(code => code, _ => (Pass: 0, Warn: 0, Fail: 0), StringComparer.Ordinal);
        foreach (var (start, ofYear) in added.OrderBy(a => a.Key))
        {
            var assessment = await assessor.AssessYearAsync(new FinancialYear(start), ofYear, submission, cancellationToken);
            for (var i = 0; i < assessment.Count; i++)
            {
                if (assessment.Lines[i].Sequence < firstSequence || assessment.Lines[i].Sequence >= sequence)
                {
                    continue;
                }

                foreach (var code in ArrsAssessment.RuleCodes)
                {
                    var (pass, warn, fail) = counts[code];
                    counts[code] = assessment[i].SeverityOf(code) switch
                    {
                        RuleSeverity.Pass => (pass + 1, warn, fail),
                        RuleSeverity.Warn => (pass, warn + 1, fail),
                        RuleSeverity.Fail => (pass, warn, fail + 1),
                        _ => (pass, warn, fail),
                    };
                }
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new ArrsSubmissionResult(lineCount, counts, []);
    }

    /// <summary>
    /// The checks against the portal's records, on every row the file names (also rows with problems of their own, so
    /// every problem is reported in one pass); returns the PCNs named and every problem in row and column order.
    /// </summary>
    private async Task<(Dictionary<string, Pcn> Pcns, List<ImportProblem> Problems)> CheckAsync(IReadOnlyList<ArrsClaimRowKey> rows, List<ImportProblem> problems, string? onlyPcnCode, CancellationToken cancellationToken)
    {
        var data = await reference.LoadAsync(cancellationToken);
        var codes = rows.Where(r => r.PcnCode is not null).Select(r => r.PcnCode!).Distinct().ToList();
        var pcns = await db.Pcns.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, StringComparer.OrdinalIgnoreCase, cancellationToken);

        // A claim is for costs already being paid: the latest month is the current one (a month such as 2035-01 is a slip).
        var thisMonth = new DateOnly(clock.Today().Year, clock.Today().Month, 1);
        foreach (var row in rows)
        {
            if (row.Month > thisMonth)
            {
                problems.Add(new ImportProblem(null, row.Row, "month", $"{row.Month:yyyy-MM} has not started yet: claim a month from its start, the latest now being {thisMonth:yyyy-MM}."));
            }

            // A blank PCN cell is already named by the file's own checks.
            if (row.PcnCode is not null && !pcns.ContainsKey(row.PcnCode))
            {
                problems.Add(new ImportProblem(null, row.Row, "pcn_code", $"{row.PcnCode} is not a PCN the portal knows."));
            }
            else if (row.PcnCode is not null && onlyPcnCode is not null && !string.Equals(row.PcnCode, onlyPcnCode, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(new ImportProblem(null, row.Row, "pcn_code", $"You can submit claims only for your own PCN ({onlyPcnCode}); this line is for {row.PcnCode}."));
            }

            if (row.RoleCode is not null && data.FindRole(row.RoleCode) is null)
            {
                problems.Add(new ImportProblem(null, row.Row, "role", $"{row.RoleCode} is not an ARRS role code. The codes are listed on the upload page, for example CLINICAL_PHARMACIST or SPLW."));
            }
        }

        var ordered = problems.OrderBy(p => p.Row ?? 0).ThenBy(p => p.Column is null ? -1 : ArrsClaimCsv.Columns.ToList().IndexOf(p.Column)).ToList();
        return (pcns, ordered);
    }

    private static string StaffKey(int pcnId, string staffRef) => $"{pcnId}\u001f{staffRef}";
}

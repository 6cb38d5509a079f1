using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Maturity;

/// <summary>A PCN in a round's report: code, name and whether the CCG has received its return.</summary>
public sealed record ReportPcn(string Code, string Name, MaturityReturnStatus Status);

/// <summary>
/// The figures for one round, as plain records: the domain × PCN grid (agreed positions where the review changed them,
/// received returns only), the count of PCNs at each position per domain, and the movement since the previous round.
/// </summary>
public sealed record MaturityRoundReport(
    int RoundId,
    FinancialYear Year,
    DateOnly DueDate,
    IReadOnlyList<ReportPcn> Pcns,
    ReturnTrackerSummary Tracker,
    MaturityGrid Grid,
    IReadOnlyList<DomainPositionCounts> Counts,
    FinancialYear? PreviousYear,
    IReadOnlyList<PositionMovement> Movements,
    IReadOnlyList<DomainMovementSummary> MovementByDomain)
{
    public string PcnName(string code) => Pcns.FirstOrDefault(p => p.Code == code)?.Name ?? code;

    /// <summary>Movements for PCNs with a received return in both years (rows where either side is missing are left out).</summary>
    public IEnumerable<IGrouping<string, PositionMovement>> MovementsByPcn() =>
        Movements.Where(m => m.Earlier is not null && m.Later is not null).GroupBy(m => m.PcnCode);
}

/// <summary>The maturity report for a round. The committee paper calls <see cref="ForRoundAsync"/> or <see cref="ForYearAsync"/>.</summary>
public sealed class MaturityReportQuery(PortalDbContext db, TimeProvider clock)
{
    public async Task<MaturityRoundReport?> ForYearAsync(FinancialYear year, CancellationToken cancellationToken = default)
    {
        var id = await db.AssessmentRounds.Where(r => r.YearStart == year.StartYear).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return id is null ? null : await ForRoundAsync(id.Value, cancellationToken);
    }

    public async Task<MaturityRoundReport?> ForRoundAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var round = await db.AssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var (pcns, returns) = await LoadAsync(round.Id, cancellationToken);
        var today = clock.Today();
        var tracker = ReturnTracker.Summarise([.. returns.Select(r => new ReturnTrackerEntry(r.Code, r.Status, r.SubmittedOn))], round.DueDate, today);
        var received = returns.Where(r => r.Return.IsReceived).Select(r => r.Return.ToDomain(r.Code)).ToList();
        var codes = pcns.Select(p => p.Code).ToList();

        var previous = await db.AssessmentRounds.AsNoTracking().Where(r => r.YearStart < round.YearStart)
            .OrderByDescending(r => r.YearStart).FirstOrDefaultAsync(cancellationToken);
        IReadOnlyList<PositionMovement> movements = [];
        IReadOnlyList<DomainMovementSummary> byDomain = [];
        if (previous is not null)
        {
            var (_, earlier) = await LoadAsync(previous.Id, cancellationToken);
            var earlierReceived = earlier.Where(r => r.Return.IsReceived).Select(r => r.Return.ToDomain(r.Code)).ToList();
            var both = earlierReceived.Select(r => r.PcnCode).Intersect(received.Select(r => r.PcnCode)).ToHashSet();
            movements = MaturitySummary.Movements(earlierReceived.Where(r => both.Contains(r.PcnCode)), received.Where(r => both.Contains(r.PcnCode)));
            byDomain = MaturitySummary.MovementByDomain(movements);
        }

        return new MaturityRoundReport(
            round.Id, new FinancialYear(round.YearStart), round.DueDate, pcns, tracker,
            MaturitySummary.Grid(received, codes),
            MaturitySummary.CountsByDomain(received, codes),
            previous is null ? null : new FinancialYear(previous.YearStart),
            movements, byDomain);
    }

    private async Task<(List<ReportPcn> Pcns, List<(string Code, MaturityReturnStatus Status, DateOnly? SubmittedOn, MaturityReturn Return)> Returns)> LoadAsync(
        int roundId, CancellationToken cancellationToken)
    {
        var rows = await db.MaturityReturns.AsNoTracking().Include(r => r.Answers).Include(r => r.Pcn)
            .Where(r => r.RoundId == roundId).ToListAsync(cancellationToken);
        rows = [.. rows.OrderBy(r => r.Pcn!.Code, StringComparer.Ordinal)];
        return (
            [.. rows.Select(r => new ReportPcn(r.Pcn!.Code, r.Pcn.Name, r.Status))],
            [.. rows.Select(r => (r.Pcn!.Code, r.Status, r.SubmittedOn, r))]);
    }
}

/// <summary>The round as CSV: one row per PCN and domain. Text cells that a spreadsheet would run as a formula are neutralised.</summary>
public sealed class MaturityRoundExporter(PortalDbContext db)
{
    public static readonly string[] Header =
    [
        "financial_year", "pcn_code", "pcn_name", "status", "submitted_on", "domain_code", "domain", "self_assessed_position",
        "agreed_position", "not_assessed_reason", "evidence", "what_worked_well", "to_continue", "support_needed",
    ];

    public async Task<(string FileName, byte[] Content)?> ExportAsync(int roundId, CancellationToken cancellationToken)
    {
        var round = await db.AssessmentRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var returns = await db.MaturityReturns.AsNoTracking().Include(r => r.Pcn).Include(r => r.Answers)
            .Where(r => r.RoundId == roundId).ToListAsync(cancellationToken);
        var year = new FinancialYear(round.YearStart).ToString();
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Header)).Append("\r\n");
        foreach (var ret in returns.OrderBy(r => r.Pcn!.Code, StringComparer.Ordinal))
        {
            foreach (var domain in MaturityDomains.All)
            {
                var a = ret.AnswerFor(domain);
                string?[] cells =
                [
                    year, ret.Pcn!.Code, ret.Pcn.Name, MaturityText.StatusText(ret.Status),
                    ret.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    domain.Code(), domain.DisplayName(), a?.Position?.DisplayText(), a?.AgreedPosition?.DisplayText(),
                    a?.NotAssessedReason, a?.Evidence, a?.WhatWorkedWell, a?.ToContinue, a?.SupportNeeded,
                ];
                csv.AppendRow(cells);
            }
        }

        return ($"maturity-{round.YearStart}-{(round.YearStart + 1) % 100:00}.csv", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray());
    }

}

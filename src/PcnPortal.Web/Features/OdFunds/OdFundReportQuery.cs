using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.OdFunds;

/// <summary>
/// A fund's figures as plain records: sources, the approved allocation per PCN with its working, EOIs with their decisions,
/// payments, and allocated / requested / approved / paid / remaining per PCN and in total. Used by the fund page, the CSV
/// export and committee papers. No access checks here: callers check the user may see commissioner data.
/// </summary>
public sealed class OdFundReportQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<OdFundReport>> ListAsync(int? startYear = null, CancellationToken cancellationToken = default)
    {
        var ids = await db.OdFunds.AsNoTracking()
            .Where(f => startYear == null || f.StartYear == startYear)
            .OrderBy(f => f.StartYear).ThenBy(f => f.Id)
            .Select(f => f.Id)
            .ToListAsync(cancellationToken);
        var reports = new List<OdFundReport>();
        foreach (var id in ids)
        {
            reports.Add((await GetAsync(id, cancellationToken))!);
        }

        return reports;
    }

    public async Task<OdFundReport?> GetAsync(int fundId, CancellationToken cancellationToken = default)
    {
        var fund = await db.OdFunds.AsNoTracking().Include(f => f.Sources).SingleOrDefaultAsync(f => f.Id == fundId, cancellationToken);
        if (fund is null)
        {
            return null;
        }

        var definition = fund.ToDomain();
        var approved = await db.OdAllocationVersions.AsNoTracking()
            .Include(v => v.Shares)
            .Where(v => v.FundId == fundId && v.Status == OdAllocationStatus.Approved)
            .SingleOrDefaultAsync(cancellationToken);
        var pcnNames = await db.Pcns.AsNoTracking().ToDictionaryAsync(p => p.Code, p => p.Name, cancellationToken);

        var eoiRows = await db.OdEois.AsNoTracking()
            .Where(e => e.FundId == fundId)
            .Select(e => new
            {
                e.Id,
                e.PcnCode,
                e.Status,
                e.SubmittedAtUtc,
                e.OverShareReason,
                Requested = e.Lines.Sum(l => (decimal?)l.Amount) ?? 0m,
                Decision = e.Decisions.Where(d => !d.IsPending).OrderByDescending(d => d.Id).Select(d => new
                {
                    d.Outcome,
                    d.DecisionDate,
                    d.Reasons,
                    d.Conditions,
                    d.ApprovedAmount,
                    d.VoterNames,
                    d.Excluded,
                }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var eois = eoiRows
            .OrderBy(e => e.PcnCode, StringComparer.Ordinal)
            .Select(e => new OdFundReportEoi(
                e.Id, e.PcnCode, pcnNames.GetValueOrDefault(e.PcnCode, e.PcnCode), e.Status, EoiStatusText(e.Status), e.Requested,
                e.Status is EoiStatus.Approved or EoiStatus.ApprovedWithConditions ? e.Decision?.ApprovedAmount ?? 0m : 0m,
                e.SubmittedAtUtc, e.OverShareReason,
                e.Decision is null ? null : new OdFundReportDecision(
                    e.Decision.Outcome, OdPanelDecisionRecord.Describe(e.Decision.Outcome), e.Decision.DecisionDate, e.Decision.Reasons,
                    e.Decision.Conditions, e.Decision.ApprovedAmount, e.Decision.VoterNames, e.Decision.Excluded)))
            .ToList();

        var payments = (await db.OdPayments.AsNoTracking().Where(p => p.FundId == fundId).OrderBy(p => p.PcnCode).ThenBy(p => p.Id).ToListAsync(cancellationToken))
            .Select(p => new OdFundReportPayment(p.Id, p.EoiId, p.PcnCode, pcnNames.GetValueOrDefault(p.PcnCode, p.PcnCode), p.Amount, p.Timing, p.PaidDate))
            .ToList();

        var shares = approved?.Shares.OrderBy(s => s.PcnCode, StringComparer.Ordinal).ToList() ?? [];
        var position = OdFundPositions.Build(
            shares.Select(s => new OdShare(s.PcnCode, s.Population, s.Amount, s.Working)),
            eois.Where(e => e.Status != EoiStatus.Draft).Select(e => new PcnAmount(e.PcnCode, e.Requested)),
            eois.Where(e => e.Approved > 0).Select(e => new PcnAmount(e.PcnCode, e.Approved)),
            payments.Where(p => p.PaidDate is not null).Select(p => new PcnAmount(p.PcnCode, p.Amount)));
        var shareByCode = shares.ToDictionary(s => s.PcnCode, StringComparer.OrdinalIgnoreCase);
        var pcns = position.Rows
            .Select(r => new OdFundReportPcn(
                r.PcnCode, pcnNames.GetValueOrDefault(r.PcnCode, r.PcnCode),
                shareByCode.TryGetValue(r.PcnCode, out var s) ? s.Population : 0m,
                r.Allocated, shareByCode.TryGetValue(r.PcnCode, out var w) ? w.Working : "No share in the approved allocation.",
                r.Requested, r.Approved, r.Paid, r.Remaining))
            .ToList();
        var t = position.Total;
        var total = new OdFundReportPcn(OdFundPositions.TotalLabel, OdFundPositions.TotalLabel, pcns.Sum(p => p.Population), t.Allocated, string.Empty, t.Requested, t.Approved, t.Paid, t.Remaining);

        return new OdFundReport(
            fund.Id, fund.Name, fund.Year.ToString(), fund.StartYear, fund.Status, fund.Total,
            [.. fund.Sources.OrderBy(s => s.Id).Select(s => new OdFundReportSource(s.Name, s.Amount))],
            fund.CdRingFencePercent, definition.CdRingFenceAmount, fund.HeldBack, fund.HeldBackPurpose, definition.Distributable,
            fund.Method, fund.RatePerPatient, fund.Basis, fund.PopulationDate, fund.EoiDeadline, fund.Quorum,
            approved is null ? null : new OdFundReportAllocation(approved.Number, approved.TotalAllocated, approved.Unallocated, approved.OutcomeCode, approved.OutcomeMessage, approved.ApprovedAtUtc, approved.ApprovedBy),
            pcns, total, eois, payments);
    }

    public static string EoiStatusText(EoiStatus status) => OdEoi.Describe(status);
}

/// <summary>A fund and its figures. <see cref="Allocation"/> is null until an allocation is approved.</summary>
public sealed record OdFundReport(
    int FundId,
    string Name,
    string Year,
    int StartYear,
    OdFundStatus Status,
    decimal Total,
    IReadOnlyList<OdFundReportSource> Sources,
    decimal CdRingFencePercent,
    decimal CdRingFenceAmount,
    decimal HeldBack,
    string? HeldBackPurpose,
    decimal Distributable,
    OdAllocationMethod Method,
    decimal? RatePerPatient,
    PopulationBasis Basis,
    DateOnly PopulationDate,
    DateOnly EoiDeadline,
    int Quorum,
    OdFundReportAllocation? Allocation,
    IReadOnlyList<OdFundReportPcn> Pcns,
    OdFundReportPcn Totals,
    IReadOnlyList<OdFundReportEoi> Eois,
    IReadOnlyList<OdFundReportPayment> Payments);

public sealed record OdFundReportSource(string Name, decimal Amount);

public sealed record OdFundReportAllocation(int Version, decimal TotalAllocated, decimal Unallocated, string OutcomeCode, string OutcomeMessage, DateTime? ApprovedAtUtc, string? ApprovedBy);

/// <summary>One PCN's row: Remaining = Allocated − Approved (negative when the panel approved more than the share).</summary>
public sealed record OdFundReportPcn(string PcnCode, string PcnName, decimal Population, decimal Allocated, string Working, decimal Requested, decimal Approved, decimal Paid, decimal Remaining);

public sealed record OdFundReportEoi(
    int EoiId, string PcnCode, string PcnName, EoiStatus Status, string StatusText, decimal Requested, decimal Approved,
    DateTime? SubmittedAtUtc, string? OverShareReason, OdFundReportDecision? LatestDecision);

public sealed record OdFundReportDecision(
    PanelDecisionOutcome Outcome, string OutcomeText, DateOnly DecisionDate, string? Reasons, string? Conditions, decimal? ApprovedAmount, string Voters, string Excluded);

public sealed record OdFundReportPayment(int PaymentId, int EoiId, string PcnCode, string PcnName, decimal Amount, OdPaymentTiming Timing, DateOnly? PaidDate);

using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.DemoData;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>
/// A 2020/21 redistribution round for the demo CCG, made through the same services as the pages: claims for 2020/21 (paid)
/// that leave most PCNs part of their ARR Sum unused and bring four PCNs (the first demo PCN among them) to their ARR Sum;
/// finance opens the round (deadline four weeks on); the four bid; the contracts team approves one in full and one in part,
/// and rejects one; the first demo PCN's bid is left waiting. All names are fictional.
/// </summary>
internal sealed class RedistributionDemoSeeder : IDemoSeeder
{
    private static readonly FinancialYear Year = new(2020);

    /// <summary>A clinical pharmacist month at £5,000 is capped at the 2020/21 maximum: £55,670 ÷ 12 = £4,639.17.</summary>
    private const decimal MonthlyReimbursable = 4_639.17m;

    public int Order => 35;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var redistribution = services.GetRequiredService<RedistributionService>();
        var figures = (await redistribution.FiguresAsync(Year, null, cancellationToken)).Where(f => f.Held).OrderBy(f => f.PcnCode, StringComparer.Ordinal).ToList();
        if (figures.Count < 6)
        {
            return;
        }

        var bidders = new[] { DemoCcg.FirstPcnCode }.Concat(figures.Select(f => f.PcnCode).Where(c => c != DemoCcg.FirstPcnCode).Take(3)).ToList();
        var csv = new StringBuilder("pcn_code,staff_ref,staff_name,role,month,wte,start_date,end_date,salary,employer_ni,employer_pension,other_on_costs,third_party_fee,notes\n");
        var serial = 0;
        foreach (var (pcn, index) in figures.Select((f, i) => (f, i)))
        {
            // Bidders claim enough to reach their ARR Sum (ARRS-ENTITLEMENT cuts the last line to what is left); the others 40% to 85% of it.
            var share = bidders.Contains(pcn.PcnCode) ? 1.1m : 0.4m + (0.05m * (index % 10));
            var posts = (int)Math.Ceiling(pcn.Entitlement * share / (12 * MonthlyReimbursable));
            for (var post = 0; post < posts; post++)
            {
                var staffRef = "3" + (950_000 + serial++).ToString("0000000", CultureInfo.InvariantCulture);
                foreach (var month in Year.Months())
                {
                    csv.Append(CultureInfo.InvariantCulture, $"{pcn.PcnCode},{staffRef},Pharmacist {staffRef[^3..]},{PublishedArrsSchedule.ClinicalPharmacist},{month:yyyy-MM},1,2020-04-01,,3900.00,480.00,620.00,0,0,\n");
                }
            }
        }

        var submitted = await services.GetRequiredService<ArrsClaimSubmissionService>().SubmitCsvAsync(csv.ToString(), null, "manager@" + DemoCcg.EmailDomain, cancellationToken);
        if (!submitted.Succeeded)
        {
            throw new InvalidOperationException("The 2020/21 demo claims were refused: " + string.Join("; ", submitted.Problems));
        }

        var contracts = "contracts@" + DemoCcg.EmailDomain;
        foreach (var line in await db.ArrsClaimLines.Where(l => l.FinancialYearStart == Year.StartYear).ToListAsync(cancellationToken))
        {
            line.Status = line.Reimbursable > 0m ? ArrsClaimStatus.Paid : ArrsClaimStatus.Rejected;
            line.DecidedBy = contracts;
            line.DecidedAt = DateTime.SpecifyKind(line.Month.AddMonths(1).ToDateTime(new TimeOnly(10, 0)), DateTimeKind.Utc);
            if (line.Status == ArrsClaimStatus.Paid)
            {
                line.ApprovedAmount = line.Reimbursable;
                line.PaidOn = line.Month.AddMonths(2).AddDays(14);
            }
            else
            {
                line.RejectionReason = "OTHER";
                line.DecisionText = "The PCN's ARR Sum for 2020/21 was used up by earlier lines.";
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await services.GetRequiredService<ArrsAssessmentService>().AssessYearAsync(Year, cancellationToken);

        var finance = "finance@" + DemoCcg.EmailDomain;
        var round = (await redistribution.OpenAsync(Year, context.Today.AddDays(28), finance, cancellationToken)).Value
            ?? throw new InvalidOperationException("The demo redistribution round could not be opened.");
        var bids = new List<int>();
        var requests = new (string Role, decimal Wte, int Month, decimal MonthlyCost, string Reason)[]
        {
            (PublishedArrsSchedule.Splw, 1m, 1, 2_450m, "A second social prescribing link worker for the care homes on the estate, where referrals have doubled."),
            (PublishedArrsSchedule.ClinicalPharmacist, 1m, 10, 4_400m, "Structured medication reviews for 600 patients on ten or more medicines."),
            (PublishedArrsSchedule.FcpPhysio, 0.8m, 12, 3_300m, "First contact physiotherapy two days a week at the branch surgery."),
            (PublishedArrsSchedule.CareCoordinator, 1m, 11, 2_150m, "Care coordination for the frailty multidisciplinary team."),
        };
        foreach (var (code, request) in bidders.Zip(requests))
        {
            var start = new DateOnly(request.Month <= 3 ? Year.StartYear + 1 : Year.StartYear, request.Month, 1);
            var bid = await redistribution.SubmitAsync(round.Id, code, new RedistributionBidInput(request.Role, request.Wte, start, request.MonthlyCost, request.Reason),
                code == DemoCcg.FirstPcnCode ? "manager@" + DemoCcg.EmailDomain : $"PCN manager of {code}", cancellationToken);
            bids.Add(bid.Value?.Id ?? throw new InvalidOperationException($"The demo bid of {code} was refused: {string.Join("; ", bid.Errors.Select(e => e.Message))}"));
        }

        // The first demo PCN's bid (bids[0]) waits for the contracts team.
        await DecideAsync(db, redistribution, bids[1], RedistributionDecision.ApproveInFull, null, null, contracts, cancellationToken);
        await DecideAsync(db, redistribution, bids[2], RedistributionDecision.ApproveInPart, 6_000m, "Approved from January, when the branch surgery room is available.", contracts, cancellationToken);
        await DecideAsync(db, redistribution, bids[3], RedistributionDecision.Reject, null, "The post is within the PCN's baseline: care coordination at the practices was already funded before 31 March 2019.", contracts, cancellationToken);
    }

    private static async Task DecideAsync(
        PortalDbContext db, RedistributionService service, int bidId, RedistributionDecision decision, decimal? amount, string? reason, string by, CancellationToken cancellationToken)
    {
        var version = await db.RedistributionBids.AsNoTracking().Where(b => b.Id == bidId).Select(b => b.Version).SingleAsync(cancellationToken);
        var result = await service.DecideAsync(bidId, version, decision, amount, reason, by, cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo decision on bid {bidId} was refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }
}

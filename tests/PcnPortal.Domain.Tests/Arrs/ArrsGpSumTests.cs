using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>
/// The ring-fenced GP sum. Source: Pulse, 'PCNs can claim more for ARRS staff but funding remains flat', 27 Sep 2024 (DES
/// revised 26 Sep 2024): from 1 October 2024 newly qualified GPs are claimable, funded by £1.303 per weighted patient
/// ring-fenced for GPs, separate from the £22.894 ARR Sum; from 2025/26 the GP funding is combined into the ARR Sum.
/// </summary>
public class ArrsGpSumTests
{
    [Fact]
    public void GpClaim2024_IsPaidFromTheRingFencedGpSum_NotTheArrSum()
    {
        // 50,000 weighted: ARR Sum 22.894 × 50,000 = £1,144,700.00; GP sum 1.303 × 50,000 = £65,150.00.
        // GP November 2024, 1.0 WTE, £7,000 (within £92,462 ÷ 12 = £7,705.17); a pharmacist £4,000 the same month.
        var gp = Line("2024-11", role: PublishedArrsSchedule.Gp, staff: "G1", start: "2024-10-01", salary: 7_000m, ni: 0m, pension: 0m, sequence: 1);
        var pharmacist = Line("2024-11", staff: "P1", start: "2024-10-01", salary: 4_000m, ni: 0m, pension: 0m, sequence: 2);

        var a = Assess(Fy(2024), [gp, pharmacist], Context(arrSum: null, population: 50_000));

        Assert.Equal(1_144_700.00m, a.ArrSumFor("U00001"));
        Assert.Equal(65_150.00m, a.GpSumFor("U00001"));
        Assert.Equal(7_000m, a[0].Reimbursable);
        Assert.Equal(7_000m, a.GpReimbursableFor("U00001"));
        Assert.Equal(11_000m, a.ReimbursableFor("U00001"));
        var gpOutcome = a.Outcome(0, EntitlementRule.Code)!;
        Assert.StartsWith("Ring-fenced GP sum £65,150.00", gpOutcome.Explanation);
        Assert.Contains("GP claims only, separate from the ARR Sum), £0.00 used by earlier GP lines; £7,000.00 fits (£58,150.00 left after it).", gpOutcome.Explanation);
        Assert.Equal("gpSum", gpOutcome.Figures["pot"]);
        // The pharmacist is paid from the ARR Sum, which GP claims have not touched.
        Assert.Contains("ARR Sum £1,144,700.00", a.Outcome(1, EntitlementRule.Code)!.Explanation);
        Assert.Contains("£0.00 used by earlier lines", a.Outcome(1, EntitlementRule.Code)!.Explanation);
    }

    [Fact]
    public void GpClaims2024_BeyondTheGpSum_AreCut_EvenWithArrSumLeft()
    {
        var lines = new[]
        {
            Line("2024-11", role: PublishedArrsSchedule.Gp, staff: "G1", start: "2024-10-01", salary: 7_000m, ni: 0m, pension: 0m, sequence: 1),
            Line("2024-11", role: PublishedArrsSchedule.Gp, staff: "G2", start: "2024-10-01", salary: 7_000m, ni: 0m, pension: 0m, sequence: 2),
            Line("2024-12", role: PublishedArrsSchedule.Gp, staff: "G1", start: "2024-10-01", salary: 7_000m, ni: 0m, pension: 0m, sequence: 3),
        };
        var context = Context(arrSum: 1_000_000m);
        context.GpSum = 10_000m;

        var a = Assess(Fy(2024), lines, context);

        Assert.Equal([7_000m, 3_000m, 0m], Enumerable.Range(0, 3).Select(i => a[i].Reimbursable));
        Assert.Equal(RuleSeverity.Warn, a[1].SeverityOf(EntitlementRule.Code));
        Assert.Equal(RuleSeverity.Fail, a[2].SeverityOf(EntitlementRule.Code));
        Assert.StartsWith("£0: entitlement used up. Ring-fenced GP sum £10,000.00", a.Outcome(2, EntitlementRule.Code)!.Explanation);
    }

    [Fact]
    public void GpClaim2025_IsPaidFromTheCombinedArrSum()
    {
        var a = Assess(Fy(2025), [Line("2025-05", role: PublishedArrsSchedule.Gp, staff: "G1", start: "2025-04-01", salary: 7_000m, ni: 0m, pension: 0m)], Context(arrSum: null, population: 50_000));

        Assert.Null(a.GpSumFor("U00001"));
        Assert.Equal(7_000m, a[0].Reimbursable);
        Assert.StartsWith("ARR Sum £1,331,550.00", a.Outcome(0, EntitlementRule.Code)!.Explanation); // 26.631 × 50,000
    }
}

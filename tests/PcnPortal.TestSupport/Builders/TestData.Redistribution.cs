using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Registration;

namespace PcnPortal.TestSupport;

public sealed partial class TestData
{
    /// <summary>
    /// An open redistribution round for the year written straight to the database (not through the forecast), with a pool
    /// entry for each giver and its expected unused entitlement. Closes any other open round for the year first, as finance would.
    /// </summary>
    public Task<int> CreateRedistributionRoundAsync(int startYear = 2020, DateOnly? deadline = null, params (Pcn Pcn, decimal Unused)[] givers) => WithDbAsync(async db =>
    {
        foreach (var open in await db.RedistributionRounds.Where(r => r.StartYear == startYear && r.Status == RedistributionRoundStatus.Open).ToListAsync())
        {
            open.Status = RedistributionRoundStatus.Closed;
        }

        var round = new RedistributionRound
        {
            StartYear = startYear,
            Deadline = deadline ?? new DateOnly(2099, 12, 31),
            Pool = givers.Sum(g => g.Unused),
            OpenedBy = "finance@test",
            OpenedAt = DateTime.UtcNow,
            PoolEntries = [.. givers.Select(g => new RedistributionPoolEntry
            {
                PcnId = g.Pcn.Id, Entitlement = g.Unused, ExpectedUnused = g.Unused, Working = $"{g.Unused:0.00} expected unused (test data).",
            })],
        };
        db.RedistributionRounds.Add(round);
        await db.SaveChangesAsync();
        return round.Id;
    });

    /// <summary>A submitted bid from the PCN: a 1.0 WTE clinical pharmacist from January at the monthly cost for three months.</summary>
    public Task<int> CreateRedistributionBidAsync(int roundId, Pcn pcn, decimal monthlyCost = 1_000m, string reason = "More medication reviews") => WithDbAsync(async db =>
    {
        var year = await db.RedistributionRounds.Where(r => r.Id == roundId).Select(r => r.StartYear).SingleAsync();
        var bid = new RedistributionBid
        {
            RoundId = roundId,
            PcnId = pcn.Id,
            RoleCode = "CLINICAL_PHARMACIST",
            Wte = 1m,
            StartMonth = new DateOnly(year + 1, 1, 1),
            MonthlyCost = monthlyCost,
            Months = 3,
            Requested = monthlyCost * 3,
            Reason = reason,
            Eligibility = "Eligible (test data).",
            SubmittedBy = "manager@test",
            SubmittedAt = DateTime.UtcNow,
        };
        db.RedistributionBids.Add(bid);
        await db.SaveChangesAsync();
        return bid.Id;
    });
}

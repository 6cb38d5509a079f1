using System.Globalization;
using PcnPortal.Domain.Arrs.Redistribution;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using static PcnPortal.Domain.Tests.Arrs.ArrsTestData;

namespace PcnPortal.Domain.Tests.Arrs;

public class ArrsRedistributionTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>"U1:10.00,U2:20.00" as givers with what is left of their underspend.</summary>
    private static List<RedistributionGiver> Givers(string text) =>
        [.. text.Split(',').Select(g => g.Split(':')).Select(p => new RedistributionGiver(p[0], decimal.Parse(p[1], Inv)))];

    private static string Shares(IEnumerable<RedistributionReductionShare> shares) =>
        string.Join(",", shares.Select(s => $"{s.PcnCode}:{s.Amount.ToString("0.00", Inv)}"));

    [Theory]
    [InlineData("0.01", "U1:10.00,U2:10.00,U3:10.00", "U1:0.01,U2:0.00,U3:0.00")] // 1p over three equal givers: ties go to the PCN code
    [InlineData("0.02", "U1:10.00,U2:10.00,U3:10.00", "U1:0.01,U2:0.01,U3:0.00")]
    [InlineData("0.01", "U1:10.00,U2:30.00,U3:20.00", "U1:0.00,U2:0.01,U3:0.00")] // the largest remainder (the largest giver) takes it
    [InlineData("10.00", "U1:10.00,U2:10.00,U3:10.00", "U1:3.34,U2:3.33,U3:3.33")]
    [InlineData("1.00", "U1:33.33,U2:33.33,U3:33.34", "U1:0.33,U2:0.33,U3:0.34")] // 0.3333, 0.3333, 0.3334: U3's remainder is largest
    [InlineData("1000.00", "U1:1000.00,U2:2000.00,U3:3000.00,U4:4000.00", "U1:100.00,U2:200.00,U3:300.00,U4:400.00")] // exact, no rounding
    [InlineData("60.00", "U1:10.00,U2:20.00,U3:30.00", "U1:10.00,U2:20.00,U3:30.00")] // the whole pool: each gives all it has
    [InlineData("7.00", "U1:3.00,U2:0.00,U3:4.00", "U1:3.00,U3:4.00")] // a PCN with nothing left takes no part
    [InlineData("100.00", "U1:0.01,U2:999.99", "U1:0.00,U2:100.00")] // 0.001 for U1 rounds down; U2 takes the leftover penny
    [InlineData("5000.00", "U00002:12345.67,U00003:2345.01,U00004:99.99", "U00002:4173.47,U00003:792.73,U00004:33.80")] // 4173.4654.., 792.7328.., 33.8017..: the leftover penny goes to U00002 (remainder 0.54p)
    public void Reduce_SharesProRataToThePenny(string amount, string givers, string expected)
    {
        var shares = ArrsRedistribution.Reduce(decimal.Parse(amount, Inv), Givers(givers));

        Assert.Equal(expected, Shares(shares));
        Assert.Equal(decimal.Parse(amount, Inv), shares.Sum(s => s.Amount));
    }

    [Fact]
    public void Reduce_WorkingStatesTheExactShareAndTheRounding()
    {
        var shares = ArrsRedistribution.Reduce(0.01m, Givers("U1:10.00,U2:10.00,U3:10.00"));

        Assert.Equal("£0.01 × £10.00 ÷ £30.00 = £0.003333, rounded up by 1p (largest remainder): £0.01.", shares[0].Working);
        Assert.Equal("£0.01 × £10.00 ÷ £30.00 = £0.003333, rounded down to the penny: £0.00.", shares[1].Working);
    }

    [Theory]
    [InlineData("0.00")]
    [InlineData("-1.00")]
    [InlineData("0.001")]
    [InlineData("60.01")] // more than the givers have left: the pool never goes negative
    public void Reduce_RefusesAnAmountNotInThePool(string amount)
    {
        Assert.ThrowsAny<ArgumentException>(() => ArrsRedistribution.Reduce(decimal.Parse(amount, Inv), Givers("U1:10.00,U2:20.00,U3:30.00")));
    }

    [Fact]
    public void Reduce_SuccessiveApprovalsDrainThePoolExactlyAndNoGiverGoesBelowZero()
    {
        var random = new Random(20261203);
        for (var round = 0; round < 200; round++)
        {
            var remaining = Enumerable.Range(1, random.Next(1, 12))
                .ToDictionary(i => $"U{i:00000}", _ => random.Next(0, 5_000_000) / 100m);
            var pool = remaining.Values.Sum();
            while (pool > 0m)
            {
                var amount = Math.Min(pool, Math.Max(0.01m, random.Next(1, 2_000_000) / 100m));
                var shares = ArrsRedistribution.Reduce(amount, [.. remaining.Select(r => new RedistributionGiver(r.Key, r.Value))]);

                Assert.Equal(amount, shares.Sum(s => s.Amount));
                foreach (var share in shares)
                {
                    Assert.InRange(share.Amount, 0m, remaining[share.PcnCode]);
                    Assert.Equal(decimal.Round(share.Amount, 2), share.Amount);
                    remaining[share.PcnCode] -= share.Amount;
                }

                pool -= amount;
                Assert.Equal(pool, remaining.Values.Sum());
            }

            Assert.All(remaining.Values, r => Assert.Equal(0m, r));
        }
    }

    [Theory]
    [InlineData("215500.00", "120000.00", "50000.00", "45500.00")]
    [InlineData("215500.00", "150000.00", "65500.00", "0.00")] // exactly used: nothing unused
    [InlineData("215500.00", "150000.00", "70000.00", "0.00")] // forecast over: never negative
    [InlineData("100.00", "0.00", "0.00", "100.00")]
    public void Unused_IsEntitlementLessClaimedLessForecast_NeverNegative(string entitlement, string claimed, string forecast, string expected)
    {
        var unused = ArrsRedistribution.Unused(new PcnYearFigures("U1", "North Bristol PCN", decimal.Parse(entitlement, Inv), decimal.Parse(claimed, Inv), decimal.Parse(forecast, Inv)));

        Assert.Equal(decimal.Parse(expected, Inv), unused.ExpectedUnused);
    }

    [Fact]
    public void Unused_StatesTheWorking()
    {
        var unused = ArrsRedistribution.Unused(new PcnYearFigures("U1", "North Bristol PCN", 215_500m, 120_000m, 50_000m));
        Assert.Equal("£215,500.00 entitlement − £120,000.00 claimed (approved and pending) − £50,000.00 forecast to year end = £45,500.00 expected unused.", unused.Working);

        var over = ArrsRedistribution.Unused(new PcnYearFigures("U2", "South PCN", 100m, 80m, 30m));
        Assert.Equal("£100.00 entitlement − £80.00 claimed (approved and pending) − £30.00 forecast to year end = -£10.00: forecast to use all its entitlement, so £0.00 expected unused.", over.Working);
    }

    [Fact]
    public void Pool_IsTheSumOfExpectedUnused_AndANotHeldPcnGivesNothing()
    {
        var pool = ArrsRedistribution.Pool(Fy(2020), [
            new PcnYearFigures("U1", "A PCN", 100_000m, 50_000m, 20_000m),
            new PcnYearFigures("U2", "B PCN", 100_000m, 90_000m, 20_000m),
            new PcnYearFigures("U3", "C PCN", 0m, 0m, 0m, Held: false),
            new PcnYearFigures("U4", "D PCN", 50_000.01m, 10_000m, 0m),
        ]);

        Assert.Equal(70_000.01m, pool.Total);
        Assert.Equal([30_000m, 0m, 0m, 40_000.01m], pool.Pcns.Select(p => p.ExpectedUnused));
        Assert.Equal("Pool £70,000.01 = the expected unused entitlement of 2 of 4 PCNs in 2020/21.", pool.Working);
    }

    [Theory]
    [InlineData(2018, RuleSeverity.Fail)]
    [InlineData(2019, RuleSeverity.Pass)]
    [InlineData(2020, RuleSeverity.Pass)]
    [InlineData(2023, RuleSeverity.Pass)]
    [InlineData(2024, RuleSeverity.Fail)]
    [InlineData(2025, RuleSeverity.Fail)]
    public void CheckYear_OnlyTwentyNineteenToTwentyThree(int year, RuleSeverity expected)
    {
        var outcome = ArrsRedistribution.CheckYear(Fy(year));

        Assert.Equal(expected, outcome.Severity);
        Assert.Equal(ArrsRedistribution.YearCode, outcome.Code);
    }

    [Fact]
    public void CheckYear_TwentyTwentyFour_SaysTheMechanismWasRemoved()
    {
        Assert.Equal(
            "There is no redistribution for 2024/25: sharing unused ARRS entitlement between PCNs ran from 2019/20 to 2023/24 and was removed from the Network Contract DES from 2024/25.",
            ArrsRedistribution.CheckYear(Fy(2024)).Explanation);
        Assert.Throws<ArgumentOutOfRangeException>(() => ArrsRedistribution.Pool(Fy(2024), []));
    }

    [Theory]
    [InlineData("100000.00", "60000.00", "40000.00", true, RuleSeverity.Pass)] // reaches exactly: may bid
    [InlineData("100000.00", "60000.00", "39999.99", true, RuleSeverity.Fail)] // 1p short
    [InlineData("100000.00", "90000.00", "40000.00", true, RuleSeverity.Pass)] // over
    [InlineData("100000.00", "0.00", "0.00", true, RuleSeverity.Fail)]
    [InlineData("0.00", "0.00", "0.00", false, RuleSeverity.Fail)] // no ARR Sum held
    public void Eligibility_ForecastSpendMustReachTheEntitlement(string entitlement, string claimed, string forecast, bool held, RuleSeverity expected)
    {
        var outcome = ArrsRedistribution.Eligibility(new PcnYearFigures("U1", "North Bristol PCN", decimal.Parse(entitlement, Inv), decimal.Parse(claimed, Inv), decimal.Parse(forecast, Inv), held));

        Assert.Equal(expected, outcome.Severity);
        Assert.Equal(ArrsRedistribution.EligibleCode, outcome.Code);
    }

    [Fact]
    public void Eligibility_ShortSaysByHowMuch()
    {
        var outcome = ArrsRedistribution.Eligibility(new PcnYearFigures("U1", "North Bristol PCN", 100_000m, 60_000m, 39_999.99m));

        Assert.Equal("Forecast spend £99,999.99 (£60,000.00 claimed + £39,999.99 forecast to year end) is £0.01 short of its entitlement of £100,000.00: North Bristol PCN may bid once its forecast spend reaches its entitlement.", outcome.Explanation);
        Assert.Equal("99999.99", outcome.Figures["forecastSpend"]);
    }

    [Theory]
    [InlineData("5000.00", "5000.00", "9000.00", RuleSeverity.Pass)] // in full
    [InlineData("2500.50", "5000.00", "9000.00", RuleSeverity.Pass)] // in part
    [InlineData("9000.00", "10000.00", "9000.00", RuleSeverity.Pass)] // all that is left
    [InlineData("9000.01", "10000.00", "9000.00", RuleSeverity.Fail)] // 1p over the pool
    [InlineData("5000.01", "5000.00", "9000.00", RuleSeverity.Fail)] // more than bid for
    [InlineData("0.00", "5000.00", "9000.00", RuleSeverity.Fail)]
    [InlineData("-1.00", "5000.00", "9000.00", RuleSeverity.Fail)]
    [InlineData("10.005", "5000.00", "9000.00", RuleSeverity.Fail)]
    public void CheckApproval_WithinTheBidAndThePool(string amount, string requested, string available, RuleSeverity expected)
    {
        var outcome = ArrsRedistribution.CheckApproval(decimal.Parse(amount, Inv), decimal.Parse(requested, Inv), decimal.Parse(available, Inv));

        Assert.Equal(expected, outcome.Severity);
    }

    [Fact]
    public void CheckApproval_OverThePool_GivesTheFigures()
    {
        var outcome = ArrsRedistribution.CheckApproval(9_000.01m, 10_000m, 9_000m);

        Assert.Equal("£9,000.01 is more than the £9,000.00 left in the pool: approve £9,000.00 or less.", outcome.Explanation);
    }

    [Fact]
    public void ApplyToContext_ExtraAllocationRaisesTheEntitlementTheEngineApplies()
    {
        // Clinical pharmacist 2020/21: £55,670 a year, £4,639.17 a month at 100%; three months = £13,917.51 against a £10,000 ARR Sum.
        var lines = new[] { Line("2020-04", salary: 5_000m), Line("2020-05", salary: 5_000m), Line("2020-06", salary: 5_000m) };

        var without = Assess(Fy(2020), lines, Context(arrSum: 10_000m));
        Assert.Equal(RuleSeverity.Warn, without.Outcomes(2).Single(o => o.Code == EntitlementRule.Code).Severity);

        var context = Context(arrSum: 10_000m);
        Assert.True(ArrsRedistribution.ApplyToContext(context, Reference, Fy(2020), 5_000m, 0m));
        var with = Assess(Fy(2020), lines, context);
        var outcome = with.Outcomes(2).Single(o => o.Code == EntitlementRule.Code);

        Assert.Equal(RuleSeverity.Pass, outcome.Severity);
        Assert.True(with[2].Reimbursable > without[2].Reimbursable);
        Assert.StartsWith("Entitlement £15,000.00 (ARR Sum £10,000.00 + £5,000.00 extra allocation from the redistribution of unused entitlement = £15,000.00)", outcome.Explanation, StringComparison.Ordinal);
        Assert.Equal("15000.00", outcome.Figures["arrSum"]);
    }

    [Fact]
    public void ApplyToContext_GivenUpLowersTheEntitlement()
    {
        var lines = new[] { Line("2020-04", salary: 5_000m), Line("2020-05", salary: 5_000m) };
        var context = Context(arrSum: 10_000m);
        ArrsRedistribution.ApplyToContext(context, Reference, Fy(2020), 0m, 5_000m);

        var assessment = Assess(Fy(2020), lines, context);
        var outcome = assessment.Outcomes(1).Single(o => o.Code == EntitlementRule.Code);

        Assert.Equal(RuleSeverity.Warn, outcome.Severity);
        Assert.Equal(5_000m - assessment[0].Reimbursable, assessment[1].Reimbursable);
        Assert.Contains("− £5,000.00 unused entitlement given up to other PCNs' approved bids = £5,000.00", outcome.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyToContext_NothingRedistributed_LeavesTheContextAlone()
    {
        var context = Context(arrSum: null, population: 50_000);

        Assert.False(ArrsRedistribution.ApplyToContext(context, Reference, Fy(2020), 0m, 0m));
        Assert.Null(context.ArrSum);
        Assert.Equal("", context.RedistributionNote);
    }

    [Fact]
    public void ApplyToContext_WorksTheArrSumOutFromThePopulationWhenNotGiven()
    {
        var context = Context(arrSum: null, population: 50_000);

        ArrsRedistribution.ApplyToContext(context, Reference, Fy(2020), 1_000m, 0m);

        var arrSum = PcnPortal.Domain.Arrs.ArrSum.Calculate(Reference, Fy(2020), 50_000).Amount;
        Assert.Equal(arrSum + 1_000m, context.ArrSum);
    }
}

using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Arrs;

/// <summary>Builders with sensible defaults for ARRS engine tests.</summary>
internal static class ArrsTestData
{
    public static readonly ArrsReferenceData Reference = PublishedArrsSchedule.Create();

    private static long _sequence;

    public static ClaimLineInput Line(
        string month = "2019-11",
        string role = PublishedArrsSchedule.ClinicalPharmacist,
        decimal wte = 1.0m,
        decimal salary = 4_000m,
        decimal ni = 400m,
        decimal pension = 420m,
        decimal other = 0m,
        decimal fee = 0m,
        string pcn = "U00001",
        string staff = "S1",
        string start = "2019-07-01",
        string? end = null,
        long? sequence = null,
        bool transferred = false,
        bool thirdPartySplw = false) =>
        new(
            pcn,
            staff,
            "Staff " + staff,
            role,
            DateOnly.ParseExact(month + "-01", "yyyy-MM-dd"),
            wte,
            DateOnly.Parse(start),
            end is null ? null : DateOnly.Parse(end),
            salary,
            ni,
            pension,
            other,
            fee,
            sequence ?? Interlocked.Increment(ref _sequence),
            transferred,
            thirdPartySplw);

    public static PcnYearContext Context(string pcn = "U00001", decimal? arrSum = 1_000_000m, int population = 50_000, AreaTier tier = AreaTier.National, params BaselinePost[] baseline) =>
        new() { PcnCode = pcn, ArrSum = arrSum, WeightedPopulation = population, AreaTier = tier, Baseline = baseline };

    public static ArrsAssessment Assess(FinancialYear year, IReadOnlyList<ClaimLineInput> lines, params PcnYearContext[] contexts)
    {
        var map = contexts.Length == 0
            ? lines.Select(l => l.PcnCode).Distinct().ToDictionary(c => c, c => Context(c))
            : contexts.ToDictionary(c => c.PcnCode);
        var assessment = ArrsAssessor.Assess(lines, Reference, map, year);

        // Every case assessed here also checks that the outcomes written again from what is stored are the same.
        StoredOutcomesTests.AssertRebuiltIdentically(assessment, Reference, map);
        return assessment;
    }

    public static FinancialYear Fy(int start) => new(start);
}

using System.Globalization;
using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.OdFunds;

/// <summary>How the distributable amount is shared between PCNs.</summary>
public enum OdAllocationMethod
{
    /// <summary>A rate per patient (e.g. £0.66 per registered patient, seed 002); any amount left over is stated, never spread.</summary>
    PerCapita = 1,

    /// <summary>The whole distributable amount shared in proportion to population, to the penny (largest remainder).</summary>
    ProRata = 2,
}

public enum PopulationBasis
{
    /// <summary>Registered (raw, unweighted) list size.</summary>
    Registered = 1,

    /// <summary>Weighted (Carr-Hill) list size.</summary>
    Weighted = 2,
}

/// <summary>Where the fund's money comes from, e.g. "NHS England PCN development" £360,000 and "CCG GP transformation top-up" £360,000.</summary>
public sealed record OdFundSource(string Name, decimal Amount);

/// <summary>
/// An OD (organisational development) fund for one financial year. Amounts are decimal pounds.
/// distributable = total − CD development ring-fence − held back for system-wide programmes.
/// Check a definition with <see cref="OdFundRules.Check"/> before allocating.
/// </summary>
public sealed record OdFund
{
    /// <summary>The national expectation: at least 10% of PCN development funding for clinical director development (seed 004).</summary>
    public const decimal MinimumCdRingFencePercent = 10m;

    /// <summary>Default panel quorum: the BNSSG panel had four roles (seed 002); three non-conflicted members must vote.</summary>
    public const int DefaultQuorum = 3;

    public required string Name { get; init; }

    public required FinancialYear Year { get; init; }

    public required decimal Total { get; init; }

    public IReadOnlyList<OdFundSource> Sources { get; init; } = [];

    /// <summary>Percentage of <see cref="Total"/> ring-fenced for clinical director development; default 10, never below 10.</summary>
    public decimal CdRingFencePercent { get; init; } = MinimumCdRingFencePercent;

    /// <summary>Pounds held back for system-wide programmes (e.g. PHM analysts), not shared between PCNs.</summary>
    public decimal HeldBackForSystemWide { get; init; }

    public OdAllocationMethod Method { get; init; } = OdAllocationMethod.PerCapita;

    /// <summary>Pounds per patient for <see cref="OdAllocationMethod.PerCapita"/>, e.g. 0.66. Ignored for pro rata.</summary>
    public decimal? RatePerPatient { get; init; }

    public PopulationBasis Basis { get; init; } = PopulationBasis.Registered;

    /// <summary>The date the populations are taken as at (e.g. 1 October 2020).</summary>
    public required DateOnly PopulationDate { get; init; }

    /// <summary>Non-conflicted panel members who must vote for a decision to stand.</summary>
    public int Quorum { get; init; } = DefaultQuorum;

    /// <summary>The ring-fence in pounds, rounded to the penny (half away from zero).</summary>
    public decimal CdRingFenceAmount => Money.ToPence(Total * CdRingFencePercent / 100m);

    public decimal Distributable => Total - CdRingFenceAmount - HeldBackForSystemWide;

    public decimal SourcesTotal => Sources.Sum(s => s.Amount);
}

/// <summary>Checks on a fund definition. Codes: OD-SOURCES-TOTAL, OD-RINGFENCE-MIN, OD-DISTRIBUTABLE, OD-RATE, OD-QUORUM-MIN.</summary>
public static class OdFundRules
{
    public const string SourcesTotal = "OD-SOURCES-TOTAL";
    public const string RingFenceMin = "OD-RINGFENCE-MIN";
    public const string DistributableCode = "OD-DISTRIBUTABLE";
    public const string Rate = "OD-RATE";
    public const string QuorumMin = "OD-QUORUM-MIN";

    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyList<RuleOutcome> Check(OdFund fund)
    {
        var outcomes = new List<RuleOutcome>();

        var sourceFigures = new Dictionary<string, string>
        {
            ["SourcesTotal"] = Money.Format(fund.SourcesTotal),
            ["FundTotal"] = Money.Format(fund.Total),
        };
        if (fund.Sources.Count == 0)
        {
            outcomes.Add(RuleOutcome.Fail(SourcesTotal, "Add at least one source of funding.", sourceFigures));
        }
        else if (fund.Sources.Any(s => s.Amount < 0 || string.IsNullOrWhiteSpace(s.Name)))
        {
            outcomes.Add(RuleOutcome.Fail(SourcesTotal, "Give every source a name and an amount of £0 or more.", sourceFigures));
        }
        else if (fund.SourcesTotal != fund.Total)
        {
            var diff = fund.SourcesTotal - fund.Total;
            outcomes.Add(RuleOutcome.Fail(SourcesTotal,
                $"The sources add up to {Money.Format(fund.SourcesTotal)}, which is {Money.Format(Math.Abs(diff))} {(diff > 0 ? "more" : "less")} than the fund total of {Money.Format(fund.Total)}.",
                sourceFigures));
        }
        else
        {
            outcomes.Add(RuleOutcome.Pass(SourcesTotal, $"The sources add up to the fund total of {Money.Format(fund.Total)}.", sourceFigures));
        }

        var ringFigures = new Dictionary<string, string>
        {
            ["Percent"] = fund.CdRingFencePercent.ToString("0.##", Uk) + "%",
            ["Amount"] = Money.Format(fund.CdRingFenceAmount),
            ["MinimumAmount"] = Money.Format(Money.ToPence(fund.Total * OdFund.MinimumCdRingFencePercent / 100m)),
        };
        outcomes.Add(fund.CdRingFencePercent >= OdFund.MinimumCdRingFencePercent && fund.CdRingFencePercent <= 100m
            ? RuleOutcome.Pass(RingFenceMin, $"{ringFigures["Percent"]} ({ringFigures["Amount"]}) is ring-fenced for clinical director development.", ringFigures)
            : RuleOutcome.Fail(RingFenceMin, $"Ring-fence at least {OdFund.MinimumCdRingFencePercent:0}% ({ringFigures["MinimumAmount"]}) for clinical director development, and no more than 100%; it is {ringFigures["Percent"]} ({ringFigures["Amount"]}).", ringFigures));

        var distFigures = new Dictionary<string, string>
        {
            ["Total"] = Money.Format(fund.Total),
            ["RingFence"] = Money.Format(fund.CdRingFenceAmount),
            ["HeldBack"] = Money.Format(fund.HeldBackForSystemWide),
            ["Distributable"] = Money.Format(fund.Distributable),
        };
        var working = $"{distFigures["Total"]} − {distFigures["RingFence"]} ring-fence − {distFigures["HeldBack"]} held back = {distFigures["Distributable"]}";
        outcomes.Add(fund.HeldBackForSystemWide < 0 || fund.Distributable < 0 || Money.ToPence(fund.Total) != fund.Total
            ? RuleOutcome.Fail(DistributableCode, $"The amount to share between PCNs cannot be negative and amounts must be whole pence: {working}.", distFigures)
            : RuleOutcome.Pass(DistributableCode, $"To share between PCNs: {working}.", distFigures));

        if (fund.Method == OdAllocationMethod.PerCapita)
        {
            outcomes.Add(fund.RatePerPatient is > 0m
                ? RuleOutcome.Pass(Rate, $"{FormatRate(fund.RatePerPatient.Value)} per {BasisWord(fund.Basis)} patient as at {fund.PopulationDate.ToString("d MMMM yyyy", Uk)}.")
                : RuleOutcome.Fail(Rate, "Enter the amount per patient, for example £0.66."));
        }

        outcomes.Add(fund.Quorum >= 1
            ? RuleOutcome.Pass(QuorumMin, $"Decisions need {fund.Quorum} non-conflicted members voting.")
            : RuleOutcome.Fail(QuorumMin, "Set a quorum of at least 1 non-conflicted panel member."));

        return outcomes;
    }

    /// <summary>"£0.66", "£0.6612": at least 2 and up to 4 decimal places.</summary>
    public static string FormatRate(decimal rate) => "£" + rate.ToString("#,0.00##", Uk);

    internal static string BasisWord(PopulationBasis basis) => basis == PopulationBasis.Weighted ? "weighted" : "registered";
}

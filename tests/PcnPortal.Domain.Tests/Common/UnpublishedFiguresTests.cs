using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Tests.Common;

public class UnpublishedFiguresTests
{
    private static readonly FinancialYear Year = new(2026);

    /// <summary>Each row: figures as "category|item|status|year set for" separated by ";", and the sentences expected, separated by " / ".</summary>
    [Theory]
    [InlineData("rates|Core|Published|2026", "")]
    [InlineData("the ARR Sum rate||CarriedForward|2025",
        "figures for 2026/27 not yet published: carried forward from 2025/26 (the ARR Sum rate)")]
    [InlineData("the ARR Sum rate||Published|2025", // published for an earlier year, still in force: carried forward all the same
        "figures for 2026/27 not yet published: carried forward from 2025/26 (the ARR Sum rate)")]
    [InlineData("the ARR Sum rate||CarriedForward|", // no year held: the year before
        "figures for 2026/27 not yet published: carried forward from 2025/26 (the ARR Sum rate)")]
    [InlineData("maximums|Care coordinator|CarriedForward|2023;maximums|Clinical pharmacist|CarriedForward|2024;maximums|Paramedic|CarriedForward|2024",
        "figures for 2026/27 not yet published: carried forward from 2024/25 (maximums for Clinical pharmacist and Paramedic) / figures for 2026/27 not yet published: carried forward from 2023/24 (maximums for Care coordinator)")]
    [InlineData("rates|Core|ReportedSecondary|2026;rates|Clinical director|ReportedSecondary|2026;rates|Access|ReportedSecondary|2026",
        "reported from a secondary source, not a primary publication (rates for Core, Clinical director and Access)")]
    [InlineData("rates|Core|Unverified|2026;the ARR Sum rate||ReportedSecondary|2026;maximums|GP|Published|2026",
        "reported from a secondary source, not a primary publication (the ARR Sum rate) / unverified: no source found, to be checked before relying on (rates for Core)")]
    public void Sentences(string figures, string expected)
    {
        var unpublished = new UnpublishedFigures(Year);
        foreach (var figure in figures.Split(';'))
        {
            var parts = figure.Split('|');
            unpublished.Add(parts[0], parts[1].Length == 0 ? null : parts[1], Enum.Parse<FigureStatus>(parts[2]), parts[3].Length == 0 ? null : new FinancialYear(int.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(expected.Length == 0 ? [] : expected.Split(" / "), unpublished.Sentences());
        Assert.Equal(expected.Length > 0, unpublished.Any);
    }
}

using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.Tests.Maturity;

public class MaturitySummaryTests
{
    private static PcnMaturityReturn Return(string pcn, params (MaturityDomain Domain, MaturityPosition Position)[] positions) =>
        new(pcn, [.. positions.Select(p => new DomainPosition(p.Domain, p.Position, p.Position == MaturityPosition.NotAssessed ? "No score" : null))]);

    private static PcnMaturityReturn AllDomains(string pcn, MaturityPosition position) =>
        Return(pcn, [.. MaturityDomains.All.Select(d => (d, position))]);

    [Fact]
    public void CountsByDomain_CountsEachPositionAndMissing()
    {
        var round = new[]
        {
            AllDomains("U00001", MaturityPosition.Foundation),
            AllDomains("U00002", MaturityPosition.Foundation),
            Return("U00003", (MaturityDomain.IntegratingCare, MaturityPosition.Step1To2), (MaturityDomain.ManagingResources, MaturityPosition.NotAssessed)),
        };

        var counts = MaturitySummary.CountsByDomain(round, ["U00001", "U00002", "U00003", "U00004"]);

        Assert.Equal(5, counts.Count);
        var integrating = counts.Single(c => c.Domain == MaturityDomain.IntegratingCare);
        Assert.Equal(2, integrating[MaturityPosition.Foundation]);
        Assert.Equal(1, integrating[MaturityPosition.Step1To2]);
        Assert.Equal(0, integrating[MaturityPosition.Step3]);
        Assert.Equal(1, integrating.Missing); // U00004
        Assert.Equal(3, integrating.Positioned);
        var resources = counts.Single(c => c.Domain == MaturityDomain.ManagingResources);
        Assert.Equal(1, resources[MaturityPosition.NotAssessed]);
        var leadership = counts.Single(c => c.Domain == MaturityDomain.LeadershipPlanningAndPartnerships);
        Assert.Equal(2, leadership.Missing); // U00003 skipped the domain, U00004 did not return
        Assert.Equal([MaturityPosition.Foundation], leadership.Modal());
    }

    [Fact]
    public void CountsByDomain_LaterReturnForSamePcnWins()
    {
        var counts = MaturitySummary.CountsByDomain([AllDomains("U00001", MaturityPosition.Foundation), AllDomains("u00001", MaturityPosition.Step2)]);
        Assert.All(counts, c =>
        {
            Assert.Equal(1, c[MaturityPosition.Step2]);
            Assert.Equal(0, c[MaturityPosition.Foundation]);
            Assert.Equal(0, c.Missing);
        });
    }

    [Fact]
    public void Grid_ColumnsInGivenOrder_NullWhereMissing()
    {
        var grid = MaturitySummary.Grid(
            [AllDomains("U00002", MaturityPosition.Step1), Return("U00001", (MaturityDomain.IntegratingCare, MaturityPosition.Step3))],
            ["U00001", "U00002", "U00009"]);

        Assert.Equal(["U00001", "U00002", "U00009"], grid.PcnCodes);
        var integrating = grid.Rows.Single(r => r.Domain == MaturityDomain.IntegratingCare);
        Assert.Equal([MaturityPosition.Step3, MaturityPosition.Step1, null], integrating.Cells);
        var leadership = grid.Rows[0];
        Assert.Equal(MaturityDomain.LeadershipPlanningAndPartnerships, leadership.Domain);
        Assert.Equal([null, MaturityPosition.Step1, null], leadership.Cells);
    }

    [Theory]
    [InlineData(MaturityPosition.Foundation, MaturityPosition.Step1, MaturityMovement.Improved)]
    [InlineData(MaturityPosition.Foundation, MaturityPosition.FoundationToStep1, MaturityMovement.Improved)]
    [InlineData(MaturityPosition.Step1To2, MaturityPosition.Step2, MaturityMovement.Improved)]
    [InlineData(MaturityPosition.PreFoundation, MaturityPosition.Foundation, MaturityMovement.Improved)]
    [InlineData(MaturityPosition.Step1To2, MaturityPosition.Step1To2, MaturityMovement.Same)]
    [InlineData(MaturityPosition.Step2, MaturityPosition.Step1To2, MaturityMovement.Lower)]
    [InlineData(MaturityPosition.Step3, MaturityPosition.PreFoundation, MaturityMovement.Lower)]
    [InlineData(MaturityPosition.NotAssessed, MaturityPosition.Step1, MaturityMovement.NotComparable)]
    [InlineData(MaturityPosition.Step1, MaturityPosition.NotAssessed, MaturityMovement.NotComparable)]
    [InlineData(null, MaturityPosition.Step1, MaturityMovement.NotComparable)]
    [InlineData(MaturityPosition.Step1, null, MaturityMovement.NotComparable)]
    public void Compare_UsesOrdinal(MaturityPosition? earlier, MaturityPosition? later, MaturityMovement expected)
    {
        Assert.Equal(expected, MaturitySummary.Compare(earlier, later));
    }

    [Fact]
    public void Movements_PerPcnAndDomain_WithChangeAndDomainTotals()
    {
        var y2019 = new[] { AllDomains("U00001", MaturityPosition.Foundation), AllDomains("U00002", MaturityPosition.Step2) };
        var y2021 = new[]
        {
            Return("U00001",
                (MaturityDomain.LeadershipPlanningAndPartnerships, MaturityPosition.Step1To2),
                (MaturityDomain.DataAndPopulationHealthManagement, MaturityPosition.Foundation),
                (MaturityDomain.IntegratingCare, MaturityPosition.NotAssessed),
                (MaturityDomain.ManagingResources, MaturityPosition.PreFoundation)),
            AllDomains("U00003", MaturityPosition.Step1),
        };

        var movements = MaturitySummary.Movements(y2019, y2021);

        Assert.Equal(15, movements.Count); // 3 PCNs × 5 domains
        var lead = movements.Single(m => m.PcnCode == "U00001" && m.Domain == MaturityDomain.LeadershipPlanningAndPartnerships);
        Assert.Equal(MaturityMovement.Improved, lead.Movement);
        Assert.Equal(1.5m, lead.Change);
        var res = movements.Single(m => m.PcnCode == "U00001" && m.Domain == MaturityDomain.ManagingResources);
        Assert.Equal(MaturityMovement.Lower, res.Movement);
        Assert.Equal(-1m, res.Change);
        var ppc = movements.Single(m => m.PcnCode == "U00001" && m.Domain == MaturityDomain.WorkingWithPeopleAndCommunities);
        Assert.Equal(MaturityMovement.NotComparable, ppc.Movement);
        Assert.Null(ppc.Later);
        Assert.Null(ppc.Change);

        var byDomain = MaturitySummary.MovementByDomain(movements);
        var leadTotals = byDomain.Single(d => d.Domain == MaturityDomain.LeadershipPlanningAndPartnerships);
        Assert.Equal((1, 0, 0, 2), (leadTotals.Improved, leadTotals.Same, leadTotals.Lower, leadTotals.NotComparable));
        var dataTotals = byDomain.Single(d => d.Domain == MaturityDomain.DataAndPopulationHealthManagement);
        Assert.Equal((0, 1, 0, 2), (dataTotals.Improved, dataTotals.Same, dataTotals.Lower, dataTotals.NotComparable));
        var intTotals = byDomain.Single(d => d.Domain == MaturityDomain.IntegratingCare);
        Assert.Equal(3, intTotals.NotComparable);
    }
}

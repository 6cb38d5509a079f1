using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.Tests.Maturity;

public class MaturityDomainTests
{
    [Theory]
    [InlineData(MaturityDomain.LeadershipPlanningAndPartnerships, "LPP", "Leadership, planning and partnerships")]
    [InlineData(MaturityDomain.DataAndPopulationHealthManagement, "PHM", "Use of data and population health management")]
    [InlineData(MaturityDomain.IntegratingCare, "INT", "Integrating care")]
    [InlineData(MaturityDomain.ManagingResources, "RES", "Managing resources")]
    [InlineData(MaturityDomain.WorkingWithPeopleAndCommunities, "PPC", "Working in partnership with people and communities")]
    public void CodeAndDisplayName_AreStable(MaturityDomain domain, string code, string name)
    {
        Assert.Equal(code, domain.Code());
        Assert.Equal(name, domain.DisplayName());
        Assert.True(MaturityDomains.TryParseCode(code.ToLowerInvariant(), out var parsed));
        Assert.Equal(domain, parsed);
    }

    [Theory]
    [InlineData("Leadership, Planning and Partnerships", MaturityDomain.LeadershipPlanningAndPartnerships)]
    [InlineData("Use of data and population", MaturityDomain.DataAndPopulationHealthManagement)]
    [InlineData("Use of Data and Population Health Management (PHM)", MaturityDomain.DataAndPopulationHealthManagement)]
    [InlineData("Integrating Care", MaturityDomain.IntegratingCare)]
    [InlineData("Managing resources", MaturityDomain.ManagingResources)]
    [InlineData("Working with people and communities", MaturityDomain.WorkingWithPeopleAndCommunities)]
    [InlineData("Working in partnership with people and communities", MaturityDomain.WorkingWithPeopleAndCommunities)]
    [InlineData("int", MaturityDomain.IntegratingCare)]
    public void TryParseName_RowLabelsFromReturns(string text, MaturityDomain expected)
    {
        Assert.True(MaturityDomains.TryParseName(text, out var domain));
        Assert.Equal(expected, domain);
    }

    [Theory]
    [InlineData("Workforce")]
    [InlineData("")]
    public void TryParseName_Unknown_Refuses(string text) => Assert.False(MaturityDomains.TryParseName(text, out _));

    [Fact]
    public void DefaultMatrix_HasEveryCellWithBothDescriptors()
    {
        var matrix = MaturityMatrix.Default;
        Assert.Equal("NHS England PCN maturity matrix 2019", matrix.Name);
        Assert.Empty(matrix.MissingCells());
        Assert.Equal(20, matrix.Descriptors.Count);
        Assert.All(matrix.Descriptors, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.ForPcns));
            Assert.False(string.IsNullOrWhiteSpace(d.ForSystems));
            Assert.True(d.ForPcns.Length <= 300, $"{d.Domain} {d.Step} PCN descriptor should stay short");
        });
    }

    [Fact]
    public void MissingCells_ListsGaps()
    {
        var partial = MaturityMatrix.Default with { Descriptors = [.. MaturityMatrix.Default.Descriptors.Skip(1)] };
        Assert.Equal([(MaturityDomain.LeadershipPlanningAndPartnerships, MaturityStep.Foundation)], partial.MissingCells());
    }
}

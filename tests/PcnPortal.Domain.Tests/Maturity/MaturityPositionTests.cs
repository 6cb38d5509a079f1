using PcnPortal.Domain.Maturity;

namespace PcnPortal.Domain.Tests.Maturity;

public class MaturityPositionTests
{
    [Theory]
    [InlineData("Step 1/2", MaturityPosition.Step1To2)]
    [InlineData("Step 1-2", MaturityPosition.Step1To2)]
    [InlineData("Step 1 to 2", MaturityPosition.Step1To2)]
    [InlineData("Step 1/Step 2", MaturityPosition.Step1To2)]
    [InlineData("Step 2/3", MaturityPosition.Step2To3)]
    [InlineData("Foundation/Step 1", MaturityPosition.FoundationToStep1)]
    [InlineData("Foundation/ Step 1", MaturityPosition.FoundationToStep1)]
    [InlineData("Foundation / Step 1", MaturityPosition.FoundationToStep1)]
    [InlineData("Foundation - Step 1", MaturityPosition.FoundationToStep1)]
    [InlineData("Pre-foundation", MaturityPosition.PreFoundation)]
    [InlineData("Pre-Foundation", MaturityPosition.PreFoundation)]
    [InlineData("pre foundation stage", MaturityPosition.PreFoundation)]
    [InlineData("Foundation", MaturityPosition.Foundation)]
    [InlineData("Foundation Step", MaturityPosition.Foundation)]
    [InlineData("  step   3 ", MaturityPosition.Step3)]
    [InlineData("Step 1", MaturityPosition.Step1)]
    [InlineData("No score", MaturityPosition.NotAssessed)]
    [InlineData("Not assessed", MaturityPosition.NotAssessed)]
    [InlineData("S1-S2", MaturityPosition.Step1To2)]
    [InlineData("f-s1", MaturityPosition.FoundationToStep1)]
    [InlineData("PRE", MaturityPosition.PreFoundation)]
    public void TryParse_RealReturnText_ReadsPosition(string text, MaturityPosition expected)
    {
        Assert.True(MaturityPositions.TryParse(text, out var position));
        Assert.Equal(expected, position);
    }

    [Theory]
    [InlineData("0.5")]
    [InlineData("2")]
    [InlineData("Step 1/3")]
    [InlineData("Step 2/1")]
    [InlineData("Step 4")]
    [InlineData("Foundation/2")]
    [InlineData("Advanced")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AmbiguousOrUnknown_Refuses(string? text)
    {
        Assert.False(MaturityPositions.TryParse(text, out _));
    }

    [Fact]
    public void Parse_Unknown_ThrowsWithHint()
    {
        var ex = Assert.Throws<FormatException>(() => MaturityPositions.Parse("0.5"));
        Assert.Contains("Step 1/2", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MaturityPosition.PreFoundation, "0")]
    [InlineData(MaturityPosition.Foundation, "1")]
    [InlineData(MaturityPosition.FoundationToStep1, "1.5")]
    [InlineData(MaturityPosition.Step1, "2")]
    [InlineData(MaturityPosition.Step1To2, "2.5")]
    [InlineData(MaturityPosition.Step2, "3")]
    [InlineData(MaturityPosition.Step2To3, "3.5")]
    [InlineData(MaturityPosition.Step3, "4")]
    public void Ordinal_InBetweenSitsHalfway(MaturityPosition position, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), position.Ordinal());
    }

    [Fact]
    public void Ordinal_NotAssessed_IsNull() => Assert.Null(MaturityPosition.NotAssessed.Ordinal());

    [Fact]
    public void Assessed_IsInAscendingOrdinalOrder()
    {
        var ordinals = MaturityPositions.Assessed.Select(p => p.Ordinal()!.Value).ToList();
        Assert.Equal(ordinals.Order(), ordinals);
    }

    [Fact]
    public void DisplayTextAndCode_RoundTripForEveryPosition()
    {
        foreach (var position in MaturityPositions.All)
        {
            Assert.Equal(position, MaturityPositions.Parse(position.DisplayText()));
            Assert.True(MaturityPositions.TryParseCode(position.Code(), out var fromCode));
            Assert.Equal(position, fromCode);
        }

        Assert.Equal(MaturityPositions.All.Count, MaturityPositions.All.Select(p => p.Code()).Distinct().Count());
    }

    [Theory]
    [InlineData(MaturityPosition.Step1To2, "Step 1/2", "S1-S2")]
    [InlineData(MaturityPosition.FoundationToStep1, "Foundation/Step 1", "F-S1")]
    [InlineData(MaturityPosition.NotAssessed, "Not assessed", "NA")]
    [InlineData(MaturityPosition.PreFoundation, "Pre-foundation", "PRE")]
    public void DisplayTextAndCode_AreStable(MaturityPosition position, string text, string code)
    {
        Assert.Equal(text, position.DisplayText());
        Assert.Equal(code, position.Code());
    }

    [Fact]
    public void DomainPosition_NotAssessedWithoutReason_IsIncomplete()
    {
        Assert.False(new DomainPosition(MaturityDomain.IntegratingCare, MaturityPosition.NotAssessed).IsComplete);
        Assert.False(new DomainPosition(MaturityDomain.IntegratingCare, MaturityPosition.NotAssessed, "   ").IsComplete);
        Assert.True(new DomainPosition(MaturityDomain.IntegratingCare, MaturityPosition.NotAssessed, "New PCN").IsComplete);
        Assert.True(new DomainPosition(MaturityDomain.IntegratingCare, MaturityPosition.Step1).IsComplete);
    }
}

using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Tests.Forms;

/// <summary>Money and decimal fields typed as text.</summary>
public sealed class FormValuesTests
{
    [Theory]
    [InlineData("720000", 720000)]
    [InlineData("720,000.00", 720000)]
    [InlineData("£26,400.50", 26400.50)]
    [InlineData(" £ 1250.5 ", 1250.50)]
    [InlineData("0", 0)]
    [InlineData("0.01", 0.01)]
    public void TryParseMoney_PoundsAndPence(string text, decimal expected)
    {
        Assert.True(FormValues.TryParseMoney(text, out var pounds));
        Assert.Equal(expected, pounds);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("lots")]
    [InlineData("-1")]
    [InlineData("1.005")]
    [InlineData("1e3")]
    [InlineData("12 000")]
    [InlineData("£")]
    public void TryParseMoney_NotMoney_IsRefused(string? text) => Assert.False(FormValues.TryParseMoney(text, out _));

    [Theory]
    [InlineData("0.66", 0.66)]
    [InlineData("£0.66", 0.66)]
    [InlineData("10%", 10)]
    [InlineData(" 1.7610 ", 1.761)]
    public void TryParseDecimal_RatesAndPercentages(string text, decimal expected)
    {
        Assert.True(FormValues.TryParseDecimal(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-0.5")]
    [InlineData("ten")]
    public void TryParseDecimal_NotANumber_IsRefused(string text) => Assert.False(FormValues.TryParseDecimal(text, out _));

    [Fact]
    public void Input_WritesTwoDecimals() => Assert.Equal("1250.50", FormValues.Input(1250.5m));
}

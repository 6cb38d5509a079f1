using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Tests.Infrastructure.Files;

public class NhsDateParserTests
{
    [Theory]
    [InlineData("20191001", "2019-10-01")]
    [InlineData("01JAN2021", "2021-01-01")]
    [InlineData("01Jan2022", "2022-01-01")]
    [InlineData("01jan2022", "2022-01-01")]
    [InlineData("01-Sep-20", "2020-09-01")]
    [InlineData("01-SEP-2020", "2020-09-01")]
    [InlineData("2026-04-01", "2026-04-01")]
    [InlineData(" 2026-04-01 ", "2026-04-01")]
    [InlineData("01/10/2019", "2019-10-01")]
    [InlineData("1 October 2019", "2019-10-01")]
    [InlineData("2019-10-01T00:00:00", "2019-10-01")]
    [InlineData("43739", "2019-10-01")]
    [InlineData("43739.0", "2019-10-01")]
    [InlineData("44197", "2021-01-01")]
    public void Parses(string text, string expected)
    {
        Assert.True(NhsDateParser.TryParse(text, out var date));
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("20190231")]
    [InlineData("20191301")]
    [InlineData("31FEB2021")]
    [InlineData("2021-02-29")]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("12")]
    [InlineData("-43739")]
    [InlineData("43739.5x")]
    [InlineData("22000101")]
    [InlineData("13/13/2020")]
    public void Rejects(string? text)
    {
        Assert.False(NhsDateParser.TryParse(text, out _));
    }

    [Fact]
    public void Parse_BadDate_ThrowsNamingText()
    {
        var ex = Assert.Throws<FormatException>(() => NhsDateParser.Parse("20190231"));
        Assert.Contains("20190231", ex.Message);
    }
}

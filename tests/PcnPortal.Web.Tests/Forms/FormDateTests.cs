using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Tests.Forms;

/// <summary>The one date parser: the NHS.UK date input's boxes to a date, or the NHS.UK message and the boxes it is about.</summary>
public sealed class FormDateTests
{
    [Theory]
    [InlineData("1", "4", "2024", "2024-04-01")]
    [InlineData("01", "04", "2024", "2024-04-01")]
    [InlineData(" 29 ", " 2 ", " 2024 ", "2024-02-29")]
    [InlineData("31", "12", "2025", "2025-12-31")]
    [InlineData("15", "March", "2024", "2024-03-15")]
    [InlineData("15", "mar", "2024", "2024-03-15")]
    public void Parse_RealDate_GivesTheDate(string day, string month, string year, string expected)
    {
        var result = FormDate.Parse(new DateParts { Day = day, Month = month, Year = year }, "the start date");

        Assert.True(result.IsValid);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
        Assert.Equal(DatePart.None, result.Wrong);
    }

    [Theory]
    [InlineData("", "", "", "Enter the start date", DatePart.All)]
    [InlineData(" ", null, "", "Enter the start date", DatePart.All)]
    [InlineData("1", "", "2024", "The start date must include a month", DatePart.Month)]
    [InlineData("", "4", "2024", "The start date must include a day", DatePart.Day)]
    [InlineData("1", "4", "", "The start date must include a year", DatePart.Year)]
    [InlineData("", "", "2024", "The start date must include a day and month", DatePart.Day | DatePart.Month)]
    [InlineData("1", "", "", "The start date must include a month and year", DatePart.Month | DatePart.Year)]
    [InlineData("", "4", "", "The start date must include a day and year", DatePart.Day | DatePart.Year)]
    [InlineData("31", "2", "2024", "The start date must be a real date", DatePart.Day)]
    [InlineData("29", "2", "2023", "The start date must be a real date", DatePart.Day)]
    [InlineData("32", "1", "2024", "The start date must be a real date", DatePart.Day)]
    [InlineData("1", "13", "2024", "The start date must be a real date", DatePart.Month)]
    [InlineData("0", "0", "2024", "The start date must be a real date", DatePart.Day | DatePart.Month)]
    [InlineData("a", "4", "2024", "The start date must be a real date", DatePart.Day)]
    [InlineData("-1", "4", "2024", "The start date must be a real date", DatePart.Day)]
    [InlineData("1", "4", "24", "Year must include 4 numbers", DatePart.Year)]
    [InlineData("1", "4", "20245", "Year must include 4 numbers", DatePart.Year)]
    [InlineData("1", "4", "0999", "The start date must be between 2000 and 2099", DatePart.Year)]
    [InlineData("1", "1", "0001", "The start date must be between 2000 and 2099", DatePart.Year)]
    [InlineData("1", "4", "1900", "The start date must be between 2000 and 2099", DatePart.Year)]
    [InlineData("31", "12", "9999", "The start date must be between 2000 and 2099", DatePart.Year)]
    [InlineData("1", "x", "24", "The start date must be a real date", DatePart.Month | DatePart.Year)]
    [InlineData("1", "4", "two", "The start date must be a real date", DatePart.Year)]
    public void Parse_BadInput_GivesTheNhsMessageAndTheWrongBoxes(string? day, string? month, string? year, string message, DatePart wrong)
    {
        var result = FormDate.Parse(new DateParts { Day = day, Month = month, Year = year }, "the start date");

        Assert.Null(result.Value);
        Assert.Equal(message, result.Error);
        Assert.Equal(wrong, result.Wrong);
    }

    [Fact]
    public void Parse_NotRequiredAndEmpty_IsValidWithNoDate()
    {
        var result = FormDate.Parse(new DateParts(), "the leaving date", required: false);

        Assert.True(result.IsValid);
        Assert.Null(result.Value);
        Assert.Null(FormDate.Parse(null, "the leaving date", required: false).Value);
        Assert.Equal("Enter the leaving date", FormDate.Parse(null, "the leaving date").Error);
    }

    [Theory]
    [InlineData("4", "2024", "2024-04-01", null)]
    [InlineData("12", "2025", "2025-12-01", null)]
    [InlineData("sep", "2024", "2024-09-01", null)]
    [InlineData("", "", null, "Enter the month claimed for")]
    [InlineData("", "2024", null, "The month claimed for must include a month")]
    [InlineData("4", "", null, "The month claimed for must include a year")]
    [InlineData("13", "2024", null, "The month claimed for must be a real date")]
    [InlineData("4", "24", null, "Year must include 4 numbers")]
    public void ParseMonth_IgnoresTheDayBox(string month, string year, string? expected, string? message)
    {
        var result = FormDate.ParseMonth(new DateParts { Day = "99", Month = month, Year = year }, "the month claimed for");

        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
        Assert.Equal(message, result.Error);
    }

    [Theory]
    [InlineData("2024-04-01", true)]
    [InlineData(" 2024-04-01 ", true)]
    [InlineData("2024-4-1", false)]
    [InlineData("01/04/2024", false)]
    [InlineData("2024-02-30", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("9999-12-31", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2099-12-31", true)]
    public void TryParseIso_OnlyTheIsoForm(string? text, bool ok) => Assert.Equal(ok, FormDate.TryParseIso(text, out _));

    [Theory]
    [InlineData("2024-04", true)]
    [InlineData("2024-4", false)]
    [InlineData("2024-13", false)]
    [InlineData("2024-04-01", false)]
    [InlineData("9999-12", false)]
    [InlineData("0001-01", false)]
    [InlineData("1900-04", false)]
    public void TryParseIsoMonth_OnlyYearAndMonth(string text, bool ok) => Assert.Equal(ok, FormDate.TryParseIsoMonth(text, out _));

    [Fact]
    public void DateParts_RoundTripADate()
    {
        var parts = DateParts.From(new DateOnly(2024, 3, 9));

        Assert.Equal(("9", "3", "2024"), (parts.Day, parts.Month, parts.Year));
        Assert.Equal(new DateOnly(2024, 3, 9), parts.Date);
        Assert.True(DateParts.From(null).IsEmpty);
        Assert.Equal(new DateOnly(2024, 3, 1), DateParts.FromMonth(new DateOnly(2024, 3, 9)).FirstOfMonth);
    }
}

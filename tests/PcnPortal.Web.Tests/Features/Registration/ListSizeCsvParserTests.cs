using System.Text;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Tests.Features.Registration;

public class ListSizeCsvParserTests
{
    private const string CcgHeader = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS";
    private const string SubIcbHeader = "PUBLICATION,EXTRACT_DATE,TYPE,SUB_ICB_LOCATION_CODE,ONS_SUB_ICB_LOCATION_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS";

    private static ListSizeParseResult Parse(string text) => ListSizeCsvParser.Parse(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData(CcgHeader, "01JAN2020", "2020-01-01")]
    [InlineData(CcgHeader, "01Jan2021", "2021-01-01")]
    [InlineData(SubIcbHeader, "2023-01-01", "2023-01-01")]
    [InlineData(SubIcbHeader, "01-JAN-2024", "2024-01-01")]
    public void NhsDigital_KeepsAllAllRowsAndReadsExtractDate(string header, string extract, string expected)
    {
        var text = $"""
            {header}
            GP_PRAC_PAT_LIST,{extract},GP,15C,E38000222,A81001,"TS18 1HU",ALL,ALL,4200
            GP_PRAC_PAT_LIST,{extract},GP,15C,E38000222,A81001,"TS18 1HU",MALE,ALL,2100
            GP_PRAC_PAT_LIST,{extract},GP,15C,E38000222,A81002,"TS18 2HU",ALL,ALL,"12,345"
            """;

        var result = Parse(text);

        Assert.False(result.IsRejected, string.Join("; ", result.Problems));
        Assert.Equal(ListSizeFileFormat.NhsDigital, result.Format);
        var asAt = DateOnly.ParseExact(expected, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(asAt, result.AsAt);
        Assert.Equal([new ListSizeRow(2, "A81001", asAt, 4200, null), new ListSizeRow(4, "A81002", asAt, 12345, null)], result.Rows);
    }

    [Fact]
    public void Portal_ReadsWeightedAndDates()
    {
        var result = Parse("\uFEFFpractice_code,as_at,registered,weighted\r\nA81001,2021-01-01,4200,4567.89\r\nA81002,2021-01-01,5000,\r\n");

        Assert.False(result.IsRejected, string.Join("; ", result.Problems));
        Assert.Equal(ListSizeFileFormat.Portal, result.Format);
        Assert.Equal(new DateOnly(2021, 1, 1), result.AsAt);
        Assert.Equal(4567.89m, result.Rows[0].Weighted);
        Assert.Null(result.Rows[1].Weighted);
    }

    [Theory]
    // row text (NHS Digital, CCG header), expected column, message fragment
    [InlineData("P,01JAN2020,GP,15C,E38,A81001,X,ALL,ALL,-5", "NUMBER_OF_PATIENTS", "'-5' is not a number of patients")]
    [InlineData("P,01JAN2020,GP,15C,E38,A81001,X,ALL,ALL,lots", "NUMBER_OF_PATIENTS", "'lots'")]
    [InlineData("P,01JAN2020,GP,15C,E38,A8100,X,ALL,ALL,10", "CODE", "'A8100' is not a GP practice ODS code")]
    [InlineData("P,31FEB2020,GP,15C,E38,A81001,X,ALL,ALL,10", "EXTRACT_DATE", "'31FEB2020' is not a valid date")]
    [InlineData("P,01JAN2021,GP,15C,E38,A81001,X,ALL,ALL,10", "EXTRACT_DATE", "differs from 2020-01-01 on row 2")]
    [InlineData("P,01JAN2020,GP,15C,E38,A81009,X,ALL,ALL,10", "CODE", "appears twice")]
    public void NhsDigital_BadRow_RejectsNamingRowAndColumn(string badRow, string column, string fragment)
    {
        var text = $"{CcgHeader}\nP,01JAN2020,GP,15C,E38,A81009,X,ALL,ALL,10\n{badRow}\n";

        var result = Parse(text);

        Assert.True(result.IsRejected);
        Assert.Empty(result.Rows);
        var problem = Assert.Single(result.Errors);
        Assert.Equal((null, 3, column), (problem.Sheet, problem.Row, problem.Column));
        Assert.Contains(fragment, problem.Message);
    }

    [Theory]
    [InlineData("practice_code,as_at,registered,weighted\nA81001,01/01/2021,10,10\n", "as_at")]
    [InlineData("practice_code,as_at,registered,weighted\nA81001,2021-01-01,10,-\n", "weighted")]
    [InlineData("practice_code,as_at,registered,weighted\nA81001,2021-01-01,1.5,10\n", "registered")]
    public void Portal_BadRow(string text, string column)
    {
        var result = Parse(text);

        Assert.True(result.IsRejected);
        Assert.Equal(column, Assert.Single(result.Errors).Column);
    }

    [Fact]
    public void MissingColumn_Rejected()
    {
        var result = Parse("PUBLICATION,EXTRACT_DATE,TYPE,CODE,SEX,AGE\nP,01JAN2020,GP,A81001,ALL,ALL\n");

        Assert.True(result.IsRejected);
        Assert.Equal("NUMBER_OF_PATIENTS", Assert.Single(result.Errors).Column);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("  \n\n")]
    public void EmptyFile_Rejected(string text)
    {
        var result = Parse(text);

        Assert.True(result.IsRejected);
        Assert.Contains("empty", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void UnknownHeader_Rejected()
    {
        Assert.True(Parse("a,b,c\n1,2,3\n").IsRejected);
    }

    [Fact]
    public void InvalidUtf8_ClearError()
    {
        var bytes = Encoding.Latin1.GetBytes($"{CcgHeader}\nP,01JAN2020,GP,15C,E38,A81001,\"CAFÉ\",ALL,ALL,10\n");

        var result = ListSizeCsvParser.Parse(bytes);

        Assert.True(result.IsRejected);
        Assert.Contains("not UTF-8", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void UnclosedQuote_ClearError()
    {
        var result = Parse($"{CcgHeader}\nP,01JAN2020,GP,15C,E38,A81001,\"TS18,ALL,ALL,10\n");

        Assert.True(result.IsRejected);
        Assert.Contains("not valid CSV", Assert.Single(result.Errors).Message);
    }
}

using System.Text;
using PcnPortal.TestSupport.Generation;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Tests.Features.Registration;

public class EpcnWorkbookParserTests
{
    private static readonly object?[] PcnHeader = ["PCN Code", "PCN Name", "Current CCG Code", "CCG Name", "Open Date", "Close Date"];
    private static readonly object?[] PartnerHeader = ["Partner Organisation Code", "Partner Name", "Practice Parent CCG Code", "PCN Code", "PCN Name", "Practice to PCN Relationship Start Date", "Practice to PCN Relationship End Date", "Cross Boundary"];

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Vintage2019_ReadsRowsAndSkipsUnallocated()
    {
        var result = EpcnWorkbookParser.Parse(XlsxFixtureWriter.Vintage2019());

        Assert.False(result.IsRejected, string.Join("; ", result.Problems));
        Assert.Equal(["U12345", "U23456"], result.Pcns.Select(p => p.Code));
        var phoenix = result.Pcns[1];
        Assert.Equal("PHOENIX PCN", phoenix.Name);
        Assert.Equal("15C", phoenix.CommissionerCode);
        Assert.Equal(D(2019, 7, 1), phoenix.OpenDate);
        Assert.Equal(D(2021, 3, 31), phoenix.CloseDate);
        Assert.Equal(3, phoenix.Row);
        Assert.Equal(1, result.UnallocatedPcnRowsSkipped);
        Assert.Equal(1, result.UnallocatedMembershipRowsSkipped);
        Assert.Equal(2, result.Memberships.Count);
        Assert.Equal(new EpcnMembershipRow(3, "U23456", "L81002", "BISHOPSTON SURGERY", "15C", D(2019, 7, 1), D(2021, 3, 31), true), result.Memberships[1]);
        Assert.False(result.Memberships[0].CrossBoundary);
    }

    [Fact]
    public void Vintage2021_LineBreaksInHeadersAndMixedDates()
    {
        var result = EpcnWorkbookParser.Parse(XlsxFixtureWriter.Vintage2021());

        Assert.False(result.IsRejected, string.Join("; ", result.Problems));
        Assert.Equal(D(2020, 9, 1), result.Pcns.Single(p => p.Code == "U34567").OpenDate);
        Assert.Equal("NHS BSW CCG", result.Pcns.Single(p => p.Code == "U34567").CommissionerName);
        Assert.Equal([D(2021, 1, 1), D(2022, 1, 1)], result.Memberships.Select(m => m.Start));
        // "Practice CCG and PCN CCG Match?" is the opposite of cross-boundary.
        Assert.Equal([false, true], result.Memberships.Select(m => m.CrossBoundary));
    }

    [Fact]
    public void Vintage2023_SubIcbColumnsFiveCharacterCodesAndSerialDates()
    {
        var result = EpcnWorkbookParser.Parse(XlsxFixtureWriter.Vintage2023());

        Assert.False(result.IsRejected, string.Join("; ", result.Problems));
        var solent = result.Pcns.Single(p => p.Code == "U45678");
        Assert.Equal("10R00", solent.CommissionerCode);
        Assert.Equal(D(2019, 7, 1), solent.OpenDate);
        Assert.Equal(D(2026, 4, 1), solent.CloseDate);
        Assert.Equal(["84H", "10R00"], result.Memberships.Select(m => m.PracticeCommissionerCode));
        Assert.Equal(D(2019, 7, 1), result.Memberships[1].Start);
    }

    [Fact]
    public void MissingPartnerSheet_Rejected()
    {
        var stream = XlsxFixtureWriter.Workbook(XlsxFixtureWriter.Sheet("PCNDetails", PcnHeader, ["U12345", "X PCN", "00J", "N", 20190701, null]));

        var result = EpcnWorkbookParser.Parse(stream);

        Assert.True(result.IsRejected);
        Assert.Empty(result.Pcns);
        Assert.Contains(result.Errors, p => p.Message.Contains("PCN Core Partner Details", StringComparison.Ordinal) && p.Message.Contains("'PCNDetails'", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongSheets_Rejected()
    {
        var stream = XlsxFixtureWriter.Workbook(XlsxFixtureWriter.Sheet("Sheet1", ["A", "B"], ["1", "2"]));

        var result = EpcnWorkbookParser.Parse(stream);

        Assert.True(result.IsRejected);
        Assert.Equal(2, result.Errors.Count());
    }

    [Fact]
    public void MissingColumn_ReportsSheetRowAndColumn()
    {
        var stream = XlsxFixtureWriter.Workbook(
            XlsxFixtureWriter.Sheet("PCNDetails", ["PCN Code", "PCN Name", "Open Date", "Close Date"], ["U12345", "X PCN", 20190701, null]),
            XlsxFixtureWriter.Sheet("PCN Core Partner Details", ["Partner Organisation Code", "PCN Code", "Practice to PCN Relationship End Date"], ["A81001", "U12345", null]));

        var result = EpcnWorkbookParser.Parse(stream);

        Assert.True(result.IsRejected);
        var problem = Assert.Single(result.Errors);
        Assert.Equal(("PCN Core Partner Details", 1, "Practice to PCN Relationship Start Date"), (problem.Sheet, problem.Row, problem.Column));
    }

    [Theory]
    // PCN code, practice code, start date, end date, expected column, expected message fragment
    [InlineData("U1234", "A81001", "20190701", null, "PCN Code", "'U1234' is not a PCN ODS code")]
    [InlineData("U12345", "A8100", "20190701", null, "Partner Organisation Code", "'A8100' is not a GP practice ODS code")]
    [InlineData("U12345", "A81001", "20190231", null, "Practice to PCN Relationship Start Date", "'20190231' is not a valid date")]
    [InlineData("U12345", "A81001", null, null, "Practice to PCN Relationship Start Date", "blank")]
    [InlineData("U12345", "A81001", "20210401", "20210331", "Practice to PCN Relationship End Date", "before its start date")]
    public void BadMembershipRow_RejectsFileNamingRowAndColumn(string pcn, string practice, string? start, string? end, string column, string fragment)
    {
        var stream = XlsxFixtureWriter.Workbook(
            XlsxFixtureWriter.Sheet("PCNDetails", PcnHeader, ["U12345", "X PCN", "00J", "N", 20190701, null]),
            XlsxFixtureWriter.Sheet("PCN Core Partner Details", PartnerHeader,
                ["A81002", "GOOD", "00J", "U12345", "X PCN", 20190701, null, 0],
                [practice, "BAD", "00J", pcn, "X PCN", start, end, 0]));

        var result = EpcnWorkbookParser.Parse(stream);

        Assert.True(result.IsRejected);
        Assert.Empty(result.Memberships);
        var problem = Assert.Single(result.Errors);
        Assert.Equal("PCN Core Partner Details", problem.Sheet);
        Assert.Equal(3, problem.Row);
        Assert.Equal(column, problem.Column);
        Assert.Contains(fragment, problem.Message);
    }

    [Fact]
    public void BadPcnRow_ImpossibleOpenDateAndDuplicate()
    {
        var stream = XlsxFixtureWriter.Vintage2019(pcnRows:
        [
            ["U12345", "DURHAM DALES (1) PCN", "00J", "N", 20190230, null],
            ["U12345", "DUPLICATE PCN", "00J", "N", 20190701, null],
        ]);

        var result = EpcnWorkbookParser.Parse(stream);

        Assert.True(result.IsRejected);
        Assert.Contains(result.Errors, p => p.Row == 2 && p.Column == "Open Date" && p.Message.Contains("20190230", StringComparison.Ordinal));
        Assert.Contains(result.Errors, p => p.Row == 3 && p.Column == "PCN Code" && p.Message.Contains("twice", StringComparison.Ordinal));
    }

    [Fact]
    public void MembershipOfUnknownPcn_IsWarning()
    {
        var stream = XlsxFixtureWriter.Vintage2019(partnerRows: [["A83001", "S", "00J", "U99999", "GONE PCN", 20190701, null, 0]]);

        var result = EpcnWorkbookParser.Parse(stream);

        Assert.False(result.IsRejected);
        Assert.Contains(result.Warnings, p => p.Message.Contains("U99999", StringComparison.Ordinal));
    }

    [Fact]
    public void NotAnXlsx_CleanError()
    {
        var result = EpcnWorkbookParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes("PCN Code,PCN Name\nU12345,X PCN\n")));

        Assert.True(result.IsRejected);
        Assert.Contains("not an Excel workbook", Assert.Single(result.Errors).Message);
    }

    [Fact]
    public void TruncatedXlsx_CleanError()
    {
        var bytes = XlsxFixtureWriter.Vintage2019().ToArray();

        var result = EpcnWorkbookParser.Parse(new MemoryStream(bytes[..(bytes.Length / 2)]));

        Assert.True(result.IsRejected);
        Assert.Single(result.Errors);
    }

    [Fact]
    public void EmptyStream_CleanError()
    {
        var result = EpcnWorkbookParser.Parse(new MemoryStream());

        Assert.True(result.IsRejected);
    }
}

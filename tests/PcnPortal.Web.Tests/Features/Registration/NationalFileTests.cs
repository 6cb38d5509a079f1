using PcnPortal.TestSupport.Generation;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Tests.Features.Registration;

public class NationalFileTests
{
    [Fact]
    public void NationalSizeFiles_ParseWithExpectedCounts()
    {
        var options = new NationalFileOptions();
        var workbook = NationalFileGenerator.CreateEpcnWorkbook(options);
        var csv = NationalFileGenerator.CreateListSizeCsv(options);

        var epcn = EpcnWorkbookParser.Parse(new MemoryStream(workbook));
        var sizes = ListSizeCsvParser.Parse(csv);

        Assert.False(epcn.IsRejected, string.Join("; ", epcn.Problems.Take(5)));
        Assert.Equal(1_300, epcn.Pcns.Count);
        Assert.Equal(1, epcn.UnallocatedPcnRowsSkipped);
        Assert.Equal(5, epcn.UnallocatedMembershipRowsSkipped);
        Assert.InRange(epcn.Memberships.Count, 7_000, 8_000);
        Assert.Equal(6_700, epcn.Memberships.Select(m => m.PracticeCode).Distinct().Count());
        Assert.Empty(PcnPortal.Domain.Registration.PracticeMultiplePcnsRule.FindOverlaps(epcn.Memberships.Select(m => m.ToMembership())));

        Assert.False(sizes.IsRejected, string.Join("; ", sizes.Problems.Take(5)));
        Assert.Equal(6_700, sizes.Rows.Count);
        Assert.Equal(new DateOnly(2023, 1, 1), sizes.AsAt);
    }

    [Fact]
    public void Generator_IsDeterministic()
    {
        var options = new NationalFileOptions { PcnCount = 20, PracticeCount = 100 };

        Assert.Equal(NationalFileGenerator.CreateListSizeCsv(options), NationalFileGenerator.CreateListSizeCsv(options));
        var a = EpcnWorkbookParser.Parse(new MemoryStream(NationalFileGenerator.CreateEpcnWorkbook(options)));
        var b = EpcnWorkbookParser.Parse(new MemoryStream(NationalFileGenerator.CreateEpcnWorkbook(options)));
        Assert.Equal(a.Memberships, b.Memberships);
    }
}

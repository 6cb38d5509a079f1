using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Papers;

/// <summary>
/// The DES funding envelope takes its population as the ARR Sum does (issue 13 "Populations for a year", issue 14 rule 2):
/// practices in the PCN during the year, list sizes as at 1 January before it, older ones warned with their date, and a PCN
/// with no usable population left out by name with what to load.
/// </summary>
public sealed class DesFundingPopulationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task DesFunding_OlderListSizesWarnedWithTheirDate_NoneHeldNamedWithWhatToLoad()
    {
        var older = await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var none = await factory.Data.CreatePcnAsync(practiceListSizes: [12_000]);
        await factory.WithDbAsync(async db =>
        {
            db.PracticeListSizes.RemoveRange(db.PracticeListSizes.Where(l => l.Practice!.Memberships.Any(m => m.PcnId == older.Id) && l.AsAt > new DateOnly(2025, 1, 1)));
            db.PracticeListSizes.RemoveRange(db.PracticeListSizes.Where(l => l.Practice!.Memberships.Any(m => m.PcnId == none.Id)));
            if (!await db.DesFundingRates.AnyAsync(r => r.YearStart == 2026))
            {
                db.DesFundingRates.Add(new DesFundingRate { YearStart = 2026, Component = "Core PCN funding", Basis = FundingBasis.Registered, RatePerPatient = 1.50m, SortOrder = 1 });
            }

            await db.SaveChangesAsync();
        });
        using var scope = factory.Services.CreateScope();
        var section = scope.ServiceProvider.GetRequiredService<PaperDataSections>().Find("des-funding")!;

        var snapshot = await section.BuildAsync(new DateOnly(2026, 11, 1), new PaperSectionOptions(ShowDetail: true, AllEngland: false), CancellationToken.None);

        var text = string.Join("\n", snapshot.Blocks.Select(b => b.Text ?? ""));
        Assert.Contains($"({older.Code}): Practice ", text, StringComparison.Ordinal);
        Assert.Contains("the latest earlier one, as at 1 Jan 2025, is used", text, StringComparison.Ordinal);
        Assert.Contains($"Not included, no usable population held", text, StringComparison.Ordinal);
        Assert.Contains($"({none.Code}): No usable population for {none.Code} in 2026/27", text, StringComparison.Ordinal);
        Assert.Contains("import-list-sizes", text, StringComparison.Ordinal);
        var byPcn = snapshot.Blocks.Where(b => b.Table is not null).Last().Table!;
        var olderRow = byPcn.Rows.Single(r => r[0].Text.Contains(older.Code, StringComparison.Ordinal));
        Assert.Equal("£22,660.00", olderRow[1].Text); // 10,000 registered (as at 1 January 2025) × £2.266 core PCN funding (2025/26 rate carried forward)
        Assert.DoesNotContain(byPcn.Rows, r => r[0].Text.Contains(none.Code, StringComparison.Ordinal));
    }
}

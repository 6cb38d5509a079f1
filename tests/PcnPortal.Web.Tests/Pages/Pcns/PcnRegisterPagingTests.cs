using System.Globalization;
using AngleSharp.Dom;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Pcns;

/// <summary>The register pages at 50 rows: 55 PCNs in a locality of their own, named so that name order is known.</summary>
public sealed class PcnRegisterPagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int PcnCount = 55;

    private static readonly SemaphoreSlim Gate = new(1, 1);

    private static (int Locality, List<Pcn> Pcns)? _created;

    /// <summary>The 55 PCNs (sorted by name), made once for the class; the last one closed on 31 March 2024.</summary>
    private async Task<(int Locality, List<Pcn> Pcns)> PcnsAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_created is { } created)
            {
                return created;
            }

            var prefix = $"Paging {TestData.Next()}";
            var pcns = new List<Pcn>();
            for (var i = 1; i <= PcnCount; i++)
            {
                // Population 20,000: below the DES range, so every one has the PCN-POPULATION-RANGE warning.
                pcns.Add(await factory.Data.CreatePcnAsync(name: $"{prefix} {i:00} PCN", ccgCode: "15C", practiceListSizes: [20_000]));
            }

            await factory.WithDbAsync(async db =>
            {
                var last = await db.Pcns.FindAsync(pcns[^1].Id);
                last!.CloseDate = new DateOnly(2024, 3, 31);
                await db.SaveChangesAsync();
            });
            _created = (await factory.Data.CreateLocalityAsync([.. pcns]), pcns);
            return _created.Value;
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<HttpClient> ContractsAsync() => factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

    private static List<string> Codes(IDocument document) => [.. document.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent)];

    private static string Summary(IDocument document) =>
        document.QuerySelectorAll("main p").Select(p => p.TextContent).First(t => t.Contains(" as at ", StringComparison.Ordinal) && t.Contains("Populations", StringComparison.Ordinal));

    [Fact]
    public async Task AllEngland_FirstPage_Shows50RowsAndLinksToPage2()
    {
        var (locality, pcns) = await PcnsAsync();
        var client = await ContractsAsync();

        var document = await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}");

        Assert.Equal(pcns.Take(50).Select(p => p.Code), Codes(document));
        Assert.Contains("Showing 1 to 50 of 55 PCNs", Summary(document), StringComparison.Ordinal);
        var nav = document.QuerySelector("nav.nhsuk-pagination")!;
        Assert.Equal("1", nav.QuerySelector("[aria-current=page]")!.TextContent.Trim());
        Assert.Null(nav.QuerySelector(".nhsuk-pagination__previous"));
        Assert.Contains("pageNumber=2", nav.QuerySelector(".nhsuk-pagination__next")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllEngland_Page2_ShowsTheRowsAfterThe50th()
    {
        var (locality, pcns) = await PcnsAsync();
        var client = await ContractsAsync();

        var document = await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}&pageNumber=2");

        Assert.Equal(pcns.Skip(50).Select(p => p.Code), Codes(document));
        Assert.Contains("Showing 51 to 55 of 55 PCNs", Summary(document), StringComparison.Ordinal);
        var nav = document.QuerySelector("nav.nhsuk-pagination")!;
        Assert.Equal("2", nav.QuerySelector("[aria-current=page]")!.TextContent.Trim());
        Assert.Null(nav.QuerySelector(".nhsuk-pagination__next"));
        Assert.Contains("pageNumber=1", nav.QuerySelector(".nhsuk-pagination__previous")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("99", 2)]
    [InlineData("0", 1)]
    [InlineData("-3", 1)]
    public async Task OutOfRangePage_ShowsTheNearestPage(string pageNumber, int shown)
    {
        var (locality, pcns) = await PcnsAsync();
        var client = await ContractsAsync();

        var document = await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}&pageNumber={pageNumber}");

        Assert.Equal((shown == 1 ? pcns.Take(50) : pcns.Skip(50)).Select(p => p.Code), Codes(document));
        Assert.Equal(shown.ToString(CultureInfo.InvariantCulture), document.QuerySelector("nav.nhsuk-pagination [aria-current=page]")!.TextContent.Trim());
    }

    [Fact]
    public async Task PageLinks_CarryFiltersSortAndDate_AndFollowingThemKeepsThem()
    {
        var (locality, pcns) = await PcnsAsync();
        var client = await ContractsAsync();
        var url = $"/pcns?asAt=2025-06-01&Scope=all&Locality={locality}&Status=open&Sort=population-asc";

        var first = await client.GetDocumentAsync(url);
        var next = first.QuerySelector("nav.nhsuk-pagination .nhsuk-pagination__next")!.GetAttribute("href")!;
        foreach (var part in new[] { "asAt=2025-06-01", "Scope=all", $"Locality={locality}", "Status=open", "Sort=population-asc", "pageNumber=2" })
        {
            Assert.Contains(part, next, StringComparison.Ordinal);
        }

        // Open on 1 June 2025: 54 of the 55 (the last closed in March 2024). All have the same population, so name order breaks the tie.
        Assert.Contains("Showing 1 to 50 of 54 PCNs", Summary(first), StringComparison.Ordinal);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(pcns.Skip(50).Take(4).Select(p => p.Code), Codes(second));
        Assert.Contains("Showing 51 to 54 of 54 PCNs", Summary(second), StringComparison.Ordinal);
        Assert.Contains("1 June 2025", Summary(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RuleFilter_PagesTheRowsWithThatWarning()
    {
        var (locality, pcns) = await PcnsAsync();
        var client = await ContractsAsync();

        var second = await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}&Rule={RegistrationRuleCodes.PopulationRange}&pageNumber=2");

        Assert.Equal(pcns.Skip(50).Select(p => p.Code), Codes(second));
        Assert.Contains($"Rule={RegistrationRuleCodes.PopulationRange}", second.QuerySelector("nav.nhsuk-pagination .nhsuk-pagination__previous")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_HasEveryRow_NotOnePage()
    {
        var (locality, pcns) = await PcnsAsync();
        var client = await ContractsAsync();

        var csv = await client.GetStringAsync($"/pcns?Scope=all&Locality={locality}&handler=csv");

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(PcnCount + 1, lines.Length);
        Assert.All(pcns, p => Assert.Contains(lines, l => l.StartsWith(p.Code + ",", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task OwnCcg_FitsOnOnePage_NoPagination()
    {
        var (locality, _) = await PcnsAsync();
        var own = await factory.Data.CreatePcnAsync();
        var ownLocality = await factory.Data.CreateLocalityAsync(own);
        var client = await ContractsAsync();

        var document = await client.GetDocumentAsync($"/pcns?Locality={ownLocality}");

        Assert.Equal([own.Code], Codes(document));
        Assert.Null(document.QuerySelector("nav.nhsuk-pagination"));
        Assert.StartsWith("1 PCN as at", Summary(document).Trim(), StringComparison.Ordinal);
        Assert.Empty(Codes(await client.GetDocumentAsync($"/pcns?Locality={locality}"))); // 15C is not the configured CCG
    }
}

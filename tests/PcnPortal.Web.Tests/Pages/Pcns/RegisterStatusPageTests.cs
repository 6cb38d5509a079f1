using System.Net;
using System.Net.Http.Headers;
using PcnPortal.Domain.Registration;
using PcnPortal.TestSupport.Generation;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Pcns;

/// <summary>The register's status words and empty-result messages, in a database of its own (it starts with no national data).</summary>
public sealed class RegisterStatusPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ContractsAsync() => factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

    [Fact]
    public async Task AsAtBeforeThePcnOpened_NotYetOpen_WithoutWarnings()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var locality = await factory.Data.CreateLocalityAsync(pcn);
        var client = await ContractsAsync();

        var before = await client.GetDocumentAsync($"/pcns?asAt=2019-06-01&Locality={locality}");
        var row = before.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(pcn.Code, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td");
        Assert.Equal("Not yet open", cells[3].TextContent.Trim());
        Assert.Equal(string.Empty, cells[7].TextContent.Trim());

        var open = await client.GetDocumentAsync($"/pcns?asAt=2019-07-01&Locality={locality}");
        var openCells = open.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(pcn.Code, StringComparison.Ordinal)).QuerySelectorAll("td");
        Assert.Equal("Open", openCells[3].TextContent.Trim());
        Assert.Contains(RegistrationRuleCodes.NoClinicalDirector, openCells[7].TextContent, StringComparison.Ordinal);

        var notYet = await client.GetDocumentAsync($"/pcns?asAt=2019-06-01&Locality={locality}&Status=not-yet-open");
        Assert.Contains(pcn.Code, notYet.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        var details = await client.GetDocumentAsync($"/pcns/{pcn.Code}?asAt=2019-06-01");
        Assert.Contains("Not yet open", details.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedFilter_NoneClosed_SaysSo()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var locality = await factory.Data.CreateLocalityAsync(pcn);
        var client = await ContractsAsync();

        var page = await client.GetDocumentAsync($"/pcns?asAt=2019-06-01&Locality={locality}&Status=closed");

        Assert.Null(page.QuerySelector("table.nhsuk-table"));
        Assert.Equal("No PCN in 99Z had closed as at 1 June 2019. Clear the locality or rule filter to see more.", page.QuerySelector("#no-results")!.TextContent.Trim());
        // A PCN that has not opened yet is not "closed".
        var notYetOpen = await client.GetDocumentAsync($"/pcns?asAt=2019-06-01&Status=closed");
        Assert.DoesNotContain(pcn.Code, notYetOpen.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllEngland_BeforeNationalData_SaysSoAndLinksToImport_ThenNotAfterAnImport()
    {
        await factory.Data.CreatePcnAsync();
        var client = await ContractsAsync();

        var before = await client.GetDocumentAsync("/pcns?Scope=all");
        var message = before.QuerySelector("#no-national-data");
        Assert.NotNull(message);
        Assert.Contains("No national data has been imported", message!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/pcns/import", message.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null((await client.GetDocumentAsync("/pcns")).QuerySelector("#no-national-data"));

        string a = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var page = await client.GetDocumentAsync("/pcns/import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        var file = new ByteArrayContent(XlsxFixtureWriter.Vintage2019(
            [[a, "Alder & Vale", "00J", "NHS NORTH DURHAM CCG", 20190701, null]],
            [[pa, "ALDER SURGERY", "00J", a, "Alder & Vale", 20190701, null, 0]]).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", "ePCN.xlsx");
        var imported = await client.PostAsync("/pcns/import", form);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);

        // The summary counts the whole file (all England) and links to the all-England register filtered by each rule.
        var summary = await imported.ReadDocumentAsync();
        Assert.Contains("1 July 2019: the latest date the file records", summary.QuerySelector("#extract-date")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No registration rule warnings for PCNs in the portal's CCG.", summary.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var england = summary.QuerySelector("#warnings-england")!;
        var ampersand = england.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(RegistrationRuleCodes.NameAmpersand, StringComparison.Ordinal));
        Assert.Equal($"/pcns?asAt=2019-07-01&Scope=all&Rule={RegistrationRuleCodes.NameAmpersand}", ampersand.QuerySelector("a")!.GetAttribute("href"));
        var filtered = await client.GetDocumentAsync(ampersand.QuerySelector("a")!.GetAttribute("href")!);
        Assert.Contains(a, filtered.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        Assert.Null((await client.GetDocumentAsync("/pcns?Scope=all")).QuerySelector("#no-national-data"));
    }
}

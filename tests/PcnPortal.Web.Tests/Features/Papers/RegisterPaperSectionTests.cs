using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Features.Papers.Sections;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Papers;

public sealed class RegisterPaperSectionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<PaperSectionSnapshot> BuildAsync(bool allEngland)
    {
        using var scope = factory.Services.CreateScope();
        var section = scope.ServiceProvider.GetRequiredService<PaperDataSections>().Find("pcn-register");
        Assert.IsType<PcnRegisterSection>(section);
        return await section!.BuildAsync(new DateOnly(2026, 11, 1), new PaperSectionOptions(ShowDetail: false, AllEngland: allEngland), CancellationToken.None);
    }

    private static List<string> Cells(PaperSectionSnapshot snapshot, int column) =>
        [.. snapshot.Blocks.Single(b => b.Table is not null).Table!.Rows.Select(r => r[column].Text)];

    [Fact]
    public async Task ByDefault_ListsOnlyTheConfiguredCcgsPcns_AllEnglandListsEveryOneByCommissioner()
    {
        var ours = await factory.Data.CreatePcnAsync();
        var elsewhere = await factory.Data.CreatePcnAsync(ccgCode: "15C");

        var own = await BuildAsync(allEngland: false);
        Assert.Contains(Cells(own, 0), c => c.Contains(ours.Code, StringComparison.Ordinal));
        Assert.DoesNotContain(Cells(own, 0), c => c.Contains(elsewhere.Code, StringComparison.Ordinal));
        Assert.Equal("Locality", own.Blocks.Single(b => b.Table is not null).Table!.Columns[1].Header);
        Assert.Contains(own.Blocks, b => b.Text?.Contains("were open in CCG 99Z", StringComparison.Ordinal) == true);

        var national = await BuildAsync(allEngland: true);
        var table = national.Blocks.Single(b => b.Table is not null).Table!;
        Assert.StartsWith("PCNs in England", table.Caption, StringComparison.Ordinal);
        Assert.Equal("Commissioner", table.Columns[1].Header);
        var row = table.Rows.Single(r => r[0].Text.Contains(elsewhere.Code, StringComparison.Ordinal));
        Assert.Equal("15C", row[1].Text);
        Assert.Contains(Cells(national, 0), c => c.Contains(ours.Code, StringComparison.Ordinal));
        Assert.Contains(national.Blocks, b => b.Text?.Contains("were open in England", StringComparison.Ordinal) == true);

        // Grouped by commissioner: 15C before 99Z, and the total row last.
        var commissioners = Cells(national, 1).SkipLast(1).ToList();
        Assert.Equal(commissioners.Order(StringComparer.Ordinal), commissioners);
    }

    [Fact]
    public async Task DesFunding_CountsOnlyTheConfiguredCcgsPcns()
    {
        var ours = await factory.Data.CreatePcnAsync();
        var elsewhere = await factory.Data.CreatePcnAsync(ccgCode: "15C");
        await factory.WithDbAsync(async db =>
        {
            if (!await db.DesFundingRates.AnyAsync(r => r.YearStart == 2026))
            {
                db.DesFundingRates.Add(new DesFundingRate { YearStart = 2026, Component = "Core PCN funding", Basis = FundingBasis.Registered, RatePerPatient = 1.50m, SortOrder = 1 });
                await db.SaveChangesAsync();
            }
        });
        using var scope = factory.Services.CreateScope();
        var section = scope.ServiceProvider.GetRequiredService<PaperDataSections>().Find("des-funding")!;

        var snapshot = await section.BuildAsync(new DateOnly(2026, 11, 1), new PaperSectionOptions(ShowDetail: true, AllEngland: false), CancellationToken.None);

        var byPcn = snapshot.Blocks.Where(b => b.Table is not null).Last().Table!;
        Assert.Contains(byPcn.Rows, r => r[0].Text.Contains(ours.Code, StringComparison.Ordinal));
        Assert.DoesNotContain(byPcn.Rows, r => r[0].Text.Contains(elsewhere.Code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSection_AllEngland_IsSavedForTheRegisterOnly_AndShownOnThePaper()
    {
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var (_, paperId) = await factory.Data.CreatePaperAsync("National register appendix", purpose: PaperPurpose.Information, agendaNumber: "9");

        foreach (var key in new[] { "pcn-register", "des-funding" })
        {
            var response = await secretary.SubmitFormAsync($"/papers/{paperId}/sections/add", new Dictionary<string, string>
            {
                ["Input.Kind"] = "Data",
                ["Input.DataKey"] = key,
                ["Input.AsAt"] = "2026-11-01",
                ["Input.AllEngland"] = "true",
                ["Input.IsAppendix"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var saved = await factory.WithDbAsync(db => db.PaperSections.Where(s => s.PaperId == paperId).OrderBy(s => s.Position).Select(s => new { s.DataKey, s.AllEngland }).ToListAsync());
        Assert.Equal([("pcn-register", true), ("des-funding", false)], saved.Select(s => (s.DataKey, s.AllEngland)));
        var details = await secretary.GetDocumentAsync($"/papers/{paperId}");
        Assert.Contains("all England", details.Body!.TextContent, StringComparison.Ordinal);
    }
}

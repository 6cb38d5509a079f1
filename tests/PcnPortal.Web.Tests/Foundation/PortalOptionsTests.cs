using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Foundation;

/// <summary><c>Portal:CcgCodes</c> is bound and normalised once; every reader gets the same codes, never an empty list.</summary>
public sealed class PortalOptionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static PortalOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddPortalOptions();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return provider.GetRequiredService<PortalOptions>();
    }

    [Fact]
    public void A_missing_setting_means_the_default_CCG()
    {
        Assert.Equal(["99Z"], Bind([]).CcgCodes);
    }

    [Fact]
    public void A_setting_with_only_blank_codes_means_the_default_CCG()
    {
        Assert.Equal(["99Z"], Bind(new() { ["Portal:CcgCodes:0"] = "", ["Portal:CcgCodes:1"] = "   " }).CcgCodes);
    }

    [Fact]
    public void Codes_are_trimmed_upper_cased_and_listed_once_in_the_configured_order()
    {
        var options = Bind(new()
        {
            ["Portal:CcgCodes:0"] = " 15n ",
            ["Portal:CcgCodes:1"] = "",
            ["Portal:CcgCodes:2"] = "99z",
            ["Portal:CcgCodes:3"] = "15N",
        });

        Assert.Equal(["15N", "99Z"], options.CcgCodes);
    }

    [Fact]
    public void The_portal_reads_the_codes_from_appsettings()
    {
        var options = factory.Services.GetRequiredService<PortalOptions>();

        Assert.Equal(["99Z"], options.CcgCodes);
    }

    [Fact]
    public async Task With_the_setting_missing_an_OD_allocation_covers_only_the_default_CCGs_PCNs()
    {
        var ours = await factory.Data.CreatePcnAsync(ccgCode: "99Z", practiceListSizes: [12_000]);
        var theirs = await factory.Data.CreatePcnAsync(ccgCode: "15N", practiceListSizes: [30_000]);
        await using var scope = factory.Services.CreateAsyncScope();
        var allocations = ActivatorUtilities.CreateInstance<OdAllocationService>(scope.ServiceProvider, Bind([]));

        var populations = await allocations.PopulationsAsync(new DateOnly(2021, 10, 1), CancellationToken.None);

        var codes = populations.Select(p => p.Population.PcnCode).ToList();
        Assert.Contains(ours.Code, codes);
        Assert.DoesNotContain(theirs.Code, codes);
        Assert.Equal(12_000m, populations.Single(p => p.Population.PcnCode == ours.Code).Population.Registered);
    }
}

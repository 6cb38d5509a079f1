using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Arrs;

/// <summary>The published ARRS figures are added at start-up (ADR 0007); reading them never writes.</summary>
public sealed class ArrsReferenceSeedingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<(int Roles, int Rates, int Methods, int Limits)> CountAsync(PortalDbContext db) => (
        await db.ArrsRoles.CountAsync(), await db.ArrsRateEntries.CountAsync(), await db.ArrSumMethods.CountAsync(), await db.ArrsRoleLimits.CountAsync());

    [Fact]
    public async Task Start_up_adds_the_published_figures_and_a_second_run_adds_nothing()
    {
        var expected = (PublishedArrsSchedule.Roles().Count(), PublishedArrsSchedule.Rates().Count(), PublishedArrsSchedule.ArrSumMethods().Count(), PublishedArrsSchedule.RoleLimits().Count());
        _ = factory.Server;

        Assert.Equal(expected, await factory.WithDbAsync(CountAsync));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await ReferenceData.EnsureAsync(scope.ServiceProvider, db, CancellationToken.None);
        Assert.Equal(expected, await factory.WithDbAsync(CountAsync));
    }

    [Fact]
    public void The_ARRS_reference_data_is_seeded_by_a_start_up_seeder_and_the_read_service_has_no_write_path()
    {
        Assert.True(typeof(IReferenceDataSeeder).IsAssignableFrom(typeof(ArrsReferenceDataSeeder)));
        var methods = typeof(ArrsReferenceService).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly);
        Assert.Equal(["LoadAsync"], methods.Select(m => m.Name));
    }
}

/// <summary>On a database whose ARRS reference rows were removed, pages that read them add none back (a GET never writes).</summary>
public sealed class ArrsReferenceReadsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(PortalRoles.Administrator, "/admin/reference-data")]
    [InlineData(PortalRoles.CommissionerContracts, "/claims")]
    [InlineData(PortalRoles.CommissionerFinance, "/finance")]
    public async Task A_read_with_no_ARRS_reference_rows_writes_none(string role, string url)
    {
        await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(role));
        await factory.WithDbAsync(async db =>
        {
            await db.ArrsRoleLimits.ExecuteDeleteAsync();
            await db.ArrSumMethods.ExecuteDeleteAsync();
            await db.ArrsRateEntries.ExecuteDeleteAsync();
            await db.ArrsRoles.ExecuteDeleteAsync();
        });

        var response = await client.GetAsync(url);

        Assert.True(response.IsSuccessStatusCode, $"{url}: {response.StatusCode}");
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsRoles.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsRateEntries.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrSumMethods.CountAsync()));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsRoleLimits.CountAsync()));
    }
}

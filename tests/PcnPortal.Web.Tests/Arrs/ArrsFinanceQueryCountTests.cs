using System.Data.Common;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Arrs;

/// <summary>The finance page sums in SQL: the number of commands must not grow with the number of PCNs.</summary>
public sealed class ArrsFinanceQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private async Task AddPcnsWithClaimsAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var pcn = await factory.Data.CreatePcnAsync();
            await ArrsFinanceTests.ImportAsync(factory, pcn.Code,
                ArrsFinanceTests.Row(pcn.Code, "2020-05", "CP-" + pcn.Code), ArrsFinanceTests.Row(pcn.Code, "2020-06", "SP-" + pcn.Code, role: "SPLW", salary: "2000.00"));
        }
    }

    [Fact]
    public async Task Get_SameNumberOfSqlCommandsFor3And12Pcns()
    {
        var counter = new CommandCounter();
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter))));
        var user = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);
        var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, user.Id);
        await AddPcnsWithClaimsAsync(3);
        await client.GetDocumentAsync("/finance?year=2020/21"); // warm-up: reference data seeded, caches filled

        counter.Reset();
        var page3 = await client.GetDocumentAsync("/finance?year=2020/21");
        var with3 = counter.Count;
        await AddPcnsWithClaimsAsync(9);
        counter.Reset();
        var page12 = await client.GetDocumentAsync("/finance?year=2020/21");
        var with12 = counter.Count;

        Assert.True(page12.QuerySelectorAll("#entitlements tbody tr").Length >= page3.QuerySelectorAll("#entitlements tbody tr").Length + 9);
        Assert.True(with3 > 0);
        Assert.Equal(with3, with12);
    }
}

using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Admin.Audit;

/// <summary>/admin/audit: the audit trail an administrator reads.</summary>
public sealed class AuditPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AuditPage_FiltersByEntity()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        await factory.Data.CreatePcnAsync();

        var page = await factory.CreateClientFor(admin).GetDocumentAsync("/admin/audit?Entity=Pcn");

        var changes = page.QuerySelectorAll("main tbody tr").Select(r => r.Children[2].TextContent).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, c => Assert.Contains("Pcn", c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditPage_ShowsEachChangedFieldAndPagesWithoutErrors()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var pcn = await factory.Data.CreatePcnAsync(name: "Paged Audit PCN");
        var client = factory.CreateClientFor(admin);

        var first = await client.GetDocumentAsync($"/admin/audit?Entity=Pcn&Key={pcn.Id}");
        var second = await client.GetDocumentAsync("/admin/audit?pageNumber=2");

        Assert.Contains("Name: Paged Audit PCN", first.QuerySelector("main tbody")!.TextContent.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(first.ErrorSummary());
        Assert.Empty(second.ErrorSummary());
    }

    [Fact]
    public async Task AuditPage_BadDate_ShowsMessage()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);

        var page = await factory.CreateClientFor(admin).GetDocumentAsync("/admin/audit?From=31/02/2026");

        Assert.Contains("Enter the date as YYYY-MM-DD, for example 2026-04-01", page.ErrorSummary());
    }
}

using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Notifications;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.DemoData;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure.DemoData;

/// <summary>A factory whose database is seeded with the demo CCG, as `dotnet run` does in Development.</summary>
public sealed class DemoPortalFactory : PortalFactory
{
    public const string Password = "Demo-Test-Password-1";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["DemoData:Enabled"] = "true",
        ["DemoData:Password"] = Password,
    };
}

public sealed class DemoDataTests(DemoPortalFactory factory) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task DemoCcg_HasEighteenPcnsInThreeLocalitiesWithRealisticPopulations()
    {
        var (localities, pcns, practices, populations) = await factory.WithDbAsync(async db =>
        {
            var year = new DateOnly(2019, 1, 1);
            var sizes = await db.PcnMemberships
                .Select(m => new { m.Pcn!.Code, Size = m.Practice!.ListSizes.Where(l => l.AsAt == year).Select(l => l.Registered).First() })
                .ToListAsync();
            return (await db.Localities.CountAsync(), await db.Pcns.ToListAsync(), await db.Practices.CountAsync(),
                sizes.GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Sum(s => s.Size)));
        });

        Assert.Equal(3, localities);
        Assert.Equal(18, pcns.Count);
        Assert.InRange(practices, 60, 80);
        Assert.All(pcns, p => Assert.EndsWith(" PCN", p.Name, StringComparison.Ordinal));
        Assert.All(pcns, p => Assert.True(p.Name.Length <= 40, p.Name));
        Assert.All(populations.Values, total => Assert.InRange(total, 14_000, 110_000));
        Assert.Contains(populations.Values, total => total < 30_000);
        Assert.Contains(populations.Values, total => total > 50_000);
    }

    [Theory]
    [InlineData("admin@demo.pcnportal.test", PortalRoles.Administrator, null)]
    [InlineData("contracts@demo.pcnportal.test", PortalRoles.CommissionerContracts, null)]
    [InlineData("finance@demo.pcnportal.test", PortalRoles.CommissionerFinance, null)]
    [InlineData("secretary@demo.pcnportal.test", PortalRoles.CommitteeSecretary, null)]
    [InlineData("panel@demo.pcnportal.test", PortalRoles.PanelMember, null)]
    [InlineData("manager@demo.pcnportal.test", PortalRoles.PcnManager, DemoCcg.FirstPcnCode)]
    [InlineData("cd@demo.pcnportal.test", PortalRoles.ClinicalDirector, DemoCcg.FirstPcnCode)]
    [InlineData("manager2@demo.pcnportal.test", PortalRoles.PcnManager, DemoCcg.SecondPcnCode)]
    public async Task DemoUser_CanSignInWithTheDemoPassword(string email, string role, string? pcn)
    {
        var client = factory.CreateAnonymousClient();

        var response = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoPortalFactory.Password,
        });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(pcn, user.PcnCode);
        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync());
        Assert.Equal([role], roles);
    }

    [Fact]
    public async Task DemoSeed_IsAuditedAsTheSeed()
    {
        var actors = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(Pcn)).Select(a => a.Actor).Distinct().ToListAsync());

        Assert.Equal(["demo-seed"], actors);
    }

    [Fact]
    public async Task DemoSeed_WritesTheEmailsItsHistoryWouldHaveSent_WithoutStaffDetails_ShownToTheAdministrator()
    {
        var (messages, staffNames) = await factory.WithDbAsync(async db => (
            await db.NotificationMessages.AsNoTracking().ToListAsync(),
            await db.ArrsClaimLines.Select(l => l.StaffName).Distinct().ToListAsync()));

        var kinds = messages.Select(m => m.Kind).ToHashSet();
        Assert.Subset(kinds, new HashSet<NotificationKind>
        {
            NotificationKind.ClaimLineQueried, NotificationKind.ChangeRequestSubmitted, NotificationKind.EoiAwaitingPanel, NotificationKind.MaturityRoundOpened,
        });
        Assert.All(messages, m => Assert.StartsWith("https://portal.test/", m.Link, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain(staffNames, n => n.Length > 0 && (m.Body.Contains(n, StringComparison.Ordinal) || m.Subject.Contains(n, StringComparison.Ordinal))));

        var admin = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        var page = await admin.GetDocumentAsync("/admin/notifications");
        var queried = messages.First(m => m.Kind == NotificationKind.ClaimLineQueried);
        Assert.Contains(queried.Subject, page.Body!.TextContent, StringComparison.Ordinal);
    }
}

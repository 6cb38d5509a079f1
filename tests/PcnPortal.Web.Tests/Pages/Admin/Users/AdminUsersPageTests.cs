using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Admin.Users;

public sealed class AdminUsersPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Add_PcnManagerWithoutPcn_ShowsErrorAndSavesNothing()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var email = $"nopcn.{TestData.Next()}@test.pcnportal.test";

        var response = await factory.CreateClientFor(admin).SubmitFormAsync("/admin/users/add", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "No PCN",
            ["Input.Role"] = PortalRoles.PcnManager,
            ["Input.Password"] = "Good-Password-1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Select the PCN this person works for", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Add_WeakPassword_ShowsIdentityMessageAndSavesNothing()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var email = $"weak.{TestData.Next()}@test.pcnportal.test";

        var response = await factory.CreateClientFor(admin).SubmitFormAsync("/admin/users/add", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Weak Password",
            ["Input.Role"] = PortalRoles.CommissionerFinance,
            ["Input.Password"] = "alllowercase",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadDocumentAsync()).ErrorSummary());
        Assert.False(await factory.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Edit_DisablingAccount_StopsThePersonSigningIn()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var finance = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);

        var response = await factory.CreateClientFor(admin).SubmitFormAsync($"/admin/users/{finance.Id}", new Dictionary<string, string>
        {
            ["Input.IsDisabled"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(async db => (await db.Users.SingleAsync(u => u.Id == finance.Id)).IsDisabled));
        var signIn = await factory.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = finance.Email,
            ["Input.Password"] = TestData.Password,
        });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Fact]
    public async Task Edit_ChangingRole_ReplacesTheRole()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var person = await factory.Data.CreateUserAsync(PortalRoles.PanelMember);

        await factory.CreateClientFor(admin).SubmitFormAsync($"/admin/users/{person.Id}", new Dictionary<string, string>
        {
            ["Input.Role"] = PortalRoles.CommitteeSecretary,
        });

        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id select r.Name).ToListAsync());
        Assert.Equal([PortalRoles.CommitteeSecretary], roles);
    }
}

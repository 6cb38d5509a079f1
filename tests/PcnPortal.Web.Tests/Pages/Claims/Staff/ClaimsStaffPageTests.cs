using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims.Staff;

public sealed class ClaimsStaffPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Staff(string staffRef, string wte = "1", string start = "2020-04-01", string? end = null) => new()
    {
        ["Input.StaffRef"] = staffRef,
        ["Input.Name"] = "Sam Patel",
        ["Input.RoleCode"] = "CLINICAL_PHARMACIST",
        ["Input.Employer"] = "Test Payee Ltd",
        ["Input.Wte"] = wte,
        ["Input.StartDate"] = start,
        ["Input.EndDate"] = end ?? "",
        ["Input.Transferred"] = "true",
    };

    [Fact]
    public async Task AddStaff_ThenClaimAMonth_SubmitsOneAssessedLine()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var added = await client.SubmitFormAsync("/claims/staff/add", Staff("ESR-" + pcn.Code));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var member = await factory.WithDbAsync(db => db.ArrsStaff.SingleAsync(s => s.Pcn!.Code == pcn.Code));
        Assert.True(member.TransferredFromClinicalPharmacistScheme);
        Assert.Contains("Sam Patel", (await client.GetDocumentAsync("/claims/staff")).QuerySelector("#staff")!.TextContent, StringComparison.Ordinal);

        var claimed = await client.SubmitFormAsync($"/claims/staff/{member.Id}/claim", new Dictionary<string, string>
        {
            ["Input.Month"] = "2020-05",
            ["Input.Salary"] = "4000.00",
            ["Input.EmployerNi"] = "440.00",
            ["Input.EmployerPension"] = "575.20",
        });

        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.Include(l => l.Outcomes).SingleAsync(l => l.StaffMemberId == member.Id));
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        Assert.Equal(4639.17m, line.Reimbursable);
        Assert.True(line.TransferredFromClinicalPharmacistScheme);
        Assert.Equal($"/claims/lines/{line.Id}", claimed.Headers.Location!.OriginalString);

        // Next month's form is prefilled from this line.
        var form = await client.GetDocumentAsync($"/claims/staff/{member.Id}/claim");
        Assert.Equal("2020-06", form.QuerySelector("#Input_Month")!.GetAttribute("value"));
        Assert.Equal("575.20", form.QuerySelector("#Input_EmployerPension")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ClaimAMonth_BadInput_ShowsMessagesUnderFieldsAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var id = await factory.Data.CreateStaffMemberAsync(pcn, name: "Sam Patel", roleCode: "CLINICAL_PHARMACIST");

        var response = await client.SubmitFormAsync($"/claims/staff/{id}/claim", new Dictionary<string, string>
        {
            ["Input.Month"] = "2020-01",
            ["Input.Wte"] = "1.4",
            ["Input.Salary"] = "lots",
            ["Input.EmployerNi"] = "-1",
            ["Input.EmployerPension"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.NotNull(document.QuerySelector("#Input_Wte-error"));
        Assert.NotNull(document.QuerySelector("#Input_Salary-error"));
        Assert.NotNull(document.QuerySelector("#Input_EmployerNi-error"));
        Assert.NotNull(document.QuerySelector("#Input_Month-error"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.StaffMemberId == id)));
    }

    [Fact]
    public async Task AddStaff_BadInputAndDuplicateRef_ShowsMessagesAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        await client.SubmitFormAsync("/claims/staff/add", Staff("ESR-" + pcn.Code));

        var bad = await client.SubmitFormAsync("/claims/staff/add", Staff("", wte: "0", start: "2021-01-01", end: "2020-01-01"));
        var duplicate = await client.SubmitFormAsync("/claims/staff/add", Staff("ESR-" + pcn.Code));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.StartsWith("Enter the person's unique staff reference", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Enter the whole-time equivalent", StringComparison.Ordinal));
        Assert.Contains("The leaving date must be on or after the start date", errors);
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Equal($"ESR-{pcn.Code} is already used for another member of staff in this PCN", (await duplicate.ReadDocumentAsync()).ErrorSummary().Single());
        Assert.Equal(1, await factory.WithDbAsync(db => db.ArrsStaff.CountAsync(s => s.Pcn!.Code == pcn.Code)));
    }

    [Fact]
    public async Task Staff_AnotherPcnsStaff_IsNotFoundOrForbidden()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var id = await factory.Data.CreateStaffMemberAsync(other, name: "Sam Patel", roleCode: "CLINICAL_PHARMACIST");
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        await client.GetDocumentAsync($"/claims/staff?pcn={other.Code}", HttpStatusCode.Forbidden);
        await client.GetDocumentAsync($"/claims/staff/{id}", HttpStatusCode.NotFound);
        await client.GetDocumentAsync($"/claims/staff/{id}/claim", HttpStatusCode.NotFound);
        await client.GetDocumentAsync($"/claims/staff/add?pcn={other.Code}", HttpStatusCode.Forbidden);
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        Assert.Contains("Sam Patel", (await contracts.GetDocumentAsync($"/claims/staff?pcn={other.Code}")).QuerySelector("#staff")!.TextContent, StringComparison.Ordinal);
        await contracts.GetDocumentAsync($"/claims/staff/{id}/claim", HttpStatusCode.Forbidden);
    }
}

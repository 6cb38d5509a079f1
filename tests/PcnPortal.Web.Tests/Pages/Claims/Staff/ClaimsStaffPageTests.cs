using System.Net;
using AngleSharp.Html.Dom;
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

        var check = await client.SubmitFormAsync($"/claims/staff/{member.Id}/claim", new Dictionary<string, string>
        {
            ["Input.Month"] = "2020-05",
            ["Input.Salary"] = "4000.00",
            ["Input.EmployerNi"] = "440.00",
            ["Input.EmployerPension"] = "575.20",
        });
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        var checkPage = await check.ReadDocumentAsync();
        var claimed = await client.SubmitAsync((IHtmlFormElement)checkPage.QuerySelector("#check")!, $"/claims/staff/{member.Id}/claim", new Dictionary<string, string> { ["Command"] = "Submit" });

        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.StaffMemberId == member.Id));
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        Assert.Equal(4639.17m, line.Reimbursable);
        Assert.True(line.TransferredFromClinicalPharmacistScheme);
        Assert.Equal($"/claims/lines/{line.Id}/sent", claimed.Headers.Location!.OriginalString);

        // Next month's form is prefilled from this line.
        var form = await client.GetDocumentAsync($"/claims/staff/{member.Id}/claim");
        Assert.Equal("6", form.QuerySelector("#Input_Month_Month")!.GetAttribute("value"));
        Assert.Equal("2020", form.QuerySelector("#Input_Month_Year")!.GetAttribute("value"));
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

    [Fact]
    public async Task ClaimAMonth_CheckYourAnswers_ChangeThenSend_ShowsTheConfirmation()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var id = await factory.Data.CreateStaffMemberAsync(pcn, name: "Sam Patel", roleCode: "CLINICAL_PHARMACIST", startDate: new DateOnly(2020, 4, 1));
        var url = $"/claims/staff/{id}/claim";

        var response = await client.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["Input.Month"] = "2020-05",
            ["Input.Salary"] = "£4,000.00",
            ["Input.EmployerNi"] = "440",
            ["Input.EmployerPension"] = "575.20",
            ["Input.Notes"] = "Back pay, \"May\"",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = await response.ReadDocumentAsync();
        Assert.Equal("Check your answers before sending the claim", check.QuerySelector("h1")!.TextContent);
        var answers = check.QuerySelectorAll("#answers .nhsuk-summary-list__row").ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => r.QuerySelector(".nhsuk-summary-list__value")!.TextContent.Trim());
        Assert.Equal("May 2020", answers["Month claimed for"]);
        Assert.Equal("£4,000.00", answers["Salary"]);
        Assert.Equal("Back pay, \"May\"", answers["Notes"]);
        Assert.StartsWith("£5,015.20", answers["Claimed cost this month"], StringComparison.Ordinal);
        Assert.Contains("Clinical pharmacist", check.QuerySelector(".nhsuk-caption-l")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(8, check.QuerySelectorAll("#answers button[value=Edit]").Length);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.StaffMemberId == id)));

        // Change: the form again with every answer kept.
        var change = await client.SubmitAsync((IHtmlFormElement)check.QuerySelector("#check")!, url, new Dictionary<string, string> { ["Command"] = "Edit" });
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        var form = await change.ReadDocumentAsync();
        Assert.Equal("£4,000.00", form.QuerySelector("#Input_Salary")!.GetAttribute("value"));
        Assert.Equal("05", form.QuerySelector("#Input_Month_Month")!.GetAttribute("value"));
        Assert.Empty(form.ErrorSummary());

        var checkAgain = await client.SubmitAsync((IHtmlFormElement)form.QuerySelector("main form[method=post]")!, url, new Dictionary<string, string> { ["Input.Salary"] = "4100.00", ["Command"] = "Continue" });
        var sent = await client.SubmitAsync((IHtmlFormElement)(await checkAgain.ReadDocumentAsync()).QuerySelector("#check")!, url, new Dictionary<string, string> { ["Command"] = "Submit" });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.StaffMemberId == id));
        Assert.Equal(4100.00m, line.Salary);
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        var confirmation = await client.GetDocumentAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains($"claim line {line.Id}", confirmation.QuerySelector("#confirmation")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("What happens next", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(line.DueOn.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimAMonth_ProblemFoundByTheSubmissionChecks_IsShownBeforeCheckingAndNothingIsSaved()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var id = await factory.Data.CreateStaffMemberAsync(pcn, name: "Sam Patel", roleCode: "CLINICAL_PHARMACIST", startDate: new DateOnly(2020, 4, 1));
        var next = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(2);

        var response = await client.SubmitFormAsync($"/claims/staff/{id}/claim", new Dictionary<string, string>
        {
            ["Input.Month"] = next.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Salary"] = "4000.00",
            ["Input.EmployerNi"] = "440.00",
            ["Input.EmployerPension"] = "575.20",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("has not started yet", document.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("#answers"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.StaffMemberId == id)));
    }

    [Fact]
    public async Task ClaimAMonth_PcnUserIsRefusedAnotherPcnsClaimAndItsConfirmation()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var lineId = await factory.Data.CreateClaimLineAsync(other.Code);
        var staffId = await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == lineId).Select(l => l.StaffMemberId!.Value).SingleAsync());
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));
        var token = (await client.GetDocumentAsync("/claims")).QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        await client.GetDocumentAsync($"/claims/lines/{lineId}/sent", HttpStatusCode.NotFound);
        await client.GetDocumentAsync($"/claims/lines/{lineId}", HttpStatusCode.NotFound);
        await client.GetDocumentAsync($"/claims/staff/{staffId}/claim", HttpStatusCode.NotFound);
        var posted = await client.PostAsync($"/claims/staff/{staffId}/claim", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Command"] = "Submit",
            ["Input.Month.Month"] = "6",
            ["Input.Month.Year"] = "2020",
            ["Input.Wte"] = "1",
            ["Input.Salary"] = "4000.00",
            ["Input.EmployerNi"] = "440.00",
            ["Input.EmployerPension"] = "575.20",
        }));

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.StaffMemberId == staffId)));
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await contracts.GetDocumentAsync($"/claims/lines/{lineId}/sent", HttpStatusCode.Forbidden);
    }
}

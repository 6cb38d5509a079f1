using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Claims.Upload;

/// <summary>/claims/upload: a PCN's claims file, assessed on upload or refused whole.</summary>
public sealed class ClaimsUploadPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetDocumentAsync("/claims/upload");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", "claims.csv");
        return await client.PostAsync("/claims/upload", content);
    }

    private Task<int> CountLinesAsync(string pcnCode) => factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.Pcn!.Code == pcnCode));
    [Fact]
    public async Task Upload_ValidFile_StoresAssessedLinesAndShowsThem()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var client = factory.CreateClientFor(manager);

        var response = await UploadAsync(client, $"{TestData.ClaimHeader}\n{TestData.ClaimRow(pcn.Code)}\n{TestData.ClaimRow(pcn.Code, month: "2020-06")}\n");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.FirstAsync(l => l.Pcn!.Code == pcn.Code && l.Month == new DateOnly(2020, 5, 1)));
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        Assert.Equal(5015.20m, line.ClaimedCost);
        // £55,670 × 1.0 WTE × 31/31 ÷ 12 = £4,639.17 caps 100% of £5,015.20.
        Assert.Equal(4639.17m, line.MaxForPeriod);
        Assert.Equal(4639.17m, line.Reimbursable);
        Assert.Equal(RuleSeverity.Warn, ArrsStoredAssessment.SeverityOf(line.RuleChecks!, "ARRS-CAP"));
        var list = await client.GetDocumentAsync("/claims?year=2020/21");
        Assert.Contains("£4,639.17", list.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_BadRows_RefusesWholeFileListingEveryProblemAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var client = factory.CreateClientFor(manager);
        var csv = string.Join('\n', TestData.ClaimHeader, TestData.ClaimRow(pcn.Code),
            TestData.ClaimRow(pcn.Code, staffRef: "X2", role: "ASTRONAUT"),
            TestData.ClaimRow(pcn.Code, staffRef: "X3", salary: "lots"),
            TestData.ClaimRow(pcn.Code, staffRef: "X4", salary: "-10.00"),
            TestData.ClaimRow(pcn.Code, staffRef: "X5", wte: "0"),
            TestData.ClaimRow(pcn.Code, staffRef: "X6", wte: "1.2"),
            TestData.ClaimRow(pcn.Code, staffRef: "X7", month: "2020-01", start: "2020-04-01"),
            TestData.ClaimRow("U00000", staffRef: "X8"));

        var response = await UploadAsync(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        var problems = document.QuerySelectorAll("#problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(problems, p => p.Contains('3') && p.Contains("ASTRONAUT", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("salary", StringComparison.Ordinal) && p.Contains("'lots' is not an amount", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cannot be negative", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count(p => p.Contains("more than 0 and no more than 1", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Contains("outside the staff member's employment", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("U00000 is not a PCN", StringComparison.Ordinal));
        Assert.Contains("nothing was saved", document.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(0, await CountLinesAsync(pcn.Code));
    }

    [Fact]
    public async Task Upload_WrongHeader_IsRefused()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var response = await UploadAsync(client, "pcn,staff\nU1,2\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = (await response.ReadDocumentAsync()).QuerySelector("#problems")!.TextContent;
        Assert.Contains("The header has no 'salary' column", text, StringComparison.Ordinal);
        Assert.Equal(0, await CountLinesAsync(pcn.Code));
    }

    [Fact]
    public async Task Upload_EveryProblemIsNamedInOnePass_IncludingPcnAndRoleChecksOnRowsWithOtherProblems()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));
        // No salary column; row 2 fine but for the missing column; row 3 has a bad WTE, an unknown role and another PCN's code.
        var header = TestData.ClaimHeader.Replace(",salary,", ",", StringComparison.Ordinal);
        static string WithoutSalary(string row) => string.Join(',', row.Split(',').Where((_, i) => i != 8));
        var csv = string.Join('\n', header,
            WithoutSalary(TestData.ClaimRow(own.Code)),
            WithoutSalary(TestData.ClaimRow(other.Code, staffRef: "X3", role: "ASTRONAUT", wte: "1.5")),
            WithoutSalary(TestData.ClaimRow("", staffRef: "X4", month: "July")));

        var response = await UploadAsync(client, csv);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var rows = (await response.ReadDocumentAsync()).QuerySelectorAll("#problems tbody tr")
            .Select(r => (Row: r.Children[0].TextContent.Trim(), Column: r.Children[1].TextContent.Trim(), Problem: r.Children[2].TextContent.Trim())).ToList();
        Assert.Contains(rows, r => r.Row == "1" && r.Column == "salary" && r.Problem.StartsWith("The header has no 'salary' column", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Row == "3" && r.Column == "pcn_code" && r.Problem.Contains($"only for your own PCN ({own.Code})", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Row == "3" && r.Column == "role" && r.Problem.StartsWith("ASTRONAUT is not an ARRS role code", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Row == "3" && r.Column == "wte");
        Assert.Contains(rows, r => r.Row == "4" && r.Column == "pcn_code" && r.Problem == "Enter the PCN code, for example U12345.");
        Assert.Contains(rows, r => r.Row == "4" && r.Column == "month");
        Assert.DoesNotContain(rows, r => r.Row != "1" && r.Column == "salary");
        Assert.Equal(rows.OrderBy(r => int.Parse(r.Row, System.Globalization.CultureInfo.InvariantCulture)).Select(r => r.Row), rows.Select(r => r.Row));
        Assert.Equal(0, await CountLinesAsync(own.Code) + await CountLinesAsync(other.Code));
    }

    [Fact]
    public async Task Upload_OptionalColumnsLeftOut_AreTakenAsBlank()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var csv = $"role,pcn_code,staff_ref,staff_name,month,wte,start_date,salary\nCLINICAL_PHARMACIST,{pcn.Code},12345678,Sam Patel,2020-05,1,2020-04-01,\"3,000.00\"\n";

        var response = await UploadAsync(client, csv);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Pcn!.Code == pcn.Code));
        Assert.Equal(3000.00m, line.Salary);
        Assert.Equal(0m, line.EmployerNi + line.EmployerPension + line.OtherOnCosts + line.ThirdPartyFee);
        Assert.Null(line.EndDate);
        Assert.Null(line.Notes);
    }

    [Fact]
    public async Task Template_HasTheHeaderAndOneExampleRow_ThatThePortalTakes()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var page = await client.GetDocumentAsync("/claims/upload");
        Assert.Equal("/claims/upload?handler=Template", page.QuerySelector("#template-link")!.GetAttribute("href"));
        Assert.Empty(page.QuerySelectorAll("main code"));

        var response = await client.GetAsync("/claims/upload?handler=Template");

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(TestData.ClaimHeader, lines[0]);
        Assert.StartsWith($"{pcn.Code},12345678,Sam Patel,CLINICAL_PHARMACIST,", lines[1], StringComparison.Ordinal);
        var upload = await UploadAsync(client, string.Join('\n', lines) + "\n");
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        Assert.Equal(1, await CountLinesAsync(pcn.Code));
    }

    [Fact]
    public async Task Upload_LineForAnotherPcn_IsRefused()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        var response = await UploadAsync(client, $"{TestData.ClaimHeader}\n{TestData.ClaimRow(own.Code)}\n{TestData.ClaimRow(other.Code)}\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"only for your own PCN ({own.Code})", (await response.ReadDocumentAsync()).QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountLinesAsync(own.Code) + await CountLinesAsync(other.Code));
    }

    [Fact]
    public async Task PcnManager_OtherPcnsClaims_AreForbiddenOrNotFound()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var lineId = await factory.Data.CreateClaimLineAsync(other.Code);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        await client.GetDocumentAsync($"/claims?pcn={other.Code}", HttpStatusCode.Forbidden);
        await client.GetDocumentAsync($"/claims/lines/{lineId}", HttpStatusCode.NotFound);
        await client.GetDocumentAsync("/claims/review", HttpStatusCode.Forbidden);
        await client.GetDocumentAsync($"/claims/review/{lineId}", HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Commissioner_CannotUploadClaims()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        await client.GetDocumentAsync("/claims/upload", HttpStatusCode.Forbidden);
    }
}

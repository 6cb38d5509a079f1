using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Arrs;

public sealed class ArrsClaimsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Header = "pcn_code,staff_ref,staff_name,role,month,wte,start_date,end_date,salary,employer_ni,employer_pension,other_on_costs,third_party_fee,notes";

    private static string Row(string pcn, string? staffRef = null, string role = "CLINICAL_PHARMACIST", string month = "2020-05", string wte = "1", string start = "2020-04-01", string salary = "4000.00", string name = "Alex Test") =>
        $"{pcn},{staffRef ?? "CP-" + pcn},{name},{role},{month},{wte},{start},,{salary},440.00,575.20,0,0,";

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

        var response = await UploadAsync(client, $"{Header}\n{Row(pcn.Code)}\n{Row(pcn.Code, month: "2020-06")}\n");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.Include(l => l.Outcomes).FirstAsync(l => l.Pcn!.Code == pcn.Code && l.Month == new DateOnly(2020, 5, 1)));
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        Assert.Equal(5015.20m, line.ClaimedCost);
        // £55,670 × 1.0 WTE × 31/31 ÷ 12 = £4,639.17 caps 100% of £5,015.20.
        Assert.Equal(4639.17m, line.MaxForPeriod);
        Assert.Equal(4639.17m, line.Reimbursable);
        Assert.Contains(line.Outcomes, o => o.Code == "ARRS-CAP" && o.Severity == RuleSeverity.Warn);
        var list = await client.GetDocumentAsync("/claims?year=2020/21");
        Assert.Contains("£4,639.17", list.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_BadRows_RefusesWholeFileListingEveryProblemAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var client = factory.CreateClientFor(manager);
        var csv = string.Join('\n', Header, Row(pcn.Code),
            Row(pcn.Code, staffRef: "X2", role: "ASTRONAUT"),
            Row(pcn.Code, staffRef: "X3", salary: "lots"),
            Row(pcn.Code, staffRef: "X4", salary: "-10.00"),
            Row(pcn.Code, staffRef: "X5", wte: "0"),
            Row(pcn.Code, staffRef: "X6", wte: "1.2"),
            Row(pcn.Code, staffRef: "X7", month: "2020-01", start: "2020-04-01"),
            Row("U00000", staffRef: "X8"));

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
        Assert.Contains("The header has no 'salary' column.", text, StringComparison.Ordinal);
        Assert.Equal(0, await CountLinesAsync(pcn.Code));
    }

    [Fact]
    public async Task Upload_LineForAnotherPcn_IsRefused()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        var response = await UploadAsync(client, $"{Header}\n{Row(own.Code)}\n{Row(other.Code)}\n");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"only for your own PCN ({own.Code})", (await response.ReadDocumentAsync()).QuerySelector("#problems")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await CountLinesAsync(own.Code) + await CountLinesAsync(other.Code));
    }

    [Fact]
    public async Task PcnManager_OtherPcnsClaims_AreForbiddenOrNotFound()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var lineId = await SubmitAsync(other.Code);
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

    [Fact]
    public async Task Review_Approve_RecordsDecisionAndShowsItToThePcn()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await SubmitAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var queue = await reviewer.GetDocumentAsync($"/claims/review?Pcn={pcn.Code}");
        Assert.Contains("ARRS-CAP warn", queue.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var response = await reviewer.SubmitFormAsync($"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "approve" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == id));
        Assert.Equal(ArrsClaimStatus.Approved, line.Status);
        Assert.Equal(line.Reimbursable, line.ApprovedAmount);
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var detail = await manager.GetDocumentAsync($"/claims/lines/{id}");
        Assert.Contains("Approved", detail.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_RejectWithoutReason_ShowsErrorsAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await SubmitAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await reviewer.SubmitFormAsync($"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "reject" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Select the reason for rejecting the line.", errors);
        Assert.Contains("Explain why the line is rejected; the PCN will see this.", errors);
        Assert.Equal(ArrsClaimStatus.Submitted, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Review_TwoReviewersDecideSameLine_FirstWinsSecondIsTold()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await SubmitAsync(pcn.Code);
        var first = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var second = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var firstPage = await first.GetDocumentAsync($"/claims/review/{id}");
        var secondPage = await second.GetDocumentAsync($"/claims/review/{id}");

        var won = await first.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)firstPage.QuerySelector("main form[method=post]")!, $"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "approve" });
        var lost = await second.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)secondPage.QuerySelector("main form[method=post]")!, $"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Payslip?" });

        Assert.Equal(HttpStatusCode.Redirect, won.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lost.StatusCode);
        Assert.Contains("Someone else decided or changed this line", (await lost.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal(ArrsClaimStatus.Approved, await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.Status).SingleAsync()));
    }

    [Fact]
    public async Task Query_PcnAnswers_LineIsSubmittedAgain()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var id = await SubmitAsync(pcn.Code);
        var reviewer = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        await reviewer.SubmitFormAsync($"/claims/review/{id}", new Dictionary<string, string> { ["Input.Decision"] = "query", ["Input.Text"] = "Send the payslip." });
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var empty = await manager.SubmitFormAsync($"/claims/lines/{id}", new Dictionary<string, string> { ["Answer"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var response = await manager.SubmitFormAsync($"/claims/lines/{id}", new Dictionary<string, string> { ["Answer"] = "Payslip sent by email." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var line = await factory.WithDbAsync(db => db.ArrsClaimLines.SingleAsync(l => l.Id == id));
        Assert.Equal(ArrsClaimStatus.Submitted, line.Status);
        Assert.Equal("Payslip sent by email.", line.QueryResponse);
    }

    [Fact]
    public async Task ImportClaimsCli_ValidFile_PrintsCountsJsonAndExportHasContractColumns()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, $"{Header}\n{Row(pcn.Code, name: "=HYPERLINK(1)")}\n{Row(pcn.Code, staffRef: "S2-" + pcn.Code, role: "SPLW", salary: "2000.00")}\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-claims", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Success, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("lines").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("outcomes").GetProperty("ARRS-CAP").GetProperty("warn").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());

        var exportPath = Path.GetTempFileName();
        Assert.Equal(CliExitCodes.Success, await CliRunner.RunAsync(factory.Services, ["export-claims", "--year", "2020/21", "--pcn", pcn.Code, exportPath], new StringWriter(), new StringWriter()));
        var exported = await File.ReadAllLinesAsync(exportPath);
        Assert.Equal(string.Join(',', ArrsClaimExporter.Header), exported[0]);
        Assert.StartsWith(Header + ",financial_year,claimed_cost,max_for_period,rate,reimbursable,status,ARRS-ROLE-ELIGIBLE", exported[0], StringComparison.Ordinal);
        Assert.Equal(3, exported.Length);
        Assert.Contains("'=HYPERLINK(1)", exported[1], StringComparison.Ordinal);
        Assert.Contains(",2020/21,5015.20,4639.17,1.00,4639.17,Submitted,pass,pass,pass,pass,pass,", exported[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportClaimsCli_BadFile_ExitsOneListingProblemsAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, $"{Header}\n{Row(pcn.Code, wte: "2")}\n");
        var output = new StringWriter();

        var exit = await CliRunner.RunAsync(factory.Services, ["import-claims", path, "--json"], output, new StringWriter());

        Assert.Equal(CliExitCodes.Rejected, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.Equal(0, json.RootElement.GetProperty("lines").GetInt32());
        Assert.Contains("row 2, column 'wte'", json.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountLinesAsync(pcn.Code));
        Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["import-claims"], new StringWriter(), new StringWriter()));
    }

    private async Task<int> SubmitAsync(string pcnCode)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, $"{Header}\n{Row(pcnCode)}\n");
        Assert.Equal(CliExitCodes.Success, await CliRunner.RunAsync(factory.Services, ["import-claims", path], new StringWriter(), new StringWriter()));
        return await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Pcn!.Code == pcnCode).Select(l => l.Id).SingleAsync());
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// #15.9: dates and numbers outside what makes sense or what is stored (months 9999-12, 0001-01, 1900-04 and 2035-01, WTE
/// 0.0000001, a payment dated 0001-01-01, list sizes dated 9999-12-31 or 1900-01-01, DaysLeft=2147483647) get a specific message where they
/// were typed: never a 500, and nothing saved.
/// </summary>
public sealed class BoundedInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/claims/review?DaysLeft=2147483647")]
    [InlineData("/claims/review?Month=9999-12")]
    [InlineData("/claims/review?Month=0001-01")]
    [InlineData("/finance?year=9999")]
    public async Task QueryStrings_AtTheEdgesOfTheCalendar_ShowThePage(string url)
    {
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await contracts.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01")]
    [InlineData("1900-04-01")]
    public async Task RegisterAsAt_OutsideThePortalsDates_SaysSoAndShowsToday(string asAt)
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        foreach (var url in new[] { $"/pcns?asAt={asAt}", $"/pcns/{pcn.Code}?asAt={asAt}" })
        {
            var document = await contracts.GetDocumentAsync(url);
            var error = document.QuerySelector("#AsAtDate-error")?.TextContent ?? "";
            Assert.Contains("The as-at date must be between 2000 and 2099", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("12", "9999", "must be between 2000 and 2099")]
    [InlineData("1", "0001", "must be between 2000 and 2099")]
    [InlineData("4", "1900", "must be between 2000 and 2099")]
    [InlineData("1", "2035", "2035-01 has not started yet")]
    public async Task ClaimForm_MonthOutOfBounds_IsRefusedWithAMessage(string month, string year, string message)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var id = await factory.Data.CreateStaffMemberAsync(pcn, name: "Sam Patel", roleCode: "CLINICAL_PHARMACIST");

        var response = await client.SubmitFormAsync($"/claims/staff/{id}/claim", new Dictionary<string, string>
        {
            ["Input.Month.Month"] = month,
            ["Input.Month.Year"] = year,
            ["Input.Salary"] = "4000.00",
            ["Input.EmployerNi"] = "440.00",
            ["Input.EmployerPension"] = "575.20",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains(message, document.QuerySelector("#Input_Month-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.StaffMemberId == id)));
    }

    [Fact]
    public async Task ClaimForm_WteFinerThanStored_IsRefused()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var id = await factory.Data.CreateStaffMemberAsync(pcn, name: "Sam Patel", roleCode: "CLINICAL_PHARMACIST");

        var response = await client.SubmitFormAsync($"/claims/staff/{id}/claim", new Dictionary<string, string>
        {
            ["Input.Month"] = "2020-05",
            ["Input.Wte"] = "0.0000001",
            ["Input.Salary"] = "4000.00",
            ["Input.EmployerNi"] = "440.00",
            ["Input.EmployerPension"] = "575.20",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 4 decimal places", (await response.ReadDocumentAsync()).QuerySelector("#Input_Wte-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.StaffMemberId == id)));
    }

    [Fact]
    public async Task ClaimsUpload_MonthsAndWteOutOfBounds_AreListedByRowAndNothingIsSaved()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var csv = new StringBuilder(TestData.ClaimHeader).Append('\n')
            .Append(TestData.ClaimRow(pcn.Code, month: "9999-12")).Append('\n')
            .Append(TestData.ClaimRow(pcn.Code, month: "0001-01")).Append('\n')
            .Append(TestData.ClaimRow(pcn.Code, month: "1900-04")).Append('\n')
            .Append(TestData.ClaimRow(pcn.Code, month: "2035-01", start: "2034-01-01")).Append('\n')
            .Append(TestData.ClaimRow(pcn.Code, wte: "0.0000001")).Append('\n')
            .Append(TestData.ClaimRow(pcn.Code, start: "9999-12-31")).Append('\n')
            .ToString();

        var response = await UploadAsync(client, "/claims/upload", "claims.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problems = (await response.ReadDocumentAsync()).QuerySelectorAll("#problems tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(3, problems.Count(p => p.Contains("the month must be between 2000 and 2099", StringComparison.Ordinal)));
        Assert.Contains(problems, p => p.Contains("2035-01 has not started yet", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("at most 4 decimal places", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("the date must be between 2000 and 2099", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.Pcn!.Code == pcn.Code)));
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("1900-01-01")]
    public async Task ListSizes_DatedOutsideThePortalsDates_AreRefused(string asAt)
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [10_000]);
        var practice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.Practice!.Code).FirstAsync());
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var before = await factory.WithDbAsync(db => db.PracticeListSizes.CountAsync(l => l.Practice!.Code == practice));

        var response = await UploadAsync(contracts, "/pcns/import", "list-sizes.csv", Encoding.UTF8.GetBytes($"practice_code,as_at,registered,weighted\n{practice},{asAt},12000,11000.5\n"));

        var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{response.StatusCode}");
        Assert.Contains($"{asAt} is not a date the portal takes: the as-at date must be between 2000 and 2099", body, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.PracticeListSizes.CountAsync(l => l.Practice!.Code == practice)));
    }

    [Theory]
    [InlineData("0001")]
    [InlineData("1900")]
    public async Task OdPayment_DatedBeforeThePortalsDates_IsRefused(string year)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var fund = await factory.Data.CreateFundAsync(quorum: 1);
        var eoi = await factory.Data.CreateEoiAsync(fund, pcn.Code, status: EoiStatus.Approved);
        var paymentId = await factory.WithDbAsync(async db =>
        {
            var payment = new OdPayment { FundId = fund, EoiId = eoi, PcnCode = pcn.Code, Amount = 100m };
            db.OdPayments.Add(payment);
            await db.SaveChangesAsync();
            return payment.Id;
        });
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await finance.SubmitFormAsync($"/od-funds/payments/{paymentId}", new Dictionary<string, string>
        {
            ["PaidDate.Day"] = "1",
            ["PaidDate.Month"] = "1",
            ["PaidDate.Year"] = year,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The date it was paid must be between 2000 and 2099", (await response.ReadDocumentAsync()).ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.OdPayments.Where(p => p.Id == paymentId).Select(p => p.PaidDate).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync(url, form);
    }
}

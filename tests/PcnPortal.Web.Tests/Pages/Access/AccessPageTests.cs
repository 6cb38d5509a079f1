using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Access;

/// <summary>/access: plans, their decision, quarterly declarations, adjusted populations and the CCG summary.</summary>
public sealed class AccessPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ManagerOfAsync(PcnPortal.Domain.Registration.Pcn pcn) =>
        factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

    private async Task<HttpClient> ContractsAsync() => factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

    private static Dictionary<string, string> Quarter(int minutesPerMonth, int offered = 200, int booked = 180) =>
        Enumerable.Range(0, 3).SelectMany(i => new Dictionary<string, string>
        {
            [$"Input.Months[{i}].Offered"] = offered.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Input.Months[{i}].Booked"] = booked.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Input.Months[{i}].Attended"] = "170",
            [$"Input.Months[{i}].DidNotAttend"] = "10",
            [$"Input.Months[{i}].MinutesDelivered"] = minutesPerMonth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Access_PcnUser_GoesToOwnPcn()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var response = await (await ManagerOfAsync(pcn)).GetAsync("/access");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/access/pcns/{pcn.Code}", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task PcnUser_AnotherPcnsPagePlanAndDeclaration_AreRefusedAndNothingIsSaved()
    {
        var mine = await factory.Data.CreatePcnAsync();
        var theirs = await factory.Data.CreatePcnAsync(name: $"Other Vale {TestData.Next()} PCN");
        var plan = await factory.Data.CreateAccessPlanAsync(theirs);
        var client = await ManagerOfAsync(mine);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/access/pcns/{theirs.Code}")).StatusCode);
        var planResponse = await client.GetAsync($"/access/plans/{plan}");
        Assert.Equal(HttpStatusCode.NotFound, planResponse.StatusCode);
        Assert.DoesNotContain(theirs.Name, await planResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/access/pcns/{theirs.Code}/declarations/2022-10")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/access/pcns/{theirs.Code}/plans/new")).StatusCode);

        // A POST carrying a valid token from the user's own form to the other PCN's declaration is refused.
        var token = (await client.GetDocumentAsync($"/access/pcns/{mine.Code}/declarations/2022-10")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var form = new Dictionary<string, string>(Quarter(10_000)) { ["__RequestVerificationToken"] = token };
        var post = await client.PostAsync($"/access/pcns/{theirs.Code}/declarations/2022-10", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.AccessDeclarations.CountAsync(d => d.PcnId == theirs.Id)));
    }

    [Fact]
    public async Task PlanNew_Submit_ShowsRequiredWithWorkingAndCountedMinutes()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        await factory.Data.CreateAdjustedPopulationAsync(pcn, 45_000);
        var practice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.Practice!.Code).FirstAsync());
        var client = await ManagerOfAsync(pcn);

        var response = await client.SubmitFormAsync($"/access/pcns/{pcn.Code}/plans/new", new Dictionary<string, string>
        {
            ["Input.EffectiveFrom.Day"] = "1",
            ["Input.EffectiveFrom.Month"] = "10",
            ["Input.EffectiveFrom.Year"] = "2022",
            ["Input.Sessions[0].Day"] = "Monday",
            ["Input.Sessions[0].Start"] = "18:30",
            ["Input.Sessions[0].End"] = "20:00",
            ["Input.Sessions[0].PracticeCode"] = practice,
            ["Input.Sessions[0].ClinicianType"] = "GP",
            ["Input.Sessions[1].Day"] = "Tuesday",
            ["Input.Sessions[1].Start"] = "07:00",
            ["Input.Sessions[1].End"] = "08:00",
            ["Input.Sessions[1].PracticeCode"] = practice,
            ["Input.Sessions[1].ClinicianType"] = "Practice nurse",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var plan = await factory.WithDbAsync(db => db.AccessPlans.Include(p => p.Sessions).SingleAsync(p => p.PcnId == pcn.Id));
        Assert.Equal(AccessPlanStatus.Submitted, plan.Status);
        Assert.Equal(2, plan.Sessions.Count);
        var page = await client.GetDocumentAsync($"/access/plans/{plan.Id}");
        var required = page.QuerySelector("#required")!.TextContent;
        Assert.Contains("2,700 minutes (45 hours) a week", required, StringComparison.Ordinal);
        Assert.Contains("45,000 PCN adjusted population ÷ 1,000 × 60 = 2,700 minutes", required, StringComparison.Ordinal);
        // 90 minutes in the network standard hours count; the 60 before 08:00 need the commissioner's agreement and do not.
        Assert.Contains("150 minutes (2 hours 30 minutes) in 2 sessions; 90 minutes (1 hour 30 minutes) in the hours that count, 2,610 minutes fewer than required", page.QuerySelector("#planned")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("20:00", "19:00", "The end time must be after the start time.")]
    [InlineData("18:30", "18:45", "at least 30 minutes")]
    [InlineData("6pm", "20:00", "Enter the start time as hours and minutes")]
    public async Task PlanNew_BadSession_ShowsErrorAndSavesNothing(string start, string end, string message)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var practice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.Practice!.Code).FirstAsync());
        var response = await (await ManagerOfAsync(pcn)).SubmitFormAsync($"/access/pcns/{pcn.Code}/plans/new", new Dictionary<string, string>
        {
            ["Input.Sessions[0].Day"] = "Monday",
            ["Input.Sessions[0].Start"] = start,
            ["Input.Sessions[0].End"] = end,
            ["Input.Sessions[0].PracticeCode"] = practice,
            ["Input.Sessions[0].ClinicianType"] = "GP",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.Contains(message, StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.AccessPlans.CountAsync(p => p.PcnId == pcn.Id)));
    }

    [Fact]
    public async Task Decision_Return_NeedsAReason_ThenThePcnSeesIt()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var plan = await factory.Data.CreateAccessPlanAsync(pcn);
        var contracts = await ContractsAsync();

        var noReason = await contracts.SubmitFormAsync($"/access/plans/{plan}/decision", new Dictionary<string, string> { ["Input.Decision"] = "Return" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(AccessPlanStatus.Submitted, await factory.WithDbAsync(db => db.AccessPlans.Where(p => p.Id == plan).Select(p => p.Status).SingleAsync()));

        var returned = await contracts.SubmitFormAsync($"/access/plans/{plan}/decision", new Dictionary<string, string> { ["Input.Decision"] = "Return", ["Input.Note"] = "Add Saturday sessions at the Quay site." });
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var page = await (await ManagerOfAsync(pcn)).GetDocumentAsync($"/access/pcns/{pcn.Code}");
        Assert.Contains("Add Saturday sessions at the Quay site.", page.QuerySelector("#plan-returned")!.TextContent, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Entity == nameof(AccessPlan) && a.EntityKey == plan.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.Action == "Modified")));
    }

    [Fact]
    public async Task Decision_Approve_RecordsPractices_MembershipChangeLaterFlagsReplan()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        await factory.Data.CreateAdjustedPopulationAsync(pcn, 45_000);
        var plan = await factory.Data.CreateAccessPlanAsync(pcn);
        var contracts = await ContractsAsync();

        var approved = await contracts.SubmitFormAsync($"/access/plans/{plan}/decision", new Dictionary<string, string> { ["Input.Decision"] = "Approve" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var practices = await factory.WithDbAsync(db => db.AccessPlans.Where(p => p.Id == plan).Select(p => p.ApprovedPractices).SingleAsync());
        Assert.Equal(2, practices!.Split(',').Length);
        var before = await contracts.GetDocumentAsync($"/access/pcns/{pcn.Code}");
        Assert.Null(before.QuerySelector("#replan"));

        // A practice closes after approval: the plan must be made again.
        var left = await factory.WithDbAsync(async db =>
        {
            var membership = await db.PcnMemberships.Include(m => m.Practice).Where(m => m.PcnId == pcn.Id).OrderBy(m => m.Id).LastAsync();
            membership.EndDate = new DateOnly(2024, 3, 31);
            await db.SaveChangesAsync();
            return membership.Practice!.Code;
        });
        var after = await contracts.GetDocumentAsync($"/access/pcns/{pcn.Code}");
        Assert.Contains($"left: {left}", after.QuerySelector("#replan")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("needs re-planning", after.QuerySelector("#plan-outcome")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_Quarter_ShortfallShownToPcnAndInTheCcgSummaryAndCsv()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        await factory.Data.CreateAdjustedPopulationAsync(pcn, 45_000);
        var client = await ManagerOfAsync(pcn);

        var form = await client.GetDocumentAsync($"/access/pcns/{pcn.Code}/declarations/2022-10");
        Assert.Contains("Minutes required in October 2022: 11,957 minutes", form.QuerySelector("#month-0")!.TextContent, StringComparison.Ordinal);
        var response = await client.SubmitFormAsync($"/access/pcns/{pcn.Code}/declarations/2022-10", Quarter(10_000));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // 2,700 minutes a week × 92 days ÷ 7 = 35,485.71, so 35,486 required; 30,000 delivered.
        Assert.Equal($"/access/pcns/{pcn.Code}?year=2022%2F23#quarter-2022-10", response.Headers.Location?.OriginalString);
        var page = await client.GetDocumentAsync($"/access/pcns/{pcn.Code}?year=2022/23");
        var quarter = page.QuerySelector("#quarter-2022-10")!.TextContent;
        Assert.Contains("30,000 minutes (500 hours) in 2022/23 Q3 (October to December 2022) against 35,486 minutes", quarter, StringComparison.Ordinal);
        Assert.Contains("(84.5%): 5,486 minutes short", quarter, StringComparison.Ordinal);

        var contracts = await ContractsAsync();
        var summary = await contracts.GetDocumentAsync("/access?year=2022/23");
        var cell = summary.QuerySelector($"tr[data-pcn={pcn.Code}] td[data-quarter='2022-10']")!.TextContent;
        Assert.Contains("30,000 of 35,486 min", cell, StringComparison.Ordinal);
        Assert.Contains("5,486 min short", cell, StringComparison.Ordinal);
        var csv = await contracts.GetStringAsync("/access?handler=Csv&year=2022/23");
        Assert.Contains($"{pcn.Code},{pcn.Name},2022-10,35486,30000,84.5,5486,600,540,510,30,3,", csv, StringComparison.Ordinal);
        Assert.Contains(",fail,", csv.Split("\r\n").Single(l => l.StartsWith($"{pcn.Code},{pcn.Name},2022-10", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declare_BookedMoreThanOffered_ShowsErrorAndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var response = await (await ManagerOfAsync(pcn)).SubmitFormAsync($"/access/pcns/{pcn.Code}/declarations/2022-10", Quarter(10_000, offered: 100, booked: 180));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Contains("Appointments booked (180) cannot be more than appointments offered (100).", document.QuerySelector("#Input_Months_0__Booked-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.AccessDeclarations.CountAsync(d => d.PcnId == pcn.Id)));
    }

    [Fact]
    public async Task Declare_QuarterNotEnded_IsNotFound()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await ManagerOfAsync(pcn)).GetAsync($"/access/pcns/{pcn.Code}/declarations/2099-01")).StatusCode);
    }

    [Fact]
    public async Task PcnPage_NoAdjustedPopulation_RequirementCannotBeWorkedOut_NotGuessedFromRegistered()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        await factory.Data.CreateAccessDeclarationAsync(pcn, new DateOnly(2022, 10, 1), 10_000);

        var page = await (await ContractsAsync()).GetDocumentAsync($"/access/pcns/{pcn.Code}?year=2022/23");

        Assert.Contains($"adjusted population for {pcn.Code} at 1 October 2022 not loaded", page.QuerySelector("#quarter-2022-10")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not known", page.QuerySelector("#quarter-2022-10")!.TextContent, StringComparison.Ordinal);
        // The extended hours quarter before it is worked out from the registered list: 1,200 a week × 92 ÷ 7.
        Assert.Contains("15,771", page.QuerySelector("#quarter-2022-07")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#required-missing"));
    }

    [Fact]
    public async Task AdjustedPopulation_ContractsRecordIt_ThenTheRequirementIsWorkedOut()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var contracts = await ContractsAsync();

        var bad = await contracts.SubmitFormAsync($"/access/pcns/{pcn.Code}/adjusted-population", new Dictionary<string, string> { ["Input.Population"] = "lots", ["Input.Source"] = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var response = await contracts.SubmitFormAsync($"/access/pcns/{pcn.Code}/adjusted-population", new Dictionary<string, string>
        {
            ["Input.AsAt.Day"] = "1",
            ["Input.AsAt.Month"] = "10",
            ["Input.AsAt.Year"] = "2022",
            ["Input.Population"] = "50,000",
            ["Input.Source"] = "NHS England adjusted populations, 2022",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await contracts.GetDocumentAsync($"/access/pcns/{pcn.Code}");
        Assert.Contains("3,000 minutes (50 hours) a week", page.QuerySelector("#required-weekly")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("50,000", page.QuerySelector("#adjusted-populations")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_ShowEachFiguresStatusAndSource()
    {
        var page = await (await ContractsAsync()).GetDocumentAsync("/access/figures");
        var enhanced = page.QuerySelector("dl[data-figure='2022-10-01']")!.TextContent;
        Assert.Contains("60 minutes a week per 1,000 PCN adjusted population", enhanced, StringComparison.Ordinal);
        Assert.Contains("gponline.com", enhanced, StringComparison.Ordinal);
        Assert.Contains("unverified", enhanced, StringComparison.Ordinal);
    }
}

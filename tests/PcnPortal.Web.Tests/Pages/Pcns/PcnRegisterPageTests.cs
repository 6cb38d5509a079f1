using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Registration;
using PcnPortal.TestSupport.Generation;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Pcns;

public sealed class PcnRegisterPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<HttpClient> ContractsAsync() => factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

    private Task<string> FirstPracticeAsync(Pcn pcn) =>
        factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).OrderBy(m => m.Id).Select(m => m.Practice!.Code).FirstAsync());

    [Fact]
    public async Task Register_ShowsPopulationAndWarnings_AndFiltersByRule()
    {
        var small = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 5_000]);
        var fine = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 20_000]);
        var locality = await factory.Data.CreateLocalityAsync(small, fine);
        var client = await ContractsAsync();

        var all = await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}");
        var row = all.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(small.Code, StringComparison.Ordinal));
        Assert.Contains("25,000", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(RegistrationRuleCodes.PopulationRange, row.TextContent, StringComparison.Ordinal);

        var filtered = await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}&Rule={RegistrationRuleCodes.PopulationRange}");
        Assert.Contains(small.Code, filtered.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(fine.Code, filtered.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_DefaultsToConfiguredCcg_AllEnglandShowsOthers()
    {
        var elsewhere = await factory.Data.CreatePcnAsync(ccgCode: "15C");
        var locality = await factory.Data.CreateLocalityAsync(elsewhere);
        var client = await ContractsAsync();

        // Nothing of this CCG's in that locality: the page says so instead of an empty table.
        var ours = await client.GetDocumentAsync($"/pcns?Locality={locality}");
        Assert.DoesNotContain(elsewhere.Code, ours.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("No PCN in 99Z matches these filters.", ours.QuerySelector("#no-results")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(elsewhere.Code, (await client.GetDocumentAsync($"/pcns?Scope=all&Locality={locality}")).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SortByPopulation_LargestFirst()
    {
        var ccg = "S" + (TestData.Next() % 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture);
        var small = await factory.Data.CreatePcnAsync(ccgCode: ccg, practiceListSizes: [10_000]);
        var large = await factory.Data.CreatePcnAsync(ccgCode: ccg, practiceListSizes: [60_000]);
        var locality = await factory.Data.CreateLocalityAsync(small, large);
        var client = await ContractsAsync();

        var document = await client.GetDocumentAsync($"/pcns?Scope=all&Sort=population&Locality={locality}");
        var codes = document.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent).ToList();

        Assert.True(codes.IndexOf(large.Code) < codes.IndexOf(small.Code));
    }

    [Fact]
    public async Task Csv_NeutralisesFormulae()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "=HYPERLINK(\"http://x\") PCN");
        var client = await ContractsAsync();

        var response = await client.GetAsync("/pcns?Scope=all&handler=csv"); // every row, not one page
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"{pcn.Code},\"'=HYPERLINK(\"\"http://x\"\") PCN\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_AsAt_ShowsMembershipAndPopulationDateForThatDate()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var practice = await FirstPracticeAsync(pcn);
        await factory.WithDbAsync(async db =>
        {
            var membership = await db.PcnMemberships.SingleAsync(m => m.PcnId == pcn.Id && m.Practice!.Code == practice);
            membership.EndDate = new DateOnly(2023, 3, 31);
            await db.SaveChangesAsync();
        });
        var client = await ContractsAsync();

        var before = await client.GetDocumentAsync($"/pcns/{pcn.Code}?asAt=2022-06-01");
        var after = await client.GetDocumentAsync($"/pcns/{pcn.Code}?asAt=2024-06-01");

        Assert.Contains("35,000", before.QuerySelector("#population")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 January 2022", before.QuerySelector("#population")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("15,000", after.QuerySelector("#population")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 January 2024", after.QuerySelector("#population")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(RegistrationRuleCodes.NoClinicalDirector, after.QuerySelector("#rules")!.TextContent, StringComparison.Ordinal);
        // The history says it in words (issue #17), with the recorded values behind a details toggle.
        var history = after.QuerySelector("#history")!;
        Assert.Contains($"({practice}) left {pcn.Name} ({pcn.Code}): last day 31 March 2023", history.TextContent, StringComparison.Ordinal);
        Assert.Contains($"joined {pcn.Name} ({pcn.Code}) on 1 July 2019", history.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"EndDate\":\"2023-03-31\"", history.QuerySelector("details")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PcnManager_SeesOwnPcnOnly_AndCannotUseCommissionerActions()
    {
        var own = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, own.Code));

        await manager.GetDocumentAsync($"/pcns/{own.Code}");
        var register = await manager.GetDocumentAsync("/pcns");
        Assert.Equal([own.Code], register.QuerySelectorAll("tbody tr td:nth-child(2)").Select(c => c.TextContent));
        foreach (var url in new[]
        {
            $"/pcns/{other.Code}", $"/pcns/{other.Code}/changes/new", "/pcns/import", "/pcns/new", $"/pcns/{own.Code}/edit",
            $"/pcns/{own.Code}/members/add", $"/pcns/{own.Code}/population-exception", "/pcns/changes",
        })
        {
            var response = await manager.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{url} gave {response.StatusCode}");
        }

        var post = await manager.PostAsync($"/pcns/{other.Code}/changes/new", new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PcnChangeRequests.CountAsync(r => r.PcnId == other.Id)));
    }

    [Fact]
    public async Task RegisterNewPcn_BadCodeAndName_ShowErrors_ThenSaves()
    {
        var client = await ContractsAsync();
        var code = TestData.NewPcnCode();

        var bad = await client.SubmitFormAsync("/pcns/new", new Dictionary<string, string> { ["Input.Code"] = "u1234", ["Input.Name"] = "Fernhill Network", ["Input.OpenDate"] = "2024-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains(errors, e => e.Contains("capital \"U\" followed by five digits", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("does not end with \"PCN\"", StringComparison.Ordinal));

        var good = await client.SubmitFormAsync("/pcns/new", new Dictionary<string, string> { ["Input.Code"] = code, ["Input.Name"] = "Fernhill PCN", ["Input.OpenDate"] = "2024-04-01" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("Fernhill PCN", await factory.WithDbAsync(db => db.Pcns.Where(p => p.Code == code).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task Edit_Close_AndConcurrentEdit_SecondIsTold()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = await ContractsAsync();
        var first = await client.GetDocumentAsync($"/pcns/{pcn.Code}/edit");
        var second = await client.GetDocumentAsync($"/pcns/{pcn.Code}/edit");
        var url = $"/pcns/{pcn.Code}/edit";

        var saved = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)first.QuerySelector("main form[method=post]")!, url, new Dictionary<string, string> { ["Input.CloseDate"] = "2025-03-31" });
        var stale = await client.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)second.QuerySelector("main form[method=post]")!, url, new Dictionary<string, string> { ["Input.Name"] = "Renamed PCN" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains((await stale.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("changed by someone else", StringComparison.Ordinal));
        var stored = await factory.WithDbAsync(db => db.Pcns.SingleAsync(p => p.Id == pcn.Id));
        Assert.Equal(new DateOnly(2025, 3, 31), stored.CloseDate);
        Assert.NotEqual("Renamed PCN", stored.Name);
    }

    [Fact]
    public async Task Edit_Close_EndsRunningMembershipsOnCloseDate_InSameSave_AndSaysSo()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000, 10_000]);
        var memberships = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).OrderBy(m => m.Id).ToListAsync());
        // One membership already ended before the close date: it keeps its own end date.
        await factory.WithDbAsync(async db =>
        {
            var early = await db.PcnMemberships.SingleAsync(m => m.Id == memberships[2].Id);
            early.EndDate = new DateOnly(2022, 3, 31);
            await db.SaveChangesAsync();
        });
        var practices = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).OrderBy(m => m.Id).Select(m => m.Practice!.Code).ToListAsync());
        var client = await ContractsAsync();

        var form = await client.GetDocumentAsync($"/pcns/{pcn.Code}/edit");
        var notice = form.QuerySelector("main .nhsuk-inset-text")!.TextContent;
        Assert.Contains("every membership still running on that date", notice, StringComparison.Ordinal);
        Assert.Contains(practices[0], notice, StringComparison.Ordinal);
        Assert.DoesNotContain(practices[2], notice, StringComparison.Ordinal);

        var saved = await client.SubmitFormAsync($"/pcns/{pcn.Code}/edit", new Dictionary<string, string> { ["Input.CloseDate"] = "2025-03-31" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var ends = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).OrderBy(m => m.Id).Select(m => m.EndDate).ToListAsync());
        Assert.Equal([new DateOnly(2025, 3, 31), new DateOnly(2025, 3, 31), new DateOnly(2022, 3, 31)], ends);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.Entity == nameof(PcnMembership) && e.After!.Contains("2025-03-31")).Select(e => e.EntityKey).ToListAsync());
        Assert.Contains(memberships[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audited);
        Assert.Contains(memberships[1].Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audited);
        var page = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        var banner = page.QuerySelector(".nhsuk-notification-banner--success")!.TextContent;
        Assert.Contains("2 membership(s) ended on 31 March 2025", banner, StringComparison.Ordinal);
        Assert.Contains(practices[1], banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edit_CloseBeforeAMembershipStarts_RefusedOnTheField_NothingSaved()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var joiner = await factory.WithDbAsync(async db =>
        {
            var practice = new Practice { Code = TestData.NewPracticeCode(), Name = "Late Joiner Surgery" };
            db.PcnMemberships.Add(new PcnMembership { PcnId = pcn.Id, Practice = practice, StartDate = new DateOnly(2025, 6, 1) });
            await db.SaveChangesAsync();
            return practice.Code;
        });
        var client = await ContractsAsync();

        var refused = await client.SubmitFormAsync($"/pcns/{pcn.Code}/edit", new Dictionary<string, string> { ["Input.CloseDate"] = "2025-03-31" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = await refused.ReadDocumentAsync();
        Assert.Contains(joiner, document.QuerySelector("#Input_CloseDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Pcns.Where(p => p.Id == pcn.Id).Select(p => p.CloseDate).SingleAsync()));
        Assert.All(await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.EndDate).ToListAsync()), Assert.Null);
    }

    [Fact]
    public async Task AddMembership_PracticeInAnotherPcn_RefusedOnTheField_ThenEndAndAdd()
    {
        var from = await factory.Data.CreatePcnAsync();
        var to = await factory.Data.CreatePcnAsync();
        var practice = await FirstPracticeAsync(from);
        var client = await ContractsAsync();

        var refused = await client.SubmitFormAsync($"/pcns/{to.Code}/members/add", new Dictionary<string, string> { ["Input.PracticeCode"] = practice, ["Input.StartDate"] = "2024-04-01" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var document = await refused.ReadDocumentAsync();
        Assert.Contains(RegistrationRuleCodes.PracticeMultiplePcns, document.QuerySelector("#Input_PracticeCode-error")!.TextContent, StringComparison.Ordinal);

        var membershipId = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == from.Id && m.Practice!.Code == practice).Select(m => m.Id).SingleAsync());
        var ended = await client.SubmitFormAsync($"/pcns/{from.Code}/members/{membershipId}/end", new Dictionary<string, string> { ["EndDate"] = "2024-03-31" });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        var added = await client.SubmitFormAsync($"/pcns/{to.Code}/members/add", new Dictionary<string, string> { ["Input.PracticeCode"] = practice, ["Input.StartDate"] = "2024-04-01" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(2, await factory.WithDbAsync(db => db.PcnMemberships.CountAsync(m => m.Practice!.Code == practice)));
    }

    [Fact]
    public async Task PopulationException_ClearsWarning_AndNeedsReason()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [60_000]);
        var client = await ContractsAsync();

        var missing = await client.SubmitFormAsync($"/pcns/{pcn.Code}/population-exception", new Dictionary<string, string> { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var saved = await client.SubmitFormAsync($"/pcns/{pcn.Code}/population-exception", new Dictionary<string, string> { ["Reason"] = "Island practice group", ["AgreedOn"] = "2024-05-14" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var rules = (await client.GetDocumentAsync($"/pcns/{pcn.Code}")).QuerySelectorAll("#rules tr").Single(r => r.TextContent.Contains(RegistrationRuleCodes.PopulationRange, StringComparison.Ordinal));
        Assert.Contains("Pass", rules.TextContent, StringComparison.Ordinal);
        Assert.Contains("Island practice group", rules.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangeRequest_ProposeApprove_AppliesClinicalDirector_AndReturnShowsReason()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var contracts = await ContractsAsync();

        var invalid = await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new?kind=ClinicalDirector", new Dictionary<string, string> { ["Input.Kind"] = "ClinicalDirector", ["Input.EffectiveDate"] = "2024-04-01", ["Input.Reason"] = "Retirement", ["Command"] = "Submit" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains((await invalid.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("clinical director's full name", StringComparison.Ordinal));

        var proposed = await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new?kind=ClinicalDirector", new Dictionary<string, string>
        {
            ["Input.Kind"] = "ClinicalDirector",
            ["Input.EffectiveDate"] = "2024-04-01",
            ["Input.Reason"] = "Dr Hale retires",
            ["Input.DirectorName"] = "Dr Nia Evans",
            ["Input.DirectorProfession"] = "GP",
            ["Command"] = "Submit",
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var id = await factory.WithDbAsync(db => db.PcnChangeRequests.Where(r => r.PcnId == pcn.Id).Select(r => r.Id).SingleAsync());
        Assert.Contains("Submitted", (await manager.GetDocumentAsync($"/pcns/{pcn.Code}")).QuerySelector("#requests")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/pcns/changes/{id}")).StatusCode);

        var approved = await contracts.SubmitFormAsync($"/pcns/changes/{id}", new Dictionary<string, string>(), "main form[action*=Approve]");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var director = await factory.WithDbAsync(db => db.ClinicalDirectors.Where(c => c.PcnId == pcn.Id).Select(c => new { c.Name, c.From }).SingleAsync());
        Assert.Equal(("Dr Nia Evans", new DateOnly(2024, 4, 1)), (director.Name, director.From));

        await manager.SubmitFormAsync($"/pcns/{pcn.Code}/changes/new?kind=Agreements", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Agreements",
            ["Input.EffectiveDate"] = "2024-05-01",
            ["Input.Reason"] = "Signed",
            ["Input.DataSharingAgreementSigned"] = "2024-04-20",
            ["Command"] = "Submit",
        });
        var second = await factory.WithDbAsync(db => db.PcnChangeRequests.Where(r => r.PcnId == pcn.Id && r.Status == PcnChangeStatus.Submitted).Select(r => r.Id).SingleAsync());
        var noReason = await contracts.SubmitFormAsync($"/pcns/changes/{second}", new Dictionary<string, string>(), "#return-form");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var returned = await contracts.SubmitFormAsync($"/pcns/changes/{second}", new Dictionary<string, string> { ["ReturnReason"] = "Attach the signed copy" }, "#return-form");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        var page = (await manager.GetDocumentAsync($"/pcns/{pcn.Code}")).QuerySelector("#requests")!.TextContent;
        Assert.Contains("Returned", page, StringComparison.Ordinal);
        Assert.Contains("Attach the signed copy", page, StringComparison.Ordinal);
        Assert.Null(await factory.WithDbAsync(db => db.Pcns.Where(p => p.Id == pcn.Id).Select(p => p.DataSharingAgreementSigned).SingleAsync()));
    }

    [Fact]
    public async Task PcnPage_ManyChangeRequests_ShowsTheLatest25_WithALinkToAll()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        for (var i = 1; i <= 30; i++)
        {
            await factory.Data.CreateChangeRequestAsync(pcn, $"Request number {i:00}", submittedAt: new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(i));
        }

        var contracts = await ContractsAsync();

        var page = await contracts.GetDocumentAsync($"/pcns/{pcn.Code}");
        var all = await contracts.GetDocumentAsync($"/pcns/{pcn.Code}?requests=all");

        var rows = page.QuerySelectorAll("#requests tbody tr");
        Assert.Equal(PcnPortal.Web.Pages.Pcns.DetailsModel.RecentRequests, rows.Length);
        Assert.Contains("Request number 30", rows[0].TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Request number 05", page.QuerySelector("#requests")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Showing the latest 25 of 30 change requests", page.QuerySelector("#requests-more")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#requests-more a[href='/pcns/{pcn.Code}?requests=all#requests']"));
        Assert.Equal(30, all.QuerySelectorAll("#requests tbody tr").Length);
        Assert.Null(all.QuerySelector("#requests-more"));
    }

    [Fact]
    public async Task ChangeRequest_FutureDated_AppliedWhenDue()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var future = new DateOnly(2099, 4, 1);
        var id = await factory.Data.CreateChangeRequestAsync(pcn, effectiveDate: future);
        var contracts = await ContractsAsync();

        await contracts.SubmitFormAsync($"/pcns/changes/{id}", new Dictionary<string, string>(), "main form[action*=Approve]");
        Assert.Null(await factory.WithDbAsync(db => db.Pcns.Where(p => p.Id == pcn.Id).Select(p => p.NominatedPayeeCode).SingleAsync()));

        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ChangeRequestService>().ApplyDueAsync(future);
        Assert.Equal("Y12345", await factory.WithDbAsync(db => db.Pcns.Where(p => p.Id == pcn.Id).Select(p => p.NominatedPayeeCode).SingleAsync()));
        Assert.Equal(future, await factory.WithDbAsync(db => db.PcnChangeRequests.Where(r => r.Id == id).Select(r => r.AppliedOn).SingleAsync()));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync("/pcns/import");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "Upload", fileName);
        return await client.PostAsync("/pcns/import", form);
    }

    [Fact]
    public async Task Upload_Epcn_ShowsSummaryAndWarningPcns_WrongTypeAndOversizeRefused_MalformedListsProblems()
    {
        var client = await ContractsAsync();
        string a = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = XlsxFixtureWriter.Vintage2019([[a, "Alder Vale PCN", "99Z", "X", 20190701, null]], [[pa, "ALDER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0]]).ToArray();

        var ok = await UploadAsync(client, "ePCN.xlsx", workbook);
        var document = await ok.ReadDocumentAsync();
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("1 created", document.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(a, document.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);

        var wrongType = await UploadAsync(client, "notes.pdf", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Contains((await wrongType.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("not a file the portal can import", StringComparison.Ordinal));

        var tooBig = await UploadAsync(client, "big.csv", new byte[21 * 1024 * 1024]);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains((await tooBig.ReadDocumentAsync()).ErrorSummary(), e => e.Contains("20 MB or less", StringComparison.Ordinal));

        var malformed = await UploadAsync(client, "ePCN.xlsx", XlsxFixtureWriter.Vintage2019([[TestData.NewPcnCode(), "Bad PCN", "99Z", "X", "not a date", null]], []).ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var problems = (await malformed.ReadDocumentAsync()).QuerySelector("#problems")!.TextContent;
        Assert.Contains("PCNDetails", problems, StringComparison.Ordinal);
        Assert.Contains("Open Date", problems, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_PcnManager_Forbidden()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var response = await manager.PostAsync("/pcns/import", new ByteArrayContent(NationalFileGenerator.CreateListSizeCsv(new NationalFileOptions { PcnCount = 1, PracticeCount = 1 })));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AsAt_TypedInTheNhsDateBoxes_ShowsTheRegisterAndThePcnOnThatDate()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = await ContractsAsync();

        var register = await client.GetDocumentAsync($"/pcns?AsAtDate.Day=1&AsAtDate.Month=6&AsAtDate.Year=2019&Scope=all&Status=not-yet-open&Sort=name");
        var details = await client.GetDocumentAsync($"/pcns/{pcn.Code}?AsAtDate.Day=1&AsAtDate.Month=6&AsAtDate.Year=2019");

        Assert.Contains("as at 1 June 2019", register.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["1", "6", "2019"], new[] { "#AsAtDate_Day", "#AsAtDate_Month", "#AsAtDate_Year" }.Select(id => register.QuerySelector(id)!.GetAttribute("value")));
        Assert.Null(register.QuerySelector("input[type=date]"));
        Assert.Contains("Status on 1 Jun 2019", details.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(details.QuerySelector("input[type=date]"));
    }

    [Fact]
    public async Task AsAt_NotARealDate_SaysSoOnTheBoxes_AndShowsToday()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = await ContractsAsync();

        var register = await client.GetDocumentAsync("/pcns?AsAtDate.Day=31&AsAtDate.Month=2&AsAtDate.Year=2024");
        var details = await client.GetDocumentAsync($"/pcns/{pcn.Code}?AsAtDate.Day=&AsAtDate.Month=13&AsAtDate.Year=2024");

        Assert.Equal(["The as-at date must be a real date"], register.ErrorSummary());
        Assert.Equal("31", register.QuerySelector("#AsAtDate_Day")!.GetAttribute("value"));
        Assert.Equal(["The as-at date must include a day"], details.ErrorSummary());
        Assert.NotNull(details.QuerySelector("#AsAtDate_Day.nhsuk-input--error"));
    }
}

public sealed class RegisterCsvCellTests
{
    [Theory]
    [InlineData("Riverside PCN", "Riverside PCN")]
    [InlineData("=SUM(A1) PCN", "'=SUM(A1) PCN")]
    [InlineData("+44 PCN", "'+44 PCN")]
    [InlineData("-1 PCN", "'-1 PCN")]
    [InlineData("@cmd PCN", "'@cmd PCN")]
    [InlineData("Bath, North PCN", "\"Bath, North PCN\"")]
    [InlineData("=A1,B2", "\"'=A1,B2\"")]
    public void CsvCell_NeutralisesFormulaeAndQuotes(string value, string expected) =>
        Assert.Equal(expected, PcnPortal.Web.Infrastructure.Files.CsvCells.Cell(value));
}

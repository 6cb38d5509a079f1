using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Maturity;

public sealed class MaturityPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static int _year = 2040;

    private static int NextYear() => Interlocked.Increment(ref _year);

    /// <summary>A round for a fresh year with a Not started return for each given PCN; returns the round id and return ids by PCN code.</summary>
    private async Task<(int RoundId, Dictionary<string, int> Returns)> CreateRoundAsync(int year, DateOnly due, params Pcn[] pcns) =>
        await factory.WithDbAsync(async db =>
        {
            var matrix = await db.MatrixVersions.OrderBy(v => v.Id).FirstAsync();
            var round = new AssessmentRound { YearStart = year, DueDate = due, MatrixVersionId = matrix.Id, OpenedBy = "test", OpenedAt = DateTime.UtcNow };
            foreach (var pcn in pcns)
            {
                round.Returns.Add(new MaturityReturn { PcnId = pcn.Id, Status = MaturityReturnStatus.NotStarted });
            }

            db.AssessmentRounds.Add(round);
            await db.SaveChangesAsync();
            return (round.Id, round.Returns.ToDictionary(r => pcns.First(p => p.Id == r.PcnId).Code, r => r.Id));
        });

    private static Dictionary<string, string> Answer(string position, string evidence = "We have a shared plan.") => new()
    {
        ["Input.Position"] = position,
        ["Input.Evidence"] = evidence,
        ["Input.WhatWorkedWell"] = "Joint meetings",
    };

    private async Task<(Pcn Pcn, TestUser Manager, int ReturnId, int RoundId)> ReturnForManagerAsync(DateOnly? due = null)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var (roundId, returns) = await CreateRoundAsync(NextYear(), due ?? new DateOnly(2099, 12, 31), pcn);
        return (pcn, manager, returns[pcn.Code], roundId);
    }

    private Task<MaturityReturn> LoadReturnAsync(int id) =>
        factory.WithDbAsync(db => db.MaturityReturns.Include(r => r.Answers).AsNoTracking().FirstAsync(r => r.Id == id));

    [Fact]
    public async Task DefaultMatrix_IsSeededAtStartUp_WithEveryCell()
    {
        var cells = await factory.WithDbAsync(db => db.MatrixDescriptors.CountAsync(d => d.MatrixVersion!.Name == MaturityMatrix.DefaultName));

        Assert.Equal(20, cells);
    }

    [Fact]
    public async Task OpenRound_CreatesAReturnForEveryOpenPcnInTheCcg_AndTrackerShowsReceived()
    {
        var open = await factory.Data.CreatePcnAsync();
        var otherCcg = await factory.Data.CreatePcnAsync(ccgCode: "11X");
        var admin = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var client = factory.CreateClientFor(admin);
        var year = NextYear();

        var response = await client.SubmitFormAsync("/maturity/rounds/open", new Dictionary<string, string>
        {
            ["Input.Year"] = $"{year}/{(year + 1) % 100:00}",
            ["Input.DueDay"] = "30",
            ["Input.DueMonth"] = "9",
            ["Input.DueYear"] = $"{year}",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pcnCodes = await factory.WithDbAsync(db => db.MaturityReturns.Where(r => r.Round!.YearStart == year).Select(r => r.Pcn!.Code).ToListAsync());
        Assert.Contains(open.Code, pcnCodes);
        Assert.DoesNotContain(otherCcg.Code, pcnCodes);
        var tracker = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Equal($"0 of {pcnCodes.Count} received", tracker.QuerySelector("#received")!.TextContent.Trim());
        Assert.NotNull(tracker.QuerySelector($"#tracker tr[data-pcn='{open.Code}']"));
    }

    [Fact]
    public async Task OpenRound_SecondRoundForTheSameYear_ShowsError()
    {
        await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        var year = NextYear();
        var form = new Dictionary<string, string>
        {
            ["Input.Year"] = $"{year}/{(year + 1) % 100:00}",
            ["Input.DueDay"] = "1",
            ["Input.DueMonth"] = "10",
            ["Input.DueYear"] = $"{year}",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/maturity/rounds/open", form)).StatusCode);

        var again = await client.SubmitFormAsync("/maturity/rounds/open", form);

        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(await again.ReadDocumentAsync() is var doc ? doc.ErrorSummary() : [], m => m.Contains("already open", StringComparison.Ordinal));
        Assert.Equal(1, await factory.WithDbAsync(db => db.AssessmentRounds.CountAsync(r => r.YearStart == year)));
    }

    [Fact]
    public async Task OpenRound_BadYearAndDate_ShowsBothErrors()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var response = await client.SubmitFormAsync("/maturity/rounds/open", new Dictionary<string, string>
        {
            ["Input.Year"] = "2021/23",
            ["Input.DueDay"] = "31",
            ["Input.DueMonth"] = "2",
            ["Input.DueYear"] = "2022",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter the financial year in the format 2021/22", errors);
        Assert.Contains(errors, e => e.StartsWith("The due date must be a real date", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/maturity/rounds/open")]
    [InlineData("/maturity/rounds/{round}")]
    [InlineData("/maturity/rounds/{round}/report")]
    [InlineData("/maturity/rounds/{round}/export")]
    [InlineData("/maturity/returns/{return}/review")]
    [InlineData("/maturity/matrix")]
    public async Task CommissionerPages_AreForbiddenToPcnUsers(string url)
    {
        var (_, manager, returnId, roundId) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);

        var response = await client.GetAsync(url.Replace("{round}", roundId.ToString(), StringComparison.Ordinal).Replace("{return}", returnId.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task PcnUser_CannotOpenOrChangeAnotherPcnsReturn()
    {
        var (_, _, otherReturn, _) = await ReturnForManagerAsync();
        var (_, manager, _, _) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/maturity/returns/{otherReturn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/maturity/returns/{otherReturn}/domains/LPP")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/maturity/returns/{otherReturn}/check")).StatusCode);
    }

    [Fact]
    public async Task Manager_SavesDraft_ComesBack_AndSeesTheAnswer()
    {
        var (_, manager, id, _) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);
        var page = await client.GetDocumentAsync($"/maturity/returns/{id}/domains/PHM");
        Assert.Equal(4, page.QuerySelectorAll("#descriptors .app-descriptor").Length);
        Assert.Equal(9, page.QuerySelectorAll("input[name='Input.Position']").Length);

        var response = await client.SubmitFormAsync($"/maturity/returns/{id}/domains/PHM", Answer("S1-S2", "Frailty cohort identified"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/maturity/returns/{id}", response.Headers.Location!.OriginalString);
        var again = await client.GetDocumentAsync($"/maturity/returns/{id}/domains/PHM");
        Assert.True(again.QuerySelector("#Input_Position_S1-S2")!.HasAttribute("checked"));
        Assert.Equal("Frailty cohort identified", again.QuerySelector("#Input_Evidence")!.TextContent);
        var stored = await LoadReturnAsync(id);
        Assert.Equal(MaturityReturnStatus.InProgress, stored.Status);
        var list = await client.GetDocumentAsync($"/maturity/returns/{id}");
        Assert.Contains("Completed", list.QuerySelector("#status-PHM")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Not started", list.QuerySelector("#status-LPP")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDomain_TextOverLimit_ShowsMessage_AndSavesNothing()
    {
        var (_, manager, id, _) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);

        var response = await client.SubmitFormAsync($"/maturity/returns/{id}/domains/LPP", Answer("F", new string('x', MaturityTextLimits.Evidence + 5)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await response.ReadDocumentAsync();
        Assert.Contains("Evidence must be 1,000 characters or fewer; it is 5 too long.", doc.ErrorSummary());
        Assert.NotNull(doc.QuerySelector("#Input_Evidence-error"));
        Assert.Empty((await LoadReturnAsync(id)).Answers);
    }

    [Fact]
    public async Task SaveDomain_NotAssessedWithoutReason_AndUnknownPosition_ShowErrors()
    {
        var (_, manager, id, _) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);

        var noReason = await client.SubmitFormAsync($"/maturity/returns/{id}/domains/LPP", Answer("NA"));
        var unknown = await client.SubmitFormAsync($"/maturity/returns/{id}/domains/LPP", Answer("S4"));

        Assert.Contains("Enter why this domain is not assessed", (await noReason.ReadDocumentAsync()).ErrorSummary());
        Assert.Contains("Select a position from the list", (await unknown.ReadDocumentAsync()).ErrorSummary());
        Assert.Empty((await LoadReturnAsync(id)).Answers);
    }

    [Fact]
    public async Task Submit_Incomplete_ListsTheMissingDomains()
    {
        var (_, manager, id, _) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);
        await client.SubmitFormAsync($"/maturity/returns/{id}/domains/LPP", Answer("S1"));
        await client.SubmitFormAsync($"/maturity/returns/{id}/domains/INT", Answer("F-S1"));

        var response = await client.SubmitFormAsync($"/maturity/returns/{id}/check", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Equal(
            ["Choose a position for Use of data and population health management", "Choose a position for Managing resources", "Choose a position for Working in partnership with people and communities"],
            errors);
        Assert.Equal(MaturityReturnStatus.InProgress, (await LoadReturnAsync(id)).Status);
    }

    [Fact]
    public async Task Manager_CompletesAndSubmits_ThenReturnIsReadOnly()
    {
        var (_, manager, id, _) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);
        foreach (var (domain, position) in new[] { ("LPP", "S1"), ("PHM", "S1-S2"), ("INT", "S2"), ("RES", "NA"), ("PPC", "F") })
        {
            var values = Answer(position);
            values["Input.NotAssessedReason"] = "Finance lead started in September";
            Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/maturity/returns/{id}/domains/{domain}", values)).StatusCode);
        }

        var check = await client.GetDocumentAsync($"/maturity/returns/{id}/check");
        Assert.Contains("Finance lead started in September", check.QuerySelector("#domain-RES + dl")!.TextContent, StringComparison.Ordinal);
        var response = await client.SubmitFormAsync($"/maturity/returns/{id}/check", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await LoadReturnAsync(id);
        Assert.Equal(MaturityReturnStatus.Submitted, stored.Status);
        Assert.NotNull(stored.SubmittedOn);
        var view = await client.GetDocumentAsync($"/maturity/returns/{id}");
        Assert.Null(view.QuerySelector("#task-list"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync($"/maturity/returns/{id}/domains/LPP")).StatusCode);
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Position"] = "S3" });
        var post = await client.PostAsync($"/maturity/returns/{id}/domains/LPP", form);
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(MaturityPosition.Step1, (await LoadReturnAsync(id)).Answers.Single(a => a.Domain == MaturityDomain.LeadershipPlanningAndPartnerships).Position);
    }

    [Fact]
    public async Task Submit_AfterDueDate_IsAllowedButFlaggedLate()
    {
        var (_, manager, id, roundId) = await ReturnForManagerAsync(due: new DateOnly(2020, 1, 31));
        var client = factory.CreateClientFor(manager);
        foreach (var domain in MaturityDomains.All)
        {
            await client.SubmitFormAsync($"/maturity/returns/{id}/domains/{domain.Code()}", Answer("F"));
        }

        var check = await client.GetDocumentAsync($"/maturity/returns/{id}/check");
        Assert.NotNull(check.QuerySelector("#late-warning"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"/maturity/returns/{id}/check", new Dictionary<string, string>())).StatusCode);

        var commissioner = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var tracker = await commissioner.GetDocumentAsync($"/maturity/rounds/{roundId}");
        Assert.Contains("Submitted late", tracker.QuerySelector("#tracker tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1 of 1 received", tracker.QuerySelector("#received")!.TextContent.Trim());
    }

    [Fact]
    public async Task Tracker_HighlightsOverdueReturns()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var (roundId, _) = await CreateRoundAsync(NextYear(), new DateOnly(2020, 1, 31), pcn);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var tracker = await client.GetDocumentAsync($"/maturity/rounds/{roundId}");

        var row = tracker.QuerySelector($"#tracker tr[data-pcn='{pcn.Code}']")!;
        Assert.Contains("app-row--overdue", row.ClassName, StringComparison.Ordinal);
        Assert.Contains("Overdue", row.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConcurrentEdits_SecondSaveIsToldAndShownTheLatest()
    {
        var (pcn, manager, id, _) = await ReturnForManagerAsync();
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var first = factory.CreateClientFor(manager);
        var second = factory.CreateClientFor(director);
        var url = $"/maturity/returns/{id}/domains/LPP";
        var firstForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await first.GetDocumentAsync(url)).QuerySelector("main form[method=post]")!;
        var secondForm = (AngleSharp.Html.Dom.IHtmlFormElement)(await second.GetDocumentAsync(url)).QuerySelector("main form[method=post]")!;

        var saved = await first.SubmitAsync(firstForm, url, Answer("S2", "Manager's evidence"));
        var stale = await second.SubmitAsync(secondForm, url, Answer("F", "Director's evidence"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var doc = await stale.ReadDocumentAsync();
        Assert.Contains("changed this return while you were editing", doc.QuerySelector("#conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Manager's evidence", doc.QuerySelector("#Input_Evidence")!.TextContent);
        Assert.True(doc.QuerySelector("#Input_Position_S2")!.HasAttribute("checked"));
        var answer = (await LoadReturnAsync(id)).Answers.Single();
        Assert.Equal(MaturityPosition.Step2, answer.Position);
        Assert.Equal("Manager's evidence", answer.Evidence);

        // Saving again from the refreshed form works.
        var retry = await second.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)doc.QuerySelector("main form[method=post]")!, url, Answer("S2", "Both agree"));
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
    }

    [Fact]
    public async Task Review_RecordsMeeting_MarksReviewed_AndPcnSeesSummary()
    {
        var (_, manager, id, roundId) = await ReturnForManagerAsync();
        var pcnClient = factory.CreateClientFor(manager);
        foreach (var domain in MaturityDomains.All)
        {
            await pcnClient.SubmitFormAsync($"/maturity/returns/{id}/domains/{domain.Code()}", Answer("S1"));
        }

        await pcnClient.SubmitFormAsync($"/maturity/returns/{id}/check", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, (await pcnClient.GetAsync($"/maturity/returns/{id}/review")).StatusCode);
        var commissioner = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var bad = await commissioner.SubmitFormAsync($"/maturity/returns/{id}/review", new Dictionary<string, string> { ["Input.Day"] = "", ["Input.Summary"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(3, (await bad.ReadDocumentAsync()).ErrorSummary().Count);

        var response = await commissioner.SubmitFormAsync($"/maturity/returns/{id}/review", new Dictionary<string, string>
        {
            ["Input.Day"] = "14",
            ["Input.Month"] = "10",
            ["Input.Year"] = "2022",
            ["Input.Attendees"] = "CCG lead, clinical director, PCN manager",
            ["Input.Agreed[PHM]"] = "F-S1",
            ["Input.Summary"] = "Strong partnership working; data use still developing.",
            ["Input.Actions"] = "Book PHM analyst support.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await LoadReturnAsync(id);
        Assert.Equal(MaturityReturnStatus.Reviewed, stored.Status);
        Assert.Equal(new DateOnly(2022, 10, 14), stored.ReviewMeetingDate);
        Assert.Equal(MaturityPosition.FoundationToStep1, stored.Answers.Single(a => a.Domain == MaturityDomain.DataAndPopulationHealthManagement).AgreedPosition);
        Assert.All(stored.Answers.Where(a => a.Domain != MaturityDomain.DataAndPopulationHealthManagement), a => Assert.Null(a.AgreedPosition));
        var seen = await pcnClient.GetDocumentAsync($"/maturity/returns/{id}");
        Assert.Contains("Strong partnership working", seen.QuerySelector("#review-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Agreed at review: Foundation/Step 1", seen.QuerySelector("#domain-PHM + dl")!.TextContent, StringComparison.Ordinal);

        var report = await factory.Services.CreateScope().ServiceProvider.GetRequiredService<MaturityReportQuery>().ForRoundAsync(roundId);
        Assert.Equal(MaturityPosition.FoundationToStep1, report!.Grid.Rows.Single(r => r.Domain == MaturityDomain.DataAndPopulationHealthManagement).Cells.Single());
    }

    [Fact]
    public async Task Report_ShowsHeatmapCountsAndMovement_AgainstThePreviousRound()
    {
        var a = await factory.Data.CreatePcnAsync();
        var b = await factory.Data.CreatePcnAsync();
        var earlierYear = NextYear();
        var laterYear = NextYear();
        var (_, earlier) = await CreateRoundAsync(earlierYear, new DateOnly(2099, 1, 1), a, b);
        var (laterRound, later) = await CreateRoundAsync(laterYear, new DateOnly(2099, 1, 1), a, b);
        await factory.WithDbAsync(async db =>
        {
            void Set(int returnId, MaturityPosition p)
            {
                var r = db.MaturityReturns.Include(x => x.Answers).Single(x => x.Id == returnId);
                r.Status = MaturityReturnStatus.Submitted;
                r.SubmittedOn = new DateOnly(2030, 1, 1);
                foreach (var d in MaturityDomains.All)
                {
                    r.Answers.Add(new MaturityAnswer { Domain = d, Position = p, NotAssessedReason = p == MaturityPosition.NotAssessed ? "new" : null });
                }
            }

            Set(earlier[a.Code], MaturityPosition.Foundation);
            Set(earlier[b.Code], MaturityPosition.Step1);
            Set(later[a.Code], MaturityPosition.Step1To2);
            Set(later[b.Code], MaturityPosition.Step1);
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));

        var doc = await client.GetDocumentAsync($"/maturity/rounds/{laterRound}/report");

        var heatRows = doc.QuerySelectorAll("#heatmap tbody tr");
        Assert.Equal(2, heatRows.Length);
        Assert.All(heatRows, r => Assert.Equal("row", r.QuerySelector("th")!.GetAttribute("scope")));
        var cell = heatRows.First(r => r.TextContent.Contains(a.Code, StringComparison.Ordinal)).QuerySelectorAll("td")[0];
        Assert.Equal("Step 1/2", cell.TextContent.Trim());
        Assert.Contains("app-heat--s1-s2", cell.ClassName, StringComparison.Ordinal);
        var countRow = doc.QuerySelectorAll("#counts tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("1", countRow[MaturityPositions.All.ToList().IndexOf(MaturityPosition.Step1)]);
        Assert.Equal("1", countRow[MaturityPositions.All.ToList().IndexOf(MaturityPosition.Step1To2)]);
        var domainMovement = doc.QuerySelectorAll("#movement-domains tbody tr")[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["1", "1", "0", "0"], domainMovement);
    }

    [Fact]
    public async Task Export_IsCsvWithOneRowPerPcnAndDomain_AndNeutralisesFormulas()
    {
        var (_, manager, id, roundId) = await ReturnForManagerAsync();
        var client = factory.CreateClientFor(manager);
        await client.SubmitFormAsync($"/maturity/returns/{id}/domains/LPP", Answer("S1", "=HYPERLINK(\"http://evil\")"));
        await client.SubmitFormAsync($"/maturity/returns/{id}/domains/PHM", Answer("F", "+1, -2 and @3"));
        var commissioner = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));

        var response = await commissioner.GetAsync($"/maturity/rounds/{roundId}/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF');
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', MaturityRoundExporter.Header), lines[0]);
        Assert.Equal(6, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'+1, -2 and @3\"", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(",=", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("-5", "'-5")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData(null, "")]
    public void ExportCell_QuotesAndNeutralises(string? value, string expected) => Assert.Equal(expected, PcnPortal.Web.Infrastructure.Files.CsvCells.Cell(value));

    [Fact]
    public async Task LastYearsReturn_IsShownAlongside()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var (_, earlier) = await CreateRoundAsync(NextYear(), new DateOnly(2099, 1, 1), pcn);
        var (_, later) = await CreateRoundAsync(NextYear(), new DateOnly(2099, 1, 1), pcn);
        await factory.WithDbAsync(async db =>
        {
            var r = await db.MaturityReturns.FirstAsync(x => x.Id == earlier[pcn.Code]);
            r.Status = MaturityReturnStatus.Reviewed;
            r.Answers.Add(new MaturityAnswer { Domain = MaturityDomain.IntegratingCare, Position = MaturityPosition.Foundation, Evidence = "Last year's evidence" });
            await db.SaveChangesAsync();
        });

        var doc = await factory.CreateClientFor(manager).GetDocumentAsync($"/maturity/returns/{later[pcn.Code]}/domains/INT");

        Assert.Contains("Foundation", doc.QuerySelector("#last-year")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Last year's evidence", doc.QuerySelector("#last-year")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PcnUser_SeesOnlyTheirOwnReturnsOnTheMaturityPage()
    {
        var (_, manager, id, _) = await ReturnForManagerAsync();
        var (_, _, otherId, _) = await ReturnForManagerAsync();

        var doc = await factory.CreateClientFor(manager).GetDocumentAsync("/maturity");

        Assert.NotNull(doc.QuerySelector($"a[href='/maturity/returns/{id}']"));
        Assert.Null(doc.QuerySelector($"a[href='/maturity/returns/{otherId}']"));
        Assert.Null(doc.QuerySelector("a[href='/maturity/rounds/open']"));
    }

    [Fact]
    public async Task Admin_AddsAVersionForAYear_AndEditsADescriptor()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));
        var year = NextYear();

        var added = await client.SubmitFormAsync("/maturity/matrix", new Dictionary<string, string> { ["Year"] = $"{year}/{(year + 1) % 100:00}" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var url = added.Headers.Location!.OriginalString;
        var empty = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Cells[INT-3-pcns]"] = " " });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["Enter the descriptor for Integrating care, Step 2, For PCNs"], (await empty.ReadDocumentAsync()).ErrorSummary());
        var saved = await client.SubmitFormAsync(url, new Dictionary<string, string> { ["Cells[INT-3-pcns]"] = "Integrated teams cover most groups." });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var cells = await factory.WithDbAsync(db => db.MatrixDescriptors.Where(d => d.MatrixVersion!.FromYear == year).ToListAsync());
        Assert.Equal(20, cells.Count);
        Assert.Equal("Integrated teams cover most groups.", cells.Single(c => c.Domain == MaturityDomain.IntegratingCare && c.Step == MaturityStep.Step2).ForPcns);
        var duplicate = await client.SubmitFormAsync("/maturity/matrix", new Dictionary<string, string> { ["Year"] = $"{year}" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
    }

    [Fact]
    public async Task MatrixPages_AreForbiddenToCommissionersWhoAreNotAdministrators()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/maturity/matrix")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/maturity/matrix/1")).StatusCode);
    }
}

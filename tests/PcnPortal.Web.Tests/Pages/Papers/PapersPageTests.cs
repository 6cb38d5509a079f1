using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;
using PcnPortal.Web.Tests.Infrastructure.Pdf;
using Xunit;

namespace PcnPortal.Web.Tests.Pages.Papers;

public sealed class PapersPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string MarkedUpTitle = "PCN update <b>bold</b> <script>x</script>";

    [Fact]
    public async Task PcnManager_IsForbiddenFromPapers()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/papers")).StatusCode);
    }

    [Fact]
    public async Task FinanceUser_CanReadButNotEdit()
    {
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, complete: true, withContent: true);
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var doc = await client.GetDocumentAsync($"/papers/{paperId}");
        Assert.Contains("Background", doc.Body!.TextContent);
        Assert.Null(doc.QuerySelector($"a[href='/papers/{paperId}/edit']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/papers/{paperId}/edit")).StatusCode);

        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var form = await secretary.GetDocumentAsync($"/papers/{paperId}");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var sectionId = await factory.WithDbAsync(db => db.PaperSections.Where(s => s.PaperId == paperId).Select(s => s.Id).FirstAsync());
        var post = await client.PostAsync($"/papers/{paperId}?handler=Remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["sectionId"] = sectionId.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest, $"Got {post.StatusCode}");
        Assert.Equal(4, await factory.WithDbAsync(db => db.PaperSections.CountAsync(s => s.PaperId == paperId)));
    }

    [Fact]
    public async Task PartTwoPaper_IsHiddenFromOtherCommissioners()
    {
        var (_, paperId) = await factory.Data.CreatePaperAsync("Confidential contract matter", complete: true, withContent: true, partTwo: true);
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        Assert.Equal(HttpStatusCode.NotFound, (await contracts.GetAsync($"/papers/{paperId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await contracts.GetAsync($"/papers/{paperId}/pdf")).StatusCode);
        Assert.DoesNotContain("Confidential contract matter", (await contracts.GetDocumentAsync("/papers")).Body!.TextContent);

        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        Assert.Contains("Confidential contract matter", (await secretary.GetDocumentAsync("/papers")).Body!.TextContent);
        var pdf = await (await secretary.GetAsync($"/papers/{paperId}/pdf")).Content.ReadAsByteArrayAsync();
        var pages = int.Parse(Poppler.RunOn(pdf, "pdfinfo").Split('\n').First(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
        for (var page = 1; page <= pages; page++)
        {
            Assert.Contains("PART II", Poppler.Text(pdf, page));
        }
    }

    [Fact]
    public async Task Secretary_CreatesMeetingPaperSectionsAndRisk()
    {
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var response = await secretary.SubmitFormAsync("/papers/meetings/add", new Dictionary<string, string>
        {
            ["Input.CommitteeName"] = "PCCC journey test",
            ["Input.Date.Day"] = "24",
            ["Input.Date.Month"] = "11",
            ["Input.Date.Year"] = "2026",
            ["Input.Time"] = "10am",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var meetingId = await factory.WithDbAsync(db => db.CommitteeMeetings.Where(m => m.CommitteeName == "PCCC journey test").Select(m => m.Id).SingleAsync());

        response = await secretary.SubmitFormAsync($"/papers/add?meetingId={meetingId}", new Dictionary<string, string>
        {
            ["Input.AgendaNumber"] = "4",
            ["Input.Title"] = "Journey paper",
            ["Input.Purpose"] = "Information",
            ["Input.KeyPoints"] = "- one\n- two",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var paperId = await factory.WithDbAsync(db => db.CommitteePapers.Where(p => p.Title == "Journey paper").Select(p => p.Id).SingleAsync());

        response = await secretary.SubmitFormAsync($"/papers/{paperId}/sections/add", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Data",
            ["Input.DataKey"] = "pcn-register",
            ["Input.AsAt"] = "2026-11-01",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join("; ", (await response.ReadDocumentAsync()).ErrorSummary()));
        response = await secretary.SubmitFormAsync($"/papers/{paperId}/sections/add", new Dictionary<string, string> { ["Input.Kind"] = "Text", ["Input.Title"] = "Intro", ["Input.Body"] = "Hello" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var details = await secretary.GetDocumentAsync($"/papers/{paperId}");
        var token = details.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var introId = await factory.WithDbAsync(db => db.PaperSections.Where(s => s.PaperId == paperId && s.Title == "Intro").Select(s => s.Id).SingleAsync());
        response = await secretary.PostAsync($"/papers/{paperId}?handler=MoveUp", new FormUrlEncodedContent(new Dictionary<string, string> { ["sectionId"] = introId.ToString(), ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = await factory.WithDbAsync(db => db.PaperSections.Where(s => s.PaperId == paperId).OrderBy(s => s.Position).Select(s => s.Title).ToListAsync());
        Assert.Equal(["Intro", "PCN register summary"], order);

        response = await secretary.SubmitFormAsync($"/papers/{paperId}/risks/add", new Dictionary<string, string>
        {
            ["Input.Risk"] = "Risk",
            ["Input.Mitigations"] = "Act",
            ["Input.CurrentLikelihood"] = "6",
            ["Input.CurrentImpact"] = "4",
            ["Input.TargetLikelihood"] = "2",
            ["Input.TargetImpact"] = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Current likelihood must be a whole number from 1 to 5", errors);
        Assert.Contains("Target impact must be a whole number from 1 to 5", errors);
        Assert.Equal(0, await factory.WithDbAsync(db => db.PaperRisks.CountAsync(r => r.PaperId == paperId)));

        var list = await secretary.GetDocumentAsync("/papers");
        Assert.Contains("Journey paper", list.Body!.TextContent);
        var preview = await secretary.GetDocumentAsync($"/papers/{paperId}/preview");
        Assert.Contains("PCNs, practices and populations as at 1 November 2026", preview.Body!.TextContent);
    }

    [Fact]
    public async Task Finalise_WithMissingCoverFields_ListsThemAndSavesNothing()
    {
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, withContent: true);
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        foreach (var field in CoverSheet.Fields.Where(f => f.Required))
        {
            Assert.Contains($"Enter '{field.Label}' on the cover sheet before finalising", errors);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.FinalisedPaperVersions.CountAsync(v => v.PaperId == paperId)));
        Assert.Equal(PaperStatus.Draft, await factory.WithDbAsync(db => db.CommitteePapers.Where(p => p.Id == paperId).Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task Finalise_WithAnEmptyDataSection_IsRefusedUntilAcknowledged_AndThePaperSaysSo()
    {
        await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, complete: true, withContent: true); // its "Funding" section has no DES rates for 2031/32
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));

        var page = await secretary.GetDocumentAsync($"/papers/{paperId}/finalise");
        var pageText = string.Join(' ', page.Body!.TextContent.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.True(pageText.Contains("“Funding” has no data: No DES funding rates are held for 2031/32", StringComparison.Ordinal), pageText);

        var response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.ReadDocumentAsync()).ErrorSummary(), e => e.StartsWith("Some sections are empty or use figures that are not published", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.FinalisedPaperVersions.CountAsync(v => v.PaperId == paperId)));
        Assert.Equal(PaperStatus.Draft, await factory.WithDbAsync(db => db.CommitteePapers.Where(p => p.Id == paperId).Select(p => p.Status).SingleAsync()));

        response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string> { ["AcknowledgeUnverified"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pdf = await (await secretary.GetAsync($"/papers/{paperId}/pdf?version=1")).Content.ReadAsByteArrayAsync();
        var flat = string.Join(' ', Poppler.Text(pdf).Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Figures not verified. The committee secretary finalised this paper acknowledging", flat);
        Assert.Contains("“Funding” has no data: No DES funding rates are held for 2031/32", flat);
    }

    [Fact]
    public async Task Finalise_WithReportedFigures_NeedsTheAcknowledgement_AndThePaperNamesWhatIsNotPublished()
    {
        await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var (_, paperId) = await factory.Data.CreatePaperAsync("DES funding 2021/22", complete: true);
        await factory.WithDbAsync(async db =>
        {
            // The seeded 2021/22 DES rates are all reported from secondary sources (BMA), none published.
            db.PaperSections.Add(new PaperSection { PaperId = paperId, Position = 1, Kind = PaperSectionKind.Data, Title = "DES funding", DataKey = "des-funding", AsAt = new DateOnly(2021, 11, 1) });
            await db.SaveChangesAsync();
        });
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        const string Reason = "“DES funding”: reported from a secondary source, not a primary publication (the DES payment rates for Core PCN funding, Clinical director";

        var page = await secretary.GetDocumentAsync($"/papers/{paperId}/finalise");
        var pageText = string.Join(' ', page.Body!.TextContent.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.True(pageText.Contains(Reason, StringComparison.Ordinal), pageText);

        var response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.FinalisedPaperVersions.CountAsync(v => v.PaperId == paperId)));

        response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string> { ["AcknowledgeUnverified"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var pdf = await (await secretary.GetAsync($"/papers/{paperId}/pdf?version=1")).Content.ReadAsByteArrayAsync();
        var flat = string.Join(' ', Poppler.Text(pdf).Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Figures not verified.", flat);
        Assert.Contains(Reason, flat);
    }

    [Fact]
    public async Task ExportedPdf_HasMetadataCoverTextHeadersAndLiteralMarkup()
    {
        await factory.Data.CreatePcnAsync(practiceListSizes: [20_000, 15_000]);
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, complete: true, withContent: true);
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var response = await secretary.GetAsync($"/papers/{paperId}/pdf");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("inline", response.Content.Headers.ContentDisposition!.ToString());
        Assert.Contains("pcn-update", response.Content.Headers.ContentDisposition!.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        var info = Poppler.RunOn(pdf, "pdfinfo");
        Assert.Contains("Title:           PCN update <b>bold</b> <script>x</script>", info);
        Assert.Contains("Subject:         Primary Care Commissioning Committee, 24 November 2026, agenda item 7", info);
        Assert.Contains("Author:", info);
        var pages = int.Parse(info.Split('\n').First(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
        Assert.InRange(pages, 2, 10);

        var text = Poppler.Text(pdf);
        var flat = string.Join(' ', text.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        var paper = await factory.WithDbAsync(db => db.CommitteePapers.SingleAsync(p => p.Id == paperId));
        foreach (var field in CoverSheet.Fields)
        {
            Assert.Contains(field.Read(paper)!.Split('\n')[0], flat);
        }

        foreach (var header in new[] { "PCN", "Locality", "Practices", "Registered", "Weighted", "Rule warnings", "Risk", "Mitigating actions", "Current score", "Target score" })
        {
            Assert.Contains(header, flat);
        }

        Assert.Contains("Plain <b>not bold</b> text", flat);
        Assert.Contains("Agenda item: 7", Poppler.Text(pdf, pages));
        Assert.Contains($"Page {pages} of {pages}", Poppler.Text(pdf, pages));
        Assert.Contains("No DES funding rates are held for 2031/32", flat);
        Assert.Contains("Contents", flat);
    }

    [Fact]
    public async Task FinalisedPdf_IsByteForByte_AfterDataChanges_AndEditingStartsNewVersion()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [21_111]);
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, complete: true, withContent: true);
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string> { ["AcknowledgeUnverified"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var first = await (await secretary.GetAsync($"/papers/{paperId}/pdf?version=1")).Content.ReadAsByteArrayAsync();
        Assert.Contains("21,111", Poppler.Text(first));

        await factory.WithDbAsync(async db =>
        {
            var sizes = await db.PracticeListSizes.Where(l => l.Practice!.Memberships.Any(m => m.PcnId == pcn.Id)).ToListAsync();
            sizes.ForEach(s => s.Registered = 29_999);
            await db.SaveChangesAsync();
        });
        var again = await (await secretary.GetAsync($"/papers/{paperId}/pdf?version=1")).Content.ReadAsByteArrayAsync();
        Assert.Equal(first, again);
        Assert.Equal(first, await (await secretary.GetAsync($"/papers/{paperId}/pdf")).Content.ReadAsByteArrayAsync());

        var edit = await secretary.SubmitFormAsync($"/papers/{paperId}/edit", new Dictionary<string, string> { ["Input.Title"] = "Updated title" });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var paper = await factory.WithDbAsync(db => db.CommitteePapers.SingleAsync(p => p.Id == paperId));
        Assert.Equal((PaperStatus.Draft, 2), (paper.Status, paper.PaperVersion));
        var draft = await (await secretary.GetAsync($"/papers/{paperId}/pdf")).Content.ReadAsByteArrayAsync();
        Assert.Contains("29,999", Poppler.Text(draft));
        Assert.Equal(first, await (await secretary.GetAsync($"/papers/{paperId}/pdf?version=1")).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task SectionText_CanBeEditedUntilFinalised_Audited_AndRefusedAfterwards()
    {
        await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, complete: true, withContent: true);
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        var sectionId = await factory.WithDbAsync(db => db.PaperSections.Where(s => s.PaperId == paperId && s.Title == "Background").Select(s => s.Id).SingleAsync());
        var url = $"/papers/{paperId}/sections/{sectionId}/edit";
        Assert.NotNull((await secretary.GetDocumentAsync($"/papers/{paperId}")).QuerySelector($"a[href='{url}']"));

        var response = await secretary.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = " ", ["Input.Body"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Enter the section's heading", errors);
        response = await secretary.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Background", ["Input.Body"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Enter the section's text", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.StartsWith("Plain <b>not bold</b>", await factory.WithDbAsync(db => db.PaperSections.Where(s => s.Id == sectionId).Select(s => s.Body).SingleAsync()));

        response = await secretary.SubmitFormAsync(url, new Dictionary<string, string> { ["Input.Title"] = "Background to the change", ["Input.Body"] = "Rewritten after the pre-meeting.\n- a new point" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var section = await factory.WithDbAsync(db => db.PaperSections.SingleAsync(s => s.Id == sectionId));
        Assert.Equal(("Background to the change", "Rewritten after the pre-meeting.\n- a new point"), (section.Title, section.Body));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "PaperSection" && a.EntityKey == sectionId.ToString() && a.Action == "Modified").Select(a => a.After).ToListAsync());
        Assert.Contains(audit, a => a!.Contains("Rewritten after the pre-meeting.", StringComparison.Ordinal));
        var flat = string.Join(' ', Poppler.Text(await (await secretary.GetAsync($"/papers/{paperId}/pdf")).Content.ReadAsByteArrayAsync()).Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Background to the change", flat);
        Assert.Contains("Rewritten after the pre-meeting.", flat);

        response = await secretary.SubmitFormAsync($"/papers/{paperId}/finalise", new Dictionary<string, string> { ["AcknowledgeUnverified"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await secretary.GetDocumentAsync($"/papers/{paperId}");
        Assert.Null(details.QuerySelector($"a[href='{url}']"));
        Assert.Contains("Edit the cover sheet to start draft version 2, then edit the section.", details.QuerySelector("main .nhsuk-inset-text")!.TextContent);
        var frozen = await secretary.GetDocumentAsync(url);
        Assert.Null(frozen.QuerySelector("main form[method=post]"));
        Assert.Contains("Version 1 of this paper is finalised, so its sections cannot be changed. Edit the cover sheet to start draft version 2", frozen.Body!.TextContent);
        var token = frozen.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await secretary.GetDocumentAsync($"/papers/{paperId}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        response = await secretary.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Title"] = "Changed after finalising", ["Input.Body"] = "No", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Version 1 of this paper is finalised, so its sections cannot be changed.", string.Join(' ', (await response.ReadDocumentAsync()).ErrorSummary()));
        var after = await factory.WithDbAsync(db => db.CommitteePapers.Include(p => p.Sections).SingleAsync(p => p.Id == paperId));
        Assert.Equal((PaperStatus.Finalised, 1), (after.Status, after.PaperVersion));
        Assert.Equal("Background to the change", after.Sections.Single(s => s.Id == sectionId).Title);
    }

    [Fact]
    public async Task DemoPaper_RenderTime_IsRecorded()
    {
        await factory.Data.CreatePcnAsync();
        var (_, paperId) = await factory.Data.CreatePaperAsync(MarkedUpTitle, complete: true, withContent: true);
        var secretary = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommitteeSecretary));
        await secretary.GetAsync($"/papers/{paperId}/pdf");
        var watch = Stopwatch.StartNew();
        var bytes = await (await secretary.GetAsync($"/papers/{paperId}/pdf")).Content.ReadAsByteArrayAsync();
        watch.Stop();
        Console.WriteLine($"Committee paper PDF: {bytes.Length} bytes in {watch.ElapsedMilliseconds} ms");
        Assert.True(bytes.Length > 1000);
    }
}

using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Pages.Admin.Audit;

/// <summary>/admin/audit: the audit trail an administrator reads, in words, with a date range, sign-in events and a CSV export.</summary>
public sealed class AuditPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Text(AngleSharp.Dom.IElement element) => string.Join(' ', element.TextContent.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public async Task AuditPage_FiltersByEntity_AndSaysWhatHappenedInWords()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var pcn = await factory.Data.CreatePcnAsync(name: "Worded Audit PCN");

        var page = await factory.CreateClientFor(admin).GetDocumentAsync($"/admin/audit?Entity=Pcn&Key={pcn.Id}");

        var row = Assert.Single(page.QuerySelectorAll("main tbody tr"));
        Assert.Contains($"Worded Audit PCN ({pcn.Code}) registered, open from 1 July 2019", Text(row.Children[2]), StringComparison.Ordinal);
        Assert.Contains("\"Name\":\"Worded Audit PCN\"", row.QuerySelector("details pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("When (UK time)", page.QuerySelector("main thead th")!.TextContent.Trim());
    }

    [Fact]
    public async Task AuditPage_ModifiedRow_ListsEachChangedFieldBeforeAndAfter_AndPagesWithoutErrors()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var pcn = await factory.Data.CreatePcnAsync(name: "Before Audit PCN");
        await factory.WithDbAsync(async db =>
        {
            var entity = await db.Pcns.SingleAsync(p => p.Id == pcn.Id);
            entity.Name = "After Audit PCN";
            await db.SaveChangesAsync();
        });
        var client = factory.CreateClientFor(admin);

        var first = await client.GetDocumentAsync($"/admin/audit?Entity=Pcn&Key={pcn.Id}");
        var second = await client.GetDocumentAsync("/admin/audit?pageNumber=2");

        var modified = Text(first.QuerySelectorAll("main tbody tr")[0]);
        Assert.Contains("details changed: name", modified, StringComparison.Ordinal);
        Assert.Contains("Name: Before Audit PCN → After Audit PCN", modified, StringComparison.Ordinal);
        Assert.Empty(first.ErrorSummary());
        Assert.Empty(second.ErrorSummary());
    }

    [Fact]
    public async Task AuditPage_BadDate_ShowsTheNhsMessageOnThatDate()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);

        var page = await factory.CreateClientFor(admin).GetDocumentAsync("/admin/audit?From.Day=31&From.Month=2&From.Year=2026");

        Assert.Contains("The first date must be a real date", page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("#From_Day.nhsuk-input--error"));
    }

    [Fact]
    public async Task AuditPage_LastDateBeforeFirst_IsRefusedWithAMessage()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);

        var page = await factory.CreateClientFor(admin).GetDocumentAsync("/admin/audit?From.Day=2&From.Month=3&From.Year=2026&To.Day=1&To.Month=3&To.Year=2026");

        Assert.Contains("The last date must be the same as or after the first date", page.ErrorSummary());
    }

    [Fact]
    public async Task AuditPage_DateRange_KeepsOnlyChangesOnThoseUkDays()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var key = $"range-{TestData.Next()}";
        await factory.WithDbAsync(async db =>
        {
            // 23:30 UTC on 30 June is 00:30 BST on 1 July; 23:30 UTC on 1 July is 2 July in the UK.
            foreach (var at in new[] { new DateTime(2026, 6, 30, 22, 30, 0), new DateTime(2026, 6, 30, 23, 30, 0), new DateTime(2026, 7, 1, 22, 59, 0), new DateTime(2026, 7, 1, 23, 30, 0) })
            {
                db.AuditEntries.Add(new PcnPortal.Web.Infrastructure.Auditing.AuditEntry { At = at, Actor = "range-test", Action = "Added", Entity = "Locality", EntityKey = key, After = "{}" });
            }

            await db.SaveChangesAsync();
        });

        var page = await factory.CreateClientFor(admin).GetDocumentAsync($"/admin/audit?Key={key}&From.Day=1&From.Month=7&From.Year=2026&To.Day=1&To.Month=7&To.Year=2026");

        var times = page.QuerySelectorAll("main tbody time").Select(t => t.TextContent).ToList();
        Assert.Equal(["1 Jul 2026 23:59", "1 Jul 2026 00:30"], times);
    }

    [Fact]
    public async Task AuditPage_ShowsSignInEvents_UnderTheirOwnName()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager);
        var signIn = await factory.CreateAnonymousClient().SubmitFormAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = manager.Email,
            ["Input.Password"] = TestData.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var page = await factory.CreateClientFor(admin).GetDocumentAsync($"/admin/audit?Entity=Account&Actor={Uri.EscapeDataString(manager.Email)}");

        Assert.Contains(page.QuerySelectorAll("#Entity option"), o => o.GetAttribute("value") == "Account" && o.TextContent == "Sign-ins and account events");
        Assert.Contains(page.QuerySelectorAll("main tbody tr"), r => Text(r).Contains($"{manager.Email} signed in", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditCsv_HasEveryMatchingRow_WithWordsAndRecordedValues()
    {
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var key = $"csv-{TestData.Next()}";
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 2_105; i++)
            {
                db.AuditEntries.Add(new PcnPortal.Web.Infrastructure.Auditing.AuditEntry { At = new DateTime(2026, 1, 5, 10, 0, 0), Actor = "=cmd", Action = "Added", Entity = "Locality", EntityKey = key, After = $$"""{"Name":"Northern {{i}}"}""" });
            }

            await db.SaveChangesAsync();
        });
        var client = factory.CreateClientFor(admin);
        var page = await client.GetDocumentAsync($"/admin/audit?Key={key}");
        var href = page.QuerySelector("a[download]")!.GetAttribute("href")!;

        var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("When (UK time),When (UTC),Who,Action,Record,Record key,What happened", lines[0], StringComparison.Ordinal);
        Assert.Equal(2_106, lines.Length); // a header and every row, across more than one read of 2,000
        Assert.Equal($"2026-01-05 10:00:00,2026-01-05T10:00:00Z,'=cmd,Added,Locality,{key},Locality Northern 2104 added,,\"{{\"\"Name\"\":\"\"Northern 2104\"\"}}\"", lines[1]);
    }
}

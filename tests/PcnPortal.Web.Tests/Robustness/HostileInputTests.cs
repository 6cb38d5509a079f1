using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Script and HTML typed into the free-text fields of the main forms come back escaped on every page that shows them;
/// CSV exports neutralise formula cells; uploads refuse oversized, wrong-type and wrongly encoded files, saving nothing.
/// </summary>
public sealed class HostileInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Script = "<script>alert(1)</script>";
    private const string Img = "\"><img src=x onerror=alert(1)>";
    private const string Both = Script + " " + Img;

    private static async Task AssertEscapedAsync(HttpResponseMessage response, string url, List<string> failures)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            failures.Add($"{url}: {(int)response.StatusCode}");
            return;
        }

        if (body.Contains("<script>alert(1)", StringComparison.OrdinalIgnoreCase) || body.Contains("<img src=x", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"{url}: raw markup from user input in the page");
        }

        var document = await HtmlForms.ParseAsync(body);
        if (document.QuerySelectorAll("img[onerror], script:not([src])").Length > 0)
        {
            failures.Add($"{url}: an injected element was parsed into the page");
        }

        if (!body.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", StringComparison.Ordinal) && !body.Contains("&lt;img src=x", StringComparison.Ordinal))
        {
            failures.Add($"{url}: the hostile text is not shown (escaped) at all, so this check proves nothing");
        }
    }

    [Fact]
    public async Task ScriptAndHtmlInEveryFreeTextField_AreEscapedOnEveryPageShowingThem()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: $"Evil {TestData.Next()} {Script} PCN");
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var director = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code));
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var admin = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.Administrator));

        // Change request: reason and director's name.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(RobustnessData.ChangeRequestUrl(pcn.Code), RobustnessData.ChangeRequestSubmission(reason: Both, director: Img))).StatusCode);
        var changeId = await factory.WithDbAsync(db => db.PcnChangeRequests.Where(c => c.PcnId == pcn.Id).Select(c => c.Id).SingleAsync());

        // The commissioner's reason for returning it.
        var returned = await contracts.SubmitFormAsync($"/pcns/changes/{changeId}", new Dictionary<string, string> { ["ReturnReason"] = Both }, "#return-form");
        Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        Assert.Equal(Both, await factory.WithDbAsync(db => db.PcnChangeRequests.Where(c => c.Id == changeId).Select(c => c.ReturnReason).SingleAsync()));

        // Maturity evidence.
        var returnId = await factory.Data.CreateMaturityReturnAsync(pcn);
        var answer = await manager.SubmitFormAsync($"/maturity/returns/{returnId}/domains/LPP", new Dictionary<string, string>
        {
            ["Input.Position"] = "F",
            ["Input.Evidence"] = Both,
            ["Input.WhatWorkedWell"] = Img,
        });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);

        // EOI: support requested and deliverable.
        var fund = await factory.Data.CreateFundAsync(quorum: 1);
        Assert.Equal(HttpStatusCode.Redirect, (await director.SubmitFormAsync($"/od-funds/{fund}/eoi", RobustnessData.EoiForm(support: Both, deliverable: Img))).StatusCode);
        var eoiId = await factory.WithDbAsync(db => db.OdEois.Where(e => e.FundId == fund && e.PcnCode == pcn.Code).Select(e => e.Id).SingleAsync());

        // Claim line notes, through the upload.
        var claimLine = await factory.Data.CreateClaimLineAsync(pcn.Code, notes: "\"" + Both.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");

        // A user's display name.
        var email = $"evil{TestData.Next()}@test.pcnportal.test";
        var added = await admin.SubmitFormAsync("/admin/users/add", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = Both,
            ["Input.Role"] = PortalRoles.PcnManager,
            ["Input.PcnCode"] = pcn.Code,
            ["Input.Password"] = "Evil-Password-123",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var failures = new List<string>();
        foreach (var (client, url) in new (HttpClient, string)[]
        {
            (contracts, "/pcns"), (contracts, $"/pcns/{pcn.Code}"), (manager, $"/pcns/{pcn.Code}"), (contracts, "/pcns/changes"),
            (contracts, $"/pcns/changes/{changeId}"), (manager, $"/maturity/returns/{returnId}"), (contracts, $"/maturity/returns/{returnId}"),
            (manager, $"/maturity/returns/{returnId}/check"), (contracts, $"/od-funds/eois/{eoiId}"), (director, $"/od-funds/eois/{eoiId}"),
            (manager, $"/claims/lines/{claimLine}"), (contracts, $"/claims/lines/{claimLine}"), (contracts, "/claims/review"),
            (admin, "/admin/users"), (admin, "/admin/audit"),
        })
        {
            await AssertEscapedAsync(await client.GetAsync(url), url, failures);
        }

        Assert.True(failures.Count == 0, "Hostile input:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task CsvExports_NeutraliseFormulaCells()
    {
        var formulaName = $"=HYPERLINK(\"http://evil.example\",\"Click\") {TestData.Next()} PCN";
        var pcn = await factory.Data.CreatePcnAsync(name: formulaName);
        await factory.Data.CreateClaimLineAsync(pcn.Code, notes: "@SUM(A1:A9)");
        await factory.Data.CreateClaimLineAsync(pcn.Code, notes: "+44 1234 567890");
        await factory.Data.CreateClaimLineAsync(pcn.Code, notes: "-2+3");
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));

        var register = await (await contracts.GetAsync("/pcns?handler=Csv")).Content.ReadAsStringAsync();
        var path = Path.Combine(Path.GetTempPath(), $"claims-{Guid.NewGuid():N}.csv");
        try
        {
            Assert.Equal(CliExitCodes.Success, await CliRunner.RunAsync(factory.Services, ["export-claims", "--year", "2020/21", "--pcn", pcn.Code, path], new StringWriter(), new StringWriter()));
            var claims = await File.ReadAllTextAsync(path);

            var cells = new List<string>();
            foreach (var csv in new[] { register, claims })
            {
                cells.AddRange(csv.Split('\n').SelectMany(l => l.Split(',')).Select(c => c.Trim().Trim('"')));
            }

            Assert.Contains(register.Split('\n'), l => l.Contains(pcn.Code, StringComparison.Ordinal) && l.Contains("'=HYPERLINK", StringComparison.Ordinal));
            Assert.Contains("'@SUM(A1:A9)", claims, StringComparison.Ordinal);
            Assert.Contains("'+44 1234 567890", claims, StringComparison.Ordinal);
            Assert.Contains("'-2+3", claims, StringComparison.Ordinal);
            Assert.DoesNotContain(cells, c => c.StartsWith("=HYPERLINK", StringComparison.Ordinal) || c.StartsWith("@SUM", StringComparison.Ordinal) || c.StartsWith("+44", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string field, byte[] bytes, string fileName, string contentType)
    {
        var token = (await client.GetDocumentAsync(url)).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(file, field, fileName);
        return await client.PostAsync(url, content);
    }

    public static TheoryData<string, string, string> BadClaimFiles() => new()
    {
        { "oversized", "claims.csv", "text/csv" },
        { "pdf", "claims.pdf", "application/pdf" },
        { "xlsx-as-csv", "claims.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "utf16", "claims.csv", "text/csv" },
        { "invalid-utf8", "claims.csv", "text/csv" },
        { "truncated", "claims.csv", "text/csv" },
    };

    [Theory]
    [MemberData(nameof(BadClaimFiles))]
    public async Task ClaimsUpload_BadFile_IsRefusedWithAMessageAndNothingSaved(string kind, string fileName, string contentType)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var valid = $"{TestData.ClaimHeader}\n{TestData.ClaimRow(pcn.Code, "CP-1", notes: "Café owner")}\n{TestData.ClaimRow(pcn.Code, "CP-2")}\n";
        var bytes = kind switch
        {
            "oversized" => Encoding.UTF8.GetBytes(valid + string.Concat(Enumerable.Repeat(TestData.ClaimRow(pcn.Code, "CP-3", month: "2020-07") + "\n", 60_000))),
            "pdf" => Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"),
            "xlsx-as-csv" => [0x50, 0x4B, 0x03, 0x04, .. Encoding.ASCII.GetBytes("[Content_Types].xml")],
            "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(valid)],
            "invalid-utf8" => Encoding.Latin1.GetBytes(valid),
            _ => Encoding.UTF8.GetBytes(valid)[..(valid.Length - 30)],
        };
        var before = await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync());

        var response = await UploadAsync(client, "/claims/upload", "Upload", bytes, fileName, contentType);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal(before, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync()));
    }

    [Fact]
    public async Task ClaimsUpload_ShuffledButCompleteColumns_IsAccepted()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var header = TestData.ClaimHeader.Split(',');
        var row = TestData.ClaimRow(pcn.Code, "CP-SHUF").Split(',');
        var order = Enumerable.Range(0, header.Length).Reverse().ToArray();
        var csv = string.Join(',', order.Select(i => header[i])) + "\n" + string.Join(',', order.Select(i => row[i])) + "\n";

        var response = await UploadAsync(client, "/claims/upload", "Upload", Encoding.UTF8.GetBytes(csv), "claims.csv", "text/csv");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync(l => l.Pcn!.Code == pcn.Code)));
    }

    [Theory]
    [InlineData("oversized", "gp-reg-pat-prac-all.csv")]
    [InlineData("wrong-type", "ePCN.pdf")]
    [InlineData("utf16", "gp-reg-pat-prac-all.csv")]
    [InlineData("truncated-xlsx", "ePCN.xlsx")]
    [InlineData("shuffled-missing-columns", "gp-reg-pat-prac-all.csv")]
    public async Task NationalImport_BadFile_IsRefusedWithAMessageAndNothingSaved(string kind, string fileName)
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var csv = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n";
        var bytes = kind switch
        {
            "oversized" => new byte[(20 * 1024 * 1024) + 1],
            "wrong-type" => Encoding.ASCII.GetBytes("%PDF-1.7\n"),
            "utf16" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(csv + "GP_PRAC_PAT_LIST,01NOV2026,GP,99Z,E38000001,P99999,AB1 2CD,ALL,ALL,1234\n")],
            "truncated-xlsx" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00],
            _ => Encoding.UTF8.GetBytes("NUMBER_OF_PATIENTS,CODE\n1234,P99999\n"),
        };
        var auditBefore = await factory.AuditCountAsync();

        var response = await UploadAsync(client, "/pcns/import", "Upload", bytes, fileName, "application/octet-stream");

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.NotEmpty(page.ErrorSummary());
        Assert.Equal(auditBefore, await factory.AuditCountAsync());
    }
}

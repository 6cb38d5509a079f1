using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Every page × every role, every PCN-scoped URL tried by another PCN, and every POST handler without an
/// antiforgery token. Pages are enumerated from the endpoint table, so a new page is covered automatically and
/// fails until it has an entry in <see cref="Expected"/>.
/// </summary>
public sealed class AuthorisationMatrixTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string A = PortalRoles.Administrator;
    private const string Cc = PortalRoles.CommissionerContracts;
    private const string Cf = PortalRoles.CommissionerFinance;
    private const string Cs = PortalRoles.CommitteeSecretary;
    private const string Pm = PortalRoles.PanelMember;
    private const string M = PortalRoles.PcnManager;
    private const string Cd = PortalRoles.ClinicalDirector;

    private static readonly string[] Everyone = [A, Cc, Cf, Cs, Pm, M, Cd];
    private static readonly string[] Commissioners = [A, Cc, Cf, Cs, Pm];
    private static readonly string[] Contracts = [A, Cc];
    private static readonly string[] Finance = [A, Cf];
    private static readonly string[] PcnUsers = [M, Cd];
    private static readonly string[] Admin = [A];
    private static readonly string[] PaperWriters = [A, Cs];
    private static readonly string[] FinanceOrContracts = [A, Cc, Cf];

    /// <summary>
    /// Who may open each page, by route pattern: written from the access rules in domain.md and the policy
    /// descriptions, not read from the page models. A new page fails <see cref="EveryPage_HasAnExpectedAccessEntry"/>
    /// until someone decides its row here.
    /// </summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = Everyone,
        ["access"] = Everyone,
        ["access/figures"] = Everyone,
        ["access/pcns/{code}"] = Everyone,
        ["access/pcns/{code}/adjusted-population"] = Contracts,
        ["access/pcns/{code}/declarations/{quarter}"] = PcnUsers,
        ["access/pcns/{code}/plans/new"] = PcnUsers,
        ["access/plans/{id:int}"] = Everyone,
        ["access/plans/{id:int}/decision"] = Contracts,
        ["account/access-denied"] = Everyone,
        ["account/sign-in"] = Everyone,
        ["account/sign-out"] = Everyone,
        ["account/change-password"] = Everyone,
        ["account/notifications"] = Everyone,
        ["error"] = Everyone,
        ["status"] = Everyone,
        ["admin/audit"] = Admin,
        ["admin/notifications"] = Admin,
        ["admin/reference-data"] = Admin,
        ["admin/reference-data/arr-sum/add"] = Admin,
        ["admin/reference-data/rates/{id}"] = Admin,
        ["admin/users"] = Admin,
        ["admin/users/add"] = Admin,
        ["admin/users/{id}"] = Admin,
        ["admin/users/{id}/password"] = Admin,
        ["claims"] = Everyone,
        ["claims/baseline"] = Everyone,
        ["claims/baseline/posts/{id}"] = Contracts,
        ["claims/lines/{id:int}"] = Everyone,
        ["claims/lines/{id:int}/sent"] = PcnUsers,
        ["claims/staff"] = Everyone,
        ["claims/staff/{id:int}/claim"] = PcnUsers,
        ["claims/staff/{id}"] = Everyone,
        ["claims/review"] = Contracts,
        ["claims/review/{id:int}"] = Contracts,
        ["claims/review/approve-passing"] = Contracts,
        ["claims/upload"] = PcnUsers,
        ["finance"] = FinanceOrContracts,
        ["finance/forecast"] = FinanceOrContracts,
        ["finance/schedule"] = FinanceOrContracts,
        ["finance/redistribution"] = Everyone,
        ["finance/redistribution/open"] = Finance,
        ["finance/redistribution/{id:int}"] = Everyone,
        ["finance/redistribution/{id:int}/bid/{bidId:int?}"] = PcnUsers,
        ["finance/redistribution/{id:int}/bids/{bidId:int}/decide"] = Contracts,
        ["finance/redistribution/{id:int}/export"] = FinanceOrContracts,
        ["maturity"] = Everyone,
        ["maturity/matrix"] = Admin,
        ["maturity/matrix/{id:int}"] = Admin,
        ["maturity/returns/{id:int}"] = Everyone,
        ["maturity/returns/{id:int}/check"] = PcnUsers,
        ["maturity/returns/{id:int}/domains/{domain}"] = PcnUsers,
        ["maturity/returns/{id:int}/review"] = Commissioners,
        ["maturity/rounds/open"] = Commissioners,
        ["maturity/rounds/{id:int}"] = Commissioners,
        ["maturity/rounds/{id:int}/export"] = Commissioners,
        ["maturity/rounds/{id:int}/report"] = Commissioners,
        ["od-funds"] = Everyone,
        ["od-funds/eois/{id:int}"] = Everyone,
        ["od-funds/eois/{id:int}/decision"] = [Pm],
        ["od-funds/eois/{id:int}/decision/confirm"] = [Pm],
        ["od-funds/interests"] = Admin,
        ["od-funds/new"] = Finance,
        ["od-funds/payments/{id:int}"] = Finance,
        ["od-funds/{id:int}"] = Commissioners,
        ["od-funds/{id:int}/eoi"] = PcnUsers,
        ["od-funds/{id:int}/eoi/check"] = PcnUsers,
        ["od-funds/eois/{id:int}/sent"] = PcnUsers,
        ["od-funds/{id:int}/export"] = Commissioners,
        ["od-funds/{id:int}/panel"] = Admin,
        ["papers"] = Commissioners,
        ["papers/add"] = PaperWriters,
        ["papers/funding-rates"] = Commissioners,
        ["papers/glossary"] = Commissioners,
        ["papers/meetings/add"] = PaperWriters,
        ["papers/{id:int}"] = Commissioners,
        ["papers/{id:int}/edit"] = PaperWriters,
        ["papers/{id:int}/finalise"] = PaperWriters,
        ["papers/{id:int}/pdf"] = Commissioners,
        ["papers/{id:int}/preview"] = Commissioners,
        ["papers/{id:int}/risks/add"] = PaperWriters,
        ["papers/{id:int}/sections/add"] = PaperWriters,
        ["papers/{id:int}/sections/{sectionId:int}/edit"] = PaperWriters,
        ["pcns"] = Everyone,
        ["pcns/changes"] = Contracts,
        ["pcns/changes/{id:int}"] = Contracts,
        ["pcns/import"] = Contracts,
        ["pcns/new"] = Contracts,
        ["pcns/{code}"] = Everyone,
        ["pcns/{code}/changes/new"] = PcnUsers,
        ["pcns/{code}/changes/{id:int}/submitted"] = PcnUsers,
        ["pcns/{code}/edit"] = Contracts,
        ["pcns/{code}/members/add"] = Contracts,
        ["pcns/{code}/members/{id:int}/end"] = Contracts,
        ["pcns/{code}/population-exception"] = Contracts,
    };

    /// <summary>The page that explains a refusal answers 403 itself, whoever asks.</summary>
    private static readonly HashSet<string> RefusalPages = new(StringComparer.OrdinalIgnoreCase) { "account/access-denied" };

    /// <summary>POST handlers deliberately exempt from antiforgery: the error pages re-executed for a failed POST.</summary>
    private static readonly HashSet<string> AntiforgeryExempt = new(StringComparer.OrdinalIgnoreCase) { "error", "status" };

    /// <summary>
    /// Routes with an identifier that a PCN user may open, and how to point each at PCN A's record. Every such route
    /// must be listed here or in <see cref="SharedIdentifiers"/>.
    /// </summary>
    private static readonly Dictionary<string, Func<PcnRecords, string>> PcnOwnedUrls = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pcns/{code}"] = r => $"/pcns/{r.Pcn.Code}",
        ["access/pcns/{code}"] = r => $"/access/pcns/{r.Pcn.Code}",
        ["access/pcns/{code}/plans/new"] = r => $"/access/pcns/{r.Pcn.Code}/plans/new",
        ["access/pcns/{code}/declarations/{quarter}"] = r => $"/access/pcns/{r.Pcn.Code}/declarations/2022-10",
        ["access/plans/{id:int}"] = r => $"/access/plans/{r.AccessPlanId}",
        ["pcns/{code}/changes/new"] = r => $"/pcns/{r.Pcn.Code}/changes/new",
        ["pcns/{code}/changes/{id:int}/submitted"] = r => $"/pcns/{r.Pcn.Code}/changes/{r.ChangeRequestId}/submitted",
        ["claims/lines/{id:int}"] = r => $"/claims/lines/{r.ClaimLineId}",
        ["claims/lines/{id:int}/sent"] = r => $"/claims/lines/{r.ClaimLineId}/sent",
        ["claims/staff/{id}"] = r => $"/claims/staff/{r.StaffId}",
        ["claims/staff/{id:int}/claim"] = r => $"/claims/staff/{r.StaffId}/claim",
        ["maturity/returns/{id:int}"] = r => $"/maturity/returns/{r.MaturityReturnId}",
        ["maturity/returns/{id:int}/check"] = r => $"/maturity/returns/{r.MaturityReturnId}/check",
        ["maturity/returns/{id:int}/domains/{domain}"] = r => $"/maturity/returns/{r.MaturityReturnId}/domains/{MaturityDomain.LeadershipPlanningAndPartnerships.Code()}",
        ["od-funds/eois/{id:int}"] = r => $"/od-funds/eois/{r.EoiId}",
        ["od-funds/eois/{id:int}/sent"] = r => $"/od-funds/eois/{r.EoiId}/sent",
        ["finance/redistribution/{id:int}/bid/{bidId:int?}"] = r => $"/finance/redistribution/{r.RedistributionRoundId}/bid/{r.RedistributionBidId}",
    };

    /// <summary>Identifiers of records every PCN shares (a fund is open to all PCNs): the page must still show nothing of PCN A.</summary>
    private static readonly Dictionary<string, Func<PcnRecords, string>> SharedIdentifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["od-funds/{id:int}/eoi"] = r => $"/od-funds/{r.FundId}/eoi",
        ["od-funds/{id:int}/eoi/check"] = r => $"/od-funds/{r.FundId}/eoi/check",
        ["finance/redistribution/{id:int}"] = r => $"/finance/redistribution/{r.RedistributionRoundId}",
    };

    private sealed record PageRoute(string Pattern, RouteEndpoint Endpoint);

    private List<PageRoute> Pages() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => new PageRoute((e.RoutePattern.RawText ?? string.Empty).Trim('/'), e))
            .DistinctBy(r => r.Pattern)
            .ToList();

    private static string Fill(string pattern, string pcnCode) =>
        "/" + Regex.Replace(pattern, "{([^}:?]+)[^}]*}", m => m.Groups[1].Value.ToLowerInvariant() switch
        {
            "code" => pcnCode,
            "domain" => "LPP",
            _ => "987654",
        });

    [Fact]
    public void EveryPage_HasAnExpectedAccessEntry()
    {
        var pages = Pages().Select(p => p.Pattern).ToList();

        var missing = pages.Where(p => !Expected.ContainsKey(p)).ToList();
        var stale = Expected.Keys.Where(k => !pages.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();

        Assert.True(missing.Count == 0, "Add these pages to AuthorisationMatrixTests.Expected with the roles that may open them: " + string.Join(", ", missing));
        Assert.True(stale.Count == 0, "These pages no longer exist; remove them from AuthorisationMatrixTests.Expected: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task EveryPage_ForEveryRole_AllowsOrForbidsAsTheTableSays()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var failures = new List<string>();
        foreach (var role in PortalRoles.All)
        {
            var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(role, PortalRoles.IsPcnScoped(role) ? pcn.Code : null));
            foreach (var page in Pages().Where(p => Expected.ContainsKey(p.Pattern)))
            {
                var url = Fill(page.Pattern, pcn.Code);
                var response = await client.GetAsync(url);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? string.Empty;
                var allowed = Expected[page.Pattern].Contains(role);
                var ok = RefusalPages.Contains(page.Pattern) ? status == 403 : allowed
                    ? status is 200 or 404 || (status == 302 && location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal)
                        && !location.Contains("sign-in", StringComparison.OrdinalIgnoreCase) && !location.Contains("access-denied", StringComparison.OrdinalIgnoreCase))
                    : status == 403;
                if (!ok)
                {
                    failures.Add($"{role} GET {url}: {status} {location} (expected {(allowed ? "allowed" : "403")})");
                }
            }
        }

        Assert.True(failures.Count == 0, "Authorisation matrix mismatches:\n" + string.Join("\n", failures));
    }

    /// <summary>
    /// #15.14: fields a role may open the page for but must not read, by role. Named staff with their pay on a claim line: the
    /// PCN, contracts, finance and administrators, not committee secretaries or panel members. A panel member's declared interest
    /// on a decision: commissioner roles, not PCN users (told only that members with an interest took no part).
    /// </summary>
    private static readonly (string Field, string[] MaySee)[] SensitiveFieldColumns =
    [
        ("staff name and salary on /claims/lines/{id}", [A, Cc, Cf, M, Cd]),
        ("staff name and claimed cost on /claims", [A, Cc, Cf, M, Cd]),
        ("declared interest text on /od-funds/eois/{id}", [A, Cc, Cf, Cs, Pm]),
    ];

    [Fact]
    public async Task SensitiveFields_ForEveryRole_AreShownOnlyToTheRolesThatNeedThem()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        const string staffName = "Morwenna Quillfeather";
        var lineIds = await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code, staffRef: $"SAL-{pcn.Code}", name: staffName, salary: "4321.09"));
        var lineId = lineIds.Values.Single();
        var fund = await factory.Data.CreateFundAsync(quorum: 1);
        var eoiId = await factory.Data.CreateEoiAsync(fund, pcn.Code, status: PcnPortal.Domain.OdFunds.EoiStatus.Declined);
        const string interest = "Director of Quillfeather Estates Ltd, landlord of the PCN's hub";
        await factory.WithDbAsync(async db =>
        {
            var eoi = await db.OdEois.SingleAsync(e => e.Id == eoiId);
            eoi.Decisions.Add(new PcnPortal.Domain.OdFunds.OdPanelDecisionRecord
            {
                DecisionDate = new DateOnly(2021, 11, 1),
                Outcome = PcnPortal.Domain.OdFunds.PanelDecisionOutcome.Declined,
                VoterIds = "x",
                VoterNames = "Pat Voter",
                Excluded = $"Sam Member: {interest}",
                RecordedBy = "test",
            });
            await db.SaveChangesAsync();
        });

        var secrets = new Dictionary<string, (string Url, string[] Texts)>
        {
            [SensitiveFieldColumns[0].Field] = ($"/claims/lines/{lineId}", [staffName, "4,321.09", $"SAL-{pcn.Code}"]),
            [SensitiveFieldColumns[1].Field] = ($"/claims?pcn={pcn.Code}&year=2020/21", [staffName, "5,336.29"]),
            [SensitiveFieldColumns[2].Field] = ($"/od-funds/eois/{eoiId}", [interest]),
        };
        var failures = new List<string>();
        foreach (var role in PortalRoles.All)
        {
            var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(role, PortalRoles.IsPcnScoped(role) ? pcn.Code : null));
            foreach (var (field, maySee) in SensitiveFieldColumns)
            {
                var (url, texts) = secrets[field];
                var response = await client.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"{role} GET {url}: {(int)response.StatusCode}, expected the page");
                    continue;
                }

                var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
                foreach (var text in texts)
                {
                    var shown = body.Contains(text, StringComparison.Ordinal);
                    if (shown != maySee.Contains(role))
                    {
                        failures.Add($"{role} {field}: '{text}' {(shown ? "shown" : "not shown")}, expected {(maySee.Contains(role) ? "shown" : "hidden")}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, "Field visibility mismatches:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void EveryPcnReachableRouteWithAnIdentifier_IsCoveredByTheIdorTest()
    {
        var uncovered = Expected
            .Where(e => e.Key.Contains('{') && e.Value.Intersect(PortalRoles.PcnScoped).Any())
            .Select(e => e.Key)
            .Where(k => !PcnOwnedUrls.ContainsKey(k) && !SharedIdentifiers.ContainsKey(k))
            .ToList();

        Assert.True(uncovered.Count == 0, "PCN users can open these routes with an identifier: add them to PcnOwnedUrls (with a real record of PCN A) or SharedIdentifiers: " + string.Join(", ", uncovered));
    }

    [Theory]
    [InlineData(PortalRoles.PcnManager)]
    [InlineData(PortalRoles.ClinicalDirector)]
    public async Task OtherPcnsUser_GettingPcnAsRecords_IsRefusedWithoutLeakingItsName(string role)
    {
        var a = await factory.CreatePcnWithRecordsAsync(name: $"Leaky Vale {TestData.Next()} PCN");
        var b = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(role, b.Code));
        var failures = new List<string>();

        foreach (var (pattern, url) in PcnOwnedUrls.Select(p => (p.Key, p.Value(a))))
        {
            var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
            {
                failures.Add($"{pattern}: GET {url} gave {(int)response.StatusCode}, expected 403 or 404");
            }

            if (body.Contains(a.Pcn.Name, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{pattern}: GET {url} shows PCN A's name");
            }
        }

        // Pages without an identifier, and shared records, open for B but must show nothing of A.
        var openPages = Expected.Where(e => !e.Key.Contains('{') && e.Value.Contains(role)).Select(e => "/" + e.Key)
            .Concat(SharedIdentifiers.Values.Select(f => f(a)))
            .Concat([$"/claims/staff?pcn={a.Pcn.Code}", $"/claims/baseline?pcn={a.Pcn.Code}", $"/claims?pcn={a.Pcn.Code}", $"/maturity?pcn={a.Pcn.Code}", $"/od-funds?pcn={a.Pcn.Code}"]);
        foreach (var url in openPages)
        {
            var body = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
            if (body.Contains(a.Pcn.Name, StringComparison.OrdinalIgnoreCase) || body.Contains(a.Pcn.Code, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"GET {url} shows PCN A ({a.Pcn.Code}) to a user of {b.Code}");
            }
        }

        Assert.True(failures.Count == 0, "Cross-PCN access:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task OtherPcnsUser_PostingToPcnAsRecords_IsRefusedAndSavesNothing()
    {
        var a = await factory.CreatePcnWithRecordsAsync();
        var b = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, b.Code));
        var token = (await client.GetDocumentAsync($"/pcns/{b.Code}/changes/new")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var handlers = await PostHandlersAsync();
        var before = await factory.AuditCountAsync();
        var failures = new List<string>();

        foreach (var (pattern, urlFor) in PcnOwnedUrls)
        {
            foreach (var handler in handlers.Where(h => h.Pattern.Equals(pattern, StringComparison.OrdinalIgnoreCase)))
            {
                var url = urlFor(a) + (handler.Name is null ? string.Empty : $"?handler={handler.Name}");
                var form = new Dictionary<string, string>(RobustnessData.ChangeRequestForm().Concat(RobustnessData.EoiForm()).Concat(OtherFormValues()))
                {
                    ["__RequestVerificationToken"] = token,
                };
                var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
                if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"POST {url} gave {(int)response.StatusCode}, expected 403 or 404");
                }
            }
        }

        Assert.True(handlers.Count(h => PcnOwnedUrls.ContainsKey(h.Pattern)) >= 4, "Expected POST handlers on PCN A's record pages to try.");
        Assert.True(failures.Count == 0, "Cross-PCN writes:\n" + string.Join("\n", failures));
        Assert.Equal(before, await factory.AuditCountAsync());
    }

    private static IEnumerable<KeyValuePair<string, string>> OtherFormValues() =>
    [
        new("Input.Position", "Developing"),
        new("Input.Evidence", "Written by another PCN"),
        new("Confirmed", "true"),
    ];

    private sealed record PostHandler(string Pattern, string? Name, string[] Allowed);

    /// <summary>Every POST handler of every page, found by loading each page's compiled descriptor.</summary>
    private async Task<List<PostHandler>> PostHandlersAsync()
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PostHandler>();
        foreach (var page in Pages())
        {
            var compiled = await loader.LoadAsync(page.Endpoint.Metadata.GetMetadata<PageActionDescriptor>()!, page.Endpoint.Metadata);
            foreach (var method in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                handlers.Add(new PostHandler(page.Pattern, method.Name, Expected.GetValueOrDefault(page.Pattern, [])));
            }
        }

        return handlers;
    }

    [Fact]
    public async Task PostHandlers_AreFoundByTheEnumeration()
    {
        var handlers = await PostHandlersAsync();

        Assert.Contains(handlers, h => h.Pattern == "pcns/{code}/changes/new");
        Assert.Contains(handlers, h => h.Pattern == "claims/upload");
        Assert.True(handlers.Count >= 20, $"Expected many POST handlers, found {handlers.Count}.");
    }

    [Fact]
    public async Task EveryPostHandler_WithoutAnAntiforgeryToken_Is400AndSavesNothing()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in PortalRoles.All)
        {
            clients[role] = factory.CreateClientFor(await factory.Data.CreateUserAsync(role, PortalRoles.IsPcnScoped(role) ? pcn.Code : null));
        }

        var anonymous = factory.CreateAnonymousClient();
        var before = await factory.AuditCountAsync();
        var failures = new List<string>();
        var tried = 0;
        foreach (var handler in (await PostHandlersAsync()).Where(h => !AntiforgeryExempt.Contains(h.Pattern)))
        {
            // A role the page allows, so the request reaches the antiforgery check rather than stopping at authorisation.
            var client = handler.Allowed.Length == 0 ? anonymous : clients[handler.Allowed.Contains(A) ? A : handler.Allowed[0]];
            var url = Fill(handler.Pattern, pcn.Code) + (handler.Name is null ? string.Empty : $"?handler={handler.Name}");
            var form = new Dictionary<string, string>(RobustnessData.ChangeRequestForm().Concat(RobustnessData.EoiForm()))
            {
                ["Input.Email"] = $"csrf{TestData.Next()}@test.pcnportal.test",
                ["Input.Password"] = TestData.Password,
            };
            var response = await client.PostAsync(url, new FormUrlEncodedContent(form));
            tried++;
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"POST {url} without a token gave {(int)response.StatusCode}");
            }
        }

        Assert.True(tried >= 20, $"Only {tried} POST handlers were tried.");
        Assert.True(failures.Count == 0, "POST handlers accepting a request without an antiforgery token:\n" + string.Join("\n", failures));
        Assert.Equal(before, await factory.AuditCountAsync());
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs.Rules;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 3: one PCN claiming another PCN's member of staff cannot make that PCN's genuine claim fail. When a person is
/// claimed by two PCNs past 1.0 WTE, every line involved is flagged for the contracts team, and no PCN sees the other's figures.
/// </summary>
public sealed class CrossPcnStaffClaimTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task SubmitAsync(string pcnCode, string staffRef, string wte, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var submissions = scope.ServiceProvider.GetRequiredService<ArrsClaimSubmissionService>();
        var row = $"{pcnCode},{staffRef},{name},CLINICAL_PHARMACIST,2020-05,{wte},2020-04-01,,4000.00,440.00,575.20,0,0,";
        var result = await submissions.SubmitCsvAsync($"{RobustnessData.ClaimHeader}\n{row}\n", pcnCode, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
    }

    private Task<(int Id, RuleSeverity Severity, string Explanation, string Figures)> WteOutcomeAsync(string pcnCode, string staffRef) => factory.WithDbAsync(db =>
        db.ArrsClaimOutcomes.Where(o => o.Code == WteRule.Code && db.ArrsClaimLines.Any(l => l.Id == o.ClaimLineId && l.Pcn!.Code == pcnCode && l.StaffRef == staffRef))
            .Select(o => new ValueTuple<int, RuleSeverity, string, string>(o.ClaimLineId, o.Severity, o.Explanation, o.FiguresJson))
            .SingleAsync());

    [Fact]
    public async Task AnotherPcnClaimingMyStaff_FlagsBothLinesForContracts_AndNeitherPcnSeesTheOthersFigures()
    {
        var victim = await factory.Data.CreatePcnAsync();
        var other = await factory.Data.CreatePcnAsync();
        var staffRef = $"ESR-{TestData.Next()}";

        // The other PCN claims the victim's pharmacist first (1.0 WTE); then the victim claims their own pharmacist at 0.8 WTE.
        await SubmitAsync(other.Code, staffRef, "1.0", "Sam Genuine");
        await SubmitAsync(victim.Code, staffRef, "0.8", "Sam Genuine");

        var mine = await WteOutcomeAsync(victim.Code, staffRef);
        var theirs = await WteOutcomeAsync(other.Code, staffRef);
        Assert.Equal(RuleSeverity.Warn, mine.Severity);
        Assert.Equal(RuleSeverity.Warn, theirs.Severity);
        Assert.Contains("also claimed by another PCN", mine.Explanation, StringComparison.Ordinal);
        Assert.Contains("this line claims 0.8 WTE", mine.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("1.8", mine.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Code, mine.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("0.8", theirs.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("wteOnEarlierLines", mine.Figures, StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == mine.Id).Select(l => l.Reimbursable).SingleAsync()) > 0m);

        // The victim's manager sees their own line without the other PCN's code or WTE.
        var manager = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, victim.Code));
        var page = (await manager.GetDocumentAsync($"/claims/lines/{mine.Id}")).Body!.TextContent;
        Assert.DoesNotContain(other.Code, page, StringComparison.Ordinal);
        Assert.DoesNotContain("1.8", page, StringComparison.Ordinal);

        // The contracts team finds both lines under the ARRS-WTE warning.
        var contracts = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var queue = (await contracts.GetDocumentAsync($"/claims/review?Outcome={WteRule.Code}:Warn&Status=Submitted")).Body!.TextContent;
        Assert.Contains(victim.Code, queue, StringComparison.Ordinal);
        Assert.Contains(other.Code, queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoPcnsSharingAPersonWithinOneWte_BothPass_WithoutTheOthersFigures()
    {
        var a = await factory.Data.CreatePcnAsync();
        var b = await factory.Data.CreatePcnAsync();
        var staffRef = $"ESR-{TestData.Next()}";
        await SubmitAsync(a.Code, staffRef, "0.4", "Jo Shared");
        await SubmitAsync(b.Code, staffRef, "0.5", "Jo Shared");

        var second = await WteOutcomeAsync(b.Code, staffRef);
        Assert.Equal(RuleSeverity.Pass, second.Severity);
        Assert.DoesNotContain("0.4", second.Explanation, StringComparison.Ordinal);
        Assert.DoesNotContain("0.9", second.Explanation, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Maturity;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>Real records owned by one PCN, for the IDOR and hostile-input tests: built with <see cref="TestData"/> (the claim line through the submission service and rules engine), the change request through its page.</summary>
public sealed record PcnRecords(
    Pcn Pcn,
    TestUser Manager,
    TestUser ClinicalDirector,
    int ClaimLineId,
    int StaffId,
    int MaturityReturnId,
    int FundId,
    int EoiId,
    int ChangeRequestId,
    int RedistributionRoundId,
    int RedistributionBidId,
    int AccessPlanId);

public static class RobustnessData
{
    public static Dictionary<string, string> EoiForm(string support = "Facilitated workshops on PCN priorities", string deliverable = "Agreed PCN development plan", string command = "Submit") => new()
    {
        ["Input.Lines[0].SupportRequested"] = support,
        ["Input.Lines[0].Deliverable"] = deliverable,
        ["Input.Lines[0].Amount"] = "12000.00",
        ["Input.Lines[0].Domains"] = "LPP",
        ["Input.ConfirmedNotFundedElsewhere"] = "true",
        ["Input.ClinicalDirectorConfirmed"] = "true",
        ["Command"] = command,
    };

    public static Dictionary<string, string> ChangeRequestForm(string reason = "Our clinical director is retiring.", string director = "Dr Sam Example") => new()
    {
        ["Input.Kind"] = nameof(PcnChangeKind.ClinicalDirector),
        ["Input.EffectiveDate"] = "2030-04-01",
        ["Input.Reason"] = reason,
        ["Input.DirectorName"] = director,
        ["Input.DirectorProfession"] = "GP",
    };

    /// <summary>The change request form's answers posted with the check-your-answers step's "Submit change" button, to the
    /// page that asks a clinical director change's questions (<see cref="ChangeRequestUrl"/>).</summary>
    public static Dictionary<string, string> ChangeRequestSubmission(string reason = "Our clinical director is retiring.", string director = "Dr Sam Example") =>
        new(ChangeRequestForm(reason, director)) { ["Command"] = "Submit" };

    public static string ChangeRequestUrl(string pcnCode) => $"/pcns/{pcnCode}/changes/new?kind=ClinicalDirector";

    /// <summary>A PCN with a manager, a clinical director, a claim line, a maturity return, a submitted EOI, a change request, a bid in a redistribution round and an access plan.</summary>
    public static async Task<PcnRecords> CreatePcnWithRecordsAsync(this PortalFactory factory, string? name = null)
    {
        var pcn = await factory.Data.CreatePcnAsync(name: name);
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var claimLine = await factory.Data.CreateClaimLineAsync(pcn.Code);
        var staffId = await factory.WithDbAsync(db => db.ArrsStaff.Where(s => s.PcnId == pcn.Id).Select(s => s.Id).FirstAsync());
        var maturityReturn = await factory.Data.CreateMaturityReturnAsync(pcn);
        var fund = await factory.Data.CreateFundAsync(quorum: 1);
        var eoiId = await factory.Data.CreateEoiAsync(fund, pcn.Code);
        var change = await factory.CreateClientFor(manager).SubmitFormAsync(ChangeRequestUrl(pcn.Code), ChangeRequestSubmission());
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var changeId = await factory.WithDbAsync(db => db.PcnChangeRequests.Where(c => c.PcnId == pcn.Id).Select(c => c.Id).SingleAsync());
        var giver = await factory.Data.CreatePcnAsync();
        var round = await factory.Data.CreateRedistributionRoundAsync(2020, null, (giver, 50_000m));
        var bid = await factory.Data.CreateRedistributionBidAsync(round, pcn);
        var accessPlan = await factory.Data.CreateAccessPlanAsync(pcn);
        return new PcnRecords(pcn, manager, director, claimLine, staffId, maturityReturn, fund, eoiId, changeId, round, bid, accessPlan);
    }

    /// <summary>Every state change writes audit rows in the same transaction, so an unchanged count means nothing was saved.</summary>
    public static Task<int> AuditCountAsync(this PortalFactory factory) => factory.WithDbAsync(db => db.AuditEntries.CountAsync());
}

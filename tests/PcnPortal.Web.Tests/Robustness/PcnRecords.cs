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

/// <summary>Real records owned by one PCN, made through the portal's own services and pages, for the IDOR and hostile-input tests.</summary>
public sealed record PcnRecords(
    Pcn Pcn,
    TestUser Manager,
    TestUser ClinicalDirector,
    int ClaimLineId,
    int StaffId,
    int MaturityReturnId,
    int FundId,
    int EoiId,
    int ChangeRequestId);

public static class RobustnessData
{
    public const string ClaimHeader = "pcn_code,staff_ref,staff_name,role,month,wte,start_date,end_date,salary,employer_ni,employer_pension,other_on_costs,third_party_fee,notes";

    private static int _maturityYear = 2070; // FinancialYear accepts 2000..2100

    public static string ClaimRow(string pcn, string staffRef, string month = "2020-05", string notes = "", string name = "Alex Test") =>
        $"{pcn},{staffRef},{name},CLINICAL_PHARMACIST,{month},1,2020-04-01,,4000.00,440.00,575.20,0,0,{notes}";

    public static async Task<int> CreateClaimLineAsync(this PortalFactory factory, string pcnCode, string notes = "")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var submissions = scope.ServiceProvider.GetRequiredService<ArrsClaimSubmissionService>();
        var staffRef = $"CP-{TestData.Next()}";
        var result = await submissions.SubmitCsvAsync($"{ClaimHeader}\n{ClaimRow(pcnCode, staffRef, notes: notes)}\n", pcnCode, "test");
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        return await factory.WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Pcn!.Code == pcnCode).OrderByDescending(l => l.Id).Select(l => l.Id).FirstAsync());
    }

    public static Task<int> CreateMaturityReturnAsync(this PortalFactory factory, Pcn pcn) => factory.WithDbAsync(async db =>
    {
        var matrix = await db.MatrixVersions.OrderBy(v => v.Id).FirstAsync();
        var round = new AssessmentRound
        {
            YearStart = Interlocked.Increment(ref _maturityYear),
            DueDate = new DateOnly(2099, 12, 31),
            MatrixVersionId = matrix.Id,
            OpenedBy = "test",
            OpenedAt = DateTime.UtcNow,
        };
        var maturityReturn = new MaturityReturn { PcnId = pcn.Id, Status = MaturityReturnStatus.NotStarted };
        round.Returns.Add(maturityReturn);
        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync();
        return maturityReturn.Id;
    });

    /// <summary>An OD fund set up, computed, approved and opened by finance through the pages; returns its id.</summary>
    public static async Task<int> CreateOpenFundAsync(this PortalFactory factory)
    {
        var finance = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance));
        var created = await finance.SubmitFormAsync("/od-funds/new", new Dictionary<string, string>
        {
            ["Input.Year"] = "2021/22",
            ["Input.Name"] = $"Robustness fund {TestData.Next()}",
            ["Input.Total"] = "720000.00",
            ["Input.Sources[0].Name"] = "NHS England PCN development",
            ["Input.Sources[0].Amount"] = "360000",
            ["Input.Sources[1].Name"] = "CCG top-up",
            ["Input.Sources[1].Amount"] = "360000",
            ["Input.RingFencePercent"] = "10",
            ["Input.HeldBack"] = "0",
            ["Input.Method"] = "PerCapita",
            ["Input.Rate"] = "0.66",
            ["Input.Basis"] = "Registered",
            ["Input.PopulationDate"] = "2021-10-01",
            ["Input.EoiDeadline"] = "2099-03-31",
            ["Input.Quorum"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = int.Parse(created.Headers.Location!.OriginalString.Split('/').Last(), CultureInfo.InvariantCulture);
        foreach (var action in new[] { "Compute", "Approve", "Status" })
        {
            Assert.Equal(HttpStatusCode.Redirect, (await finance.SubmitFormAsync($"/od-funds/{id}", new Dictionary<string, string>(), $"form[action*='{action}']")).StatusCode);
        }

        return id;
    }

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

    /// <summary>A PCN with a manager, a clinical director, a claim line, a maturity return, a submitted EOI and a change request.</summary>
    public static async Task<PcnRecords> CreatePcnWithRecordsAsync(this PortalFactory factory, string? name = null)
    {
        var pcn = await factory.Data.CreatePcnAsync(name: name);
        var manager = await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code);
        var director = await factory.Data.CreateUserAsync(PortalRoles.ClinicalDirector, pcn.Code);
        var claimLine = await factory.CreateClaimLineAsync(pcn.Code);
        var staffId = await factory.WithDbAsync(db => db.ArrsStaff.Where(s => s.PcnId == pcn.Id).Select(s => s.Id).FirstAsync());
        var maturityReturn = await factory.CreateMaturityReturnAsync(pcn);
        var fund = await factory.CreateOpenFundAsync();
        var eoi = await factory.CreateClientFor(director).SubmitFormAsync($"/od-funds/{fund}/eoi", EoiForm());
        Assert.Equal(HttpStatusCode.Redirect, eoi.StatusCode);
        var eoiId = await factory.WithDbAsync(db => db.OdEois.Where(e => e.FundId == fund && e.PcnCode == pcn.Code).Select(e => e.Id).SingleAsync());
        var change = await factory.CreateClientFor(manager).SubmitFormAsync($"/pcns/{pcn.Code}/changes/new", ChangeRequestForm());
        Assert.Equal(HttpStatusCode.Redirect, change.StatusCode);
        var changeId = await factory.WithDbAsync(db => db.PcnChangeRequests.Where(c => c.PcnId == pcn.Id).Select(c => c.Id).SingleAsync());
        return new PcnRecords(pcn, manager, director, claimLine, staffId, maturityReturn, fund, eoiId, changeId);
    }

    /// <summary>Every state change writes audit rows in the same transaction, so an unchanged count means nothing was saved.</summary>
    public static Task<int> AuditCountAsync(this PortalFactory factory) => factory.WithDbAsync(db => db.AuditEntries.CountAsync());
}

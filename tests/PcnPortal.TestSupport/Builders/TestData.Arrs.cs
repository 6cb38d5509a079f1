using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Arrs;

namespace PcnPortal.TestSupport;

/// <summary>ARRS builders: claim lines go through the real submission service (stored as Submitted and assessed by the rules engine, as import-claims does).</summary>
public sealed partial class TestData
{
    /// <summary>The header of a claims file (the contract's columns, in order).</summary>
    public const string ClaimHeader = "pcn_code,staff_ref,staff_name,role,month,wte,start_date,end_date,salary,employer_ni,employer_pension,other_on_costs,third_party_fee,notes";

    /// <summary>One row of a claims file: by default a 1.0 WTE clinical pharmacist (CP-&lt;PCN code&gt;) employed from 1 April 2020, claiming May 2020 at £4,000 salary, £440 NI and £575.20 pension (£5,015.20).</summary>
    public static string ClaimRow(
        string pcnCode,
        string? staffRef = null,
        string month = "2020-05",
        string role = "CLINICAL_PHARMACIST",
        string wte = "1",
        string start = "2020-04-01",
        string salary = "4000.00",
        string employerNi = "440.00",
        string employerPension = "575.20",
        string name = "Alex Test",
        string notes = "") =>
        $"{pcnCode},{staffRef ?? "CP-" + pcnCode},{name},{role},{month},{wte},{start},,{salary},{employerNi},{employerPension},0,0,{notes}";

    /// <summary>A claims file: the header and the rows.</summary>
    public static string ClaimCsv(params string[] rows) => ClaimHeader + "\n" + string.Join('\n', rows) + "\n";

    /// <summary>Submits the rows (any PCNs) as import-claims does; returns the given PCN's line ids by "yyyy-MM/staff ref".</summary>
    public async Task<Dictionary<string, int>> CreateClaimLinesAsync(string pcnCode, params string[] rows)
    {
        var result = await WithServiceAsync<ArrsClaimSubmissionService, ArrsSubmissionResult>(s => s.SubmitCsvAsync(ClaimCsv(rows), null, "cli"));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The claim lines were refused: " + string.Join("; ", result.Problems));
        }

        return await WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Pcn!.Code == pcnCode)
            .ToDictionaryAsync(l => l.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture) + "/" + l.StaffRef, l => l.Id));
    }

    /// <summary>One submitted, assessed claim line for the PCN (a new member of staff each time unless one is named); returns its id.</summary>
    public async Task<int> CreateClaimLineAsync(string pcnCode, string? staffRef = null, string month = "2020-05", string notes = "")
    {
        staffRef ??= $"CP-{Next()}";
        var ids = await CreateClaimLinesAsync(pcnCode, ClaimRow(pcnCode, staffRef, month, notes: notes));
        return ids[$"{month}/{staffRef}"];
    }

    /// <summary>Approves the lines as a contracts reviewer would (through the decision service).</summary>
    public async Task ApproveClaimLinesAsync(params int[] ids)
    {
        foreach (var id in ids)
        {
            var version = await WithDbAsync(db => db.ArrsClaimLines.Where(l => l.Id == id).Select(l => l.Version).SingleAsync());
            var outcome = await WithServiceAsync<ArrsDecisionService, ArrsDecisionOutcome>(d => d.DecideAsync(id, version, ArrsDecision.Approve, null, null, "reviewer@test"));
            if (outcome != ArrsDecisionOutcome.Done)
            {
                throw new InvalidOperationException($"Claim line {id} could not be approved: {outcome}");
            }
        }
    }

    /// <summary>A member of the PCN's ARRS staff (default: a 1.0 WTE social prescribing link worker from 1 April 2020); returns the id.</summary>
    public Task<int> CreateStaffMemberAsync(Pcn pcn, string? staffRef = null, string name = "Priya Shah", string roleCode = "SPLW", decimal wte = 1m, DateOnly? startDate = null) =>
        WithDbAsync(async db =>
        {
            var member = new ArrsStaffMember
            {
                PcnId = pcn.Id,
                StaffRef = staffRef ?? "ESR-" + pcn.Code,
                Name = name,
                RoleCode = roleCode,
                Employer = "Test Payee",
                Wte = wte,
                StartDate = startDate ?? new DateOnly(2020, 4, 1),
            };
            db.ArrsStaff.Add(member);
            await db.SaveChangesAsync();
            return member.Id;
        });

    /// <summary>A baseline post (the PCN's workforce on 31 March 2019) of the role and WTE; returns the id.</summary>
    public Task<int> CreateBaselineAsync(Pcn pcn, string roleCode = "CLINICAL_PHARMACIST", decimal wte = 1m, string? staffRef = null, DateOnly? vacantFrom = null) =>
        WithDbAsync(async db =>
        {
            var post = new ArrsBaseline { PcnId = pcn.Id, RoleCode = roleCode, Wte = wte, StaffRef = staffRef, VacantFrom = vacantFrom };
            db.ArrsBaselines.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });
}

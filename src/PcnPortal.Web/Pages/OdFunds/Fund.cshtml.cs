using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.OdFunds;
using PcnPortal.Web.Features.OdFunds;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>One fund: its definition, allocation versions with the working, the position per PCN, EOIs and payments. Finance acts here.</summary>
[Authorize(Policy = PortalPolicies.Commissioner)]
public sealed class FundModel(PortalDbContext db, OdFundReportQuery reports, OdAllocationService allocations, OdPanelQuorumQuery quorum, ICurrentUser currentUser) : PageModel
{
    public OdFundReport Report { get; private set; } = null!;

    public List<OdAllocationVersion> Versions { get; private set; } = [];

    /// <summary>The version shown: ?version=n, else the latest.</summary>
    public OdAllocationVersion? Shown { get; private set; }

    public OdAllocationDiff? Diff { get; private set; }

    public bool IsFinance => currentUser.IsInRole(PortalRoles.CommissionerFinance) || currentUser.IsInRole(PortalRoles.Administrator);

    public bool IsAdministrator => currentUser.IsInRole(PortalRoles.Administrator);

    public List<OdPanelMember> Panel { get; private set; } = [];

    /// <summary>Whether the panel can reach its quorum for every PCN with a share (the fund opens only when it can).</summary>
    public OdPanelQuorumQuery.Result Quorum { get; private set; } = null!;

    /// <summary>The person who computed a version cannot approve it.</summary>
    public bool ComputedByMe(OdAllocationVersion version) => allocations.ComputedByMe(version);

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken cancellationToken)
    {
        var report = await reports.GetAsync(id, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        Report = report;
        Versions = await db.OdAllocationVersions.AsNoTracking().Include(v => v.Shares)
            .Where(v => v.FundId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        Shown = version is null ? Versions.FirstOrDefault() : Versions.FirstOrDefault(v => v.Number == version);
        if (Shown is not null)
        {
            var previous = Versions.Where(v => v.Number < Shown.Number).MaxBy(v => v.Number);
            Diff = previous is null ? null : OdAllocationDiff.Compare(previous.ToDomain(), Shown.ToDomain());
        }

        Panel = await db.OdPanelMembers.AsNoTracking().Where(m => m.FundId == id).OrderBy(m => m.Name).ToListAsync(cancellationToken);
        Quorum = await quorum.CheckAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostComputeAsync(int id, CancellationToken cancellationToken)
    {
        if (!IsFinance)
        {
            return Forbid();
        }

        if (!await db.OdFunds.AnyAsync(f => f.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var result = await allocations.ComputeAsync(id, cancellationToken);
        if (result.Saved)
        {
            TempData["Success"] = $"Version {result.VersionNumber} of the allocation is computed. Check the shares, then approve it.";
        }
        else
        {
            TempData["Error"] = $"{result.Outcome.Explanation} Nothing was saved.";
        }

        return Redirect($"/od-funds/{id}");
    }

    public async Task<IActionResult> OnPostApproveAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (!IsFinance)
        {
            return Forbid();
        }

        var error = await allocations.ApproveAsync(id, number, cancellationToken);
        if (error is null)
        {
            TempData["Success"] = $"Version {number} of the allocation is approved and frozen. PCNs' expressions of interest are measured against it.";
        }
        else
        {
            TempData["Error"] = error;
        }

        return Redirect($"/od-funds/{id}?version={number}");
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, OdFundStatus status, CancellationToken cancellationToken)
    {
        if (!IsFinance)
        {
            return Forbid();
        }

        var fund = await db.OdFunds.SingleOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (fund is null)
        {
            return NotFound();
        }

        if (status == OdFundStatus.Open && !await db.OdAllocationVersions.AnyAsync(v => v.FundId == id && v.Status == OdAllocationStatus.Approved, cancellationToken))
        {
            TempData["Error"] = "Approve an allocation before opening the fund to expressions of interest.";
            return Redirect($"/od-funds/{id}");
        }

        if (!Enum.IsDefined(status) || status == OdFundStatus.Draft)
        {
            return BadRequest();
        }

        if (status == OdFundStatus.Open && await quorum.CheckAsync(id, cancellationToken) is { CanReachQuorum: false } panel)
        {
            TempData["Error"] = panel.Outcome.Explanation;
            return Redirect($"/od-funds/{id}");
        }

        fund.Status = status;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = "The fund was changed by someone else; check it and try again.";
            return Redirect($"/od-funds/{id}");
        }

        TempData["Success"] = status == OdFundStatus.Open
            ? "The fund is open: PCNs can submit expressions of interest."
            : "The fund is closed: no new expressions of interest can be submitted.";
        return Redirect($"/od-funds/{id}");
    }
}

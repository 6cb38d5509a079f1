using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>Another PCN's claim for the same person (staff reference) and month, as the contracts team sees it.</summary>
public sealed record SharedStaffLine(int Id, string PcnCode, string PcnName, decimal Wte, decimal Reimbursable, ArrsClaimStatus Status);

/// <summary>
/// A person (staff reference) claimed by more than one PCN in a month (issue 15, item 3; ADR 0012): the contracts team's
/// flag and filter in the review queue and on the home page, and every PCN's line for the person on a line's page. For
/// commissioners only (<see cref="Infrastructure.Security.SensitiveFields.CanSeeOtherPcnsClaims"/>): a PCN user is never shown
/// another PCN's figures or name. Rejected lines do not count.
/// </summary>
public sealed class ArrsSharedStaffQuery(PortalDbContext db)
{
    /// <summary>The lines whose person is also claimed by another PCN in the same month.</summary>
    public IQueryable<ArrsClaimLine> ClaimedByAnotherPcn(IQueryable<ArrsClaimLine> lines) =>
        lines.Where(l => db.ArrsClaimLines.Any(o => o.StaffRef == l.StaffRef && o.Month == l.Month && o.PcnId != l.PcnId && o.Status != ArrsClaimStatus.Rejected));

    /// <summary>Other PCNs' lines for the line's person and month (not rejected), by PCN code.</summary>
    public async Task<IReadOnlyList<SharedStaffLine>> OtherPcnsLinesAsync(ArrsClaimLine line, CancellationToken cancellationToken = default)
    {
        var rows = await db.ArrsClaimLines.AsNoTracking()
            .Where(o => o.StaffRef == line.StaffRef && o.Month == line.Month && o.PcnId != line.PcnId && o.Status != ArrsClaimStatus.Rejected)
            .Select(o => new
            {
                o.Id,
                o.Pcn!.Code,
                o.Pcn.Name,
                o.Wte,
                o.Reimbursable,
                o.Status,
            })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Code, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => new SharedStaffLine(r.Id, r.Code, r.Name, r.Wte, r.Reimbursable, r.Status)).ToList();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Pcns;

[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class DetailsModel(PortalDbContext db, ICurrentUser currentUser, TimeProvider clock) : PageModel
{
    public PcnSummary Pcn { get; private set; } = null!;

    public List<MemberRow> Practices { get; private set; } = [];

    public DateOnly PopulationDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        // Resource check: a PCN user may open only their own PCN, whatever the link.
        if (!currentUser.CanSeePcn(code))
        {
            return Forbid();
        }

        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        PopulationDate = PcnRegisterQuery.PopulationDateFor(today);
        var populationDate = PopulationDate;
        var pcn = await db.Pcns.AsNoTracking().Where(p => p.Code == code)
            .Select(p => new
            {
                p.Code,
                p.Name,
                p.CcgCode,
                p.CcgName,
                Locality = p.Locality == null ? null : p.Locality.Name,
                p.OpenDate,
                p.CloseDate,
                p.NominatedPayeeCode,
                p.NominatedPayeeName,
                Director = p.ClinicalDirectors.Where(c => c.From <= today && (c.To == null || c.To >= today)).Select(c => c.Name + " (" + c.Profession + ")").FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (pcn is null)
        {
            return NotFound();
        }

        Practices = await db.PcnMemberships.AsNoTracking()
            .Where(m => m.Pcn!.Code == code && m.StartDate <= today && (m.EndDate == null || m.EndDate >= today))
            .OrderBy(m => m.Practice!.Name)
            .Select(m => new MemberRow(
                m.Practice!.Code, m.Practice.Name, m.StartDate,
                m.Practice.ListSizes.Where(l => l.AsAt == populationDate).Select(l => (int?)l.Registered).FirstOrDefault(),
                m.Practice.ListSizes.Where(l => l.AsAt == populationDate).Select(l => l.Weighted).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        Pcn = new PcnSummary(
            pcn.Code, pcn.Name, pcn.CcgCode, pcn.CcgName, pcn.Locality, pcn.OpenDate, pcn.CloseDate, pcn.Director,
            pcn.NominatedPayeeCode is null ? null : $"{pcn.NominatedPayeeName} ({pcn.NominatedPayeeCode})",
            Practices.Sum(p => p.Registered ?? 0));
        return Page();
    }

    public sealed record PcnSummary(
        string Code, string Name, string CcgCode, string? CcgName, string? Locality, DateOnly OpenDate, DateOnly? CloseDate,
        string? ClinicalDirector, string? Payee, int Registered);

    public sealed record MemberRow(string Code, string Name, DateOnly Since, int? Registered, decimal? Weighted);
}

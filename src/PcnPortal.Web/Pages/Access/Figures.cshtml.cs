using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Access;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Access;

/// <summary>The access requirement figures held, each part with its status and citation, and how a period is worked out.</summary>
[Authorize(Policy = PortalPolicies.PcnOrCommissioner)]
public sealed class FiguresModel(PortalDbContext db) : PageModel
{
    public IReadOnlyList<AccessRequirementFigure> Figures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Figures = await db.AccessRequirementFigures.AsNoTracking().OrderBy(f => f.From).ToListAsync(cancellationToken);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Arrs;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Admin.ReferenceData;

/// <summary>The ARRS reference data: role codes, effective-dated rates by area tier, ARR Sum methods, role limits.</summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(ArrsReferenceService reference) : PageModel
{
    public ArrsReferenceData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Data = await reference.LoadAsync(cancellationToken);

    public static string Tier(AreaTier tier) => tier switch
    {
        AreaTier.OuterLondon => "Outer London",
        AreaTier.InnerLondon => "Inner London",
        _ => "National",
    };
}

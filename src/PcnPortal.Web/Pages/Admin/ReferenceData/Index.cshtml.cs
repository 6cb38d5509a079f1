using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Admin.ReferenceData;

/// <summary>The ARRS reference data: role codes, effective-dated rates by area tier, ARR Sum methods, role limits.</summary>
[Authorize(Policy = PortalPolicies.Administration)]
public sealed class IndexModel(ArrsReferenceService reference) : PageModel
{
    public ArrsReferenceData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Data = await reference.LoadAsync(cancellationToken);

    /// <summary>A role by its name (the code only for a code the reference data does not hold).</summary>
    public static string RoleName(ArrsReferenceData data, string code) => data.FindRole(code)?.Name ?? code;

    /// <summary>A rate entry's status, e.g. "carried forward from 1 October 2024: no published figure for 1 April 2025 held".</summary>
    public static string Status(RoleRateEntry entry) => FigureStatusText.Describe(entry, entry.EffectiveFrom.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture));

    public static string Tier(AreaTier tier) => tier switch
    {
        AreaTier.OuterLondon => "Outer London",
        AreaTier.InnerLondon => "Inner London",
        _ => "National",
    };
}

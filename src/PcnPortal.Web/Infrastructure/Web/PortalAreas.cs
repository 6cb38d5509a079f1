using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Infrastructure.Web;

/// <summary>An area of the portal shown on the home page and in the header, to those whose policy allows it.</summary>
public sealed record PortalArea(string Title, string Description, string Url, string Policy);

/// <summary>
/// The areas that exist. An area is listed only once it works end to end: there are no "coming soon" links.
/// </summary>
public static class PortalAreas
{
    public static readonly IReadOnlyList<PortalArea> All =
    [
        new("PCNs", "The register of Primary Care Networks, their member practices, list sizes and clinical directors.", "/pcns", PortalPolicies.PcnOrCommissioner),
        new("OD funds", "Organisational development funds: shares per PCN, expressions of interest, panel decisions and payments.", "/od-funds", PortalPolicies.PcnOrCommissioner),
        new("Users", "Add people, set their role and PCN, and disable accounts.", "/admin/users", PortalPolicies.Administration),
        new("Audit log", "Every change to the portal's data: who, when, and the values before and after.", "/admin/audit", PortalPolicies.Administration),
    ];
}

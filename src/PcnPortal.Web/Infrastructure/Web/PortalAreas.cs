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
        new("Maturity matrix", "Annual PCN self-assessment against the maturity matrix: returns, review meetings, and the picture across PCNs and years.", "/maturity", PortalPolicies.PcnOrCommissioner),
        new("ARRS claims", "Monthly Additional Roles Reimbursement Scheme claims: submit, see each line's rule outcomes, answer queries.", "/claims", PortalPolicies.PcnOrCommissioner),
        new("Claims review", "The contracts team's queue of ARRS claim lines, with the rules engine's explanations: approve, reject or query.", "/claims/review", PortalPolicies.Contracts),
        new("Import national data", "Load NHS Digital ePCN.xlsx and list size files for the whole country; see what changed and which PCNs need attention.", "/pcns/import", PortalPolicies.Contracts),
        new("Access", "Extended hours and enhanced access: each PCN's plan, quarterly declarations of appointments and minutes against the minutes required.", "/access", PortalPolicies.PcnOrCommissioner),
        new("OD funds", "Organisational development funds: shares per PCN, expressions of interest, panel decisions and payments.", "/od-funds", PortalPolicies.PcnOrCommissioner),
        new("Users", "Add people, set their role and PCN, and disable accounts.", "/admin/users", PortalPolicies.Administration),
        new("Committee papers", "Papers for the Primary Care Commissioning Committee, drawn from live portal data and exported as PDF.", "/papers", PortalPolicies.Papers),
        new("Finance", "ARRS spend against each PCN's ARR Sum, forecast to year end with what-if posts, and the monthly payment schedule.", "/finance", PortalPolicies.FinanceOrContracts),
        new("Unused ARRS entitlement", "Redistribution rounds (2019/20 to 2023/24): the pool of expected unused ARR Sum, PCNs' bids for further posts, decisions and the reductions of the giving PCNs.", "/finance/redistribution", PortalPolicies.PcnOrCommissioner),
        new("Reference data", "ARRS role codes, effective-dated rates and maximums by area tier, ARR Sum methods and role limits.", "/admin/reference-data", PortalPolicies.Administration),
        new("Audit log", "Every change to the portal's data: who, when, and the values before and after.", "/admin/audit", PortalPolicies.Administration),
    ];
}

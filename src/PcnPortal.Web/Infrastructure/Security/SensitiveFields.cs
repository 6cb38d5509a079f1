using System.Security.Claims;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Fields some roles may open a page for but must not read (#15.14): each role sees what its work needs.
/// Pages ask here rather than testing roles themselves, and the authorisation matrix test checks every role against it.
/// </summary>
public static class SensitiveFields
{
    /// <summary>
    /// Named staff with their pay (name, staff reference, salary and on-costs, claimed, reimbursable and approved amounts, the
    /// rules' explanations quoting them, notes and the PCN's answer): the PCN that employs them (own PCN only, checked by
    /// <see cref="PcnScope"/>), the contracts and finance teams and administrators. Not committee secretaries or panel members,
    /// who work from totals.
    /// </summary>
    public static bool CanSeeStaffPay(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.CommissionerContracts) || user.IsInRole(PortalRoles.CommissionerFinance)
        || user.IsInRole(PortalRoles.PcnManager) || user.IsInRole(PortalRoles.ClinicalDirector);

    /// <summary>
    /// Another PCN's claim for the same person and month (its PCN, WTE, amount and status: ADR 0012): the contracts and finance
    /// teams and administrators, never a PCN user (who is told only that the person's hours across PCNs are being checked).
    /// </summary>
    public static bool CanSeeOtherPcnsClaims(ClaimsPrincipal user) =>
        user.IsInRole(PortalRoles.Administrator) || user.IsInRole(PortalRoles.CommissionerContracts) || user.IsInRole(PortalRoles.CommissionerFinance);

    /// <summary>
    /// The text of a panel member's declared interest (as recorded against a decision they were excluded from): commissioner roles.
    /// A PCN user is told that members with a declared interest took no part, not what the interest is.
    /// </summary>
    public static bool CanSeeDeclaredInterests(ClaimsPrincipal user) =>
        !user.IsInRole(PortalRoles.PcnManager) && !user.IsInRole(PortalRoles.ClinicalDirector);
}

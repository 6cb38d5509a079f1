using Microsoft.AspNetCore.Identity;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>A person who signs in to the portal.</summary>
public class PortalUser : IdentityUser
{
    public required string DisplayName { get; set; }

    /// <summary>The PCN a PCN manager or clinical director belongs to; null for commissioner roles.</summary>
    public string? PcnCode { get; set; }

    /// <summary>A disabled account cannot sign in; it is kept so the audit trail still names it.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>Set when an administrator sets the password: the person must choose their own at their next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>The single sign-on provider's stable id for this person (<c>oid</c>, else <c>sub</c>); null until linked.</summary>
    public string? ExternalSubject { get; set; }

    /// <summary>The provider's tenant the subject belongs to (<c>tid</c>, else the token's issuer); set with <see cref="ExternalSubject"/>.</summary>
    public string? ExternalTenant { get; set; }
}

using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>Adds the user's PCN, display name and record version to their sign-in cookie.</summary>
internal sealed class PortalClaimsFactory(
    UserManager<PortalUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.ConcurrencyStamp is { } version)
        {
            identity.AddClaim(new Claim(PortalClaims.UserVersion, version));
        }

        if (!string.IsNullOrEmpty(user.PcnCode))
        {
            identity.AddClaim(new Claim(PortalClaims.PcnCode, user.PcnCode));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        }

        return identity;
    }
}

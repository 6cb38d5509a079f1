using System.Security.Claims;
using PcnPortal.Web.Infrastructure.Auditing;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>The signed-in user as the rest of the portal needs to know them.</summary>
public interface ICurrentUser : IAuditActor
{
    bool IsSignedIn { get; }

    /// <summary>The PCN a PCN-scoped user belongs to; null for commissioners. Ask <see cref="PcnScope"/> what the user may see.</summary>
    string? PcnCode { get; }

    bool IsPcnScoped { get; }

    bool IsInRole(string role);
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;

    public string Name => IsSignedIn ? Principal!.Identity!.Name ?? "unknown" : "system";

    public string? UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    public string? PcnCode => Principal?.FindFirstValue(PortalClaims.PcnCode);

    public bool IsPcnScoped => PortalRoles.PcnScoped.Any(IsInRole);

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}

using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// The one answer to "which PCN may this user see, and for which may they act": commissioners see every PCN; a PCN
/// manager or clinical director sees, and acts for, their own PCN only. Pages and services ask this rather than
/// comparing <see cref="ICurrentUser.PcnCode"/> themselves.
/// </summary>
public sealed class PcnScope(ICurrentUser currentUser, PortalDbContext db)
{
    /// <summary>True for PCN managers and clinical directors, who see only their own PCN.</summary>
    public bool IsPcnUser => currentUser.IsPcnScoped;

    /// <summary>The PCN a PCN user belongs to; null for commissioners (and for a PCN user whose account names no PCN).</summary>
    public string? OwnPcnCode => currentUser.IsPcnScoped ? currentUser.PcnCode : null;

    /// <summary>
    /// For queries: null when the user sees every PCN; otherwise the only PCN code they may see ("-", matching no PCN, for a
    /// PCN user whose account names none).
    /// </summary>
    public string? OnlyPcnCode => currentUser.IsPcnScoped ? currentUser.PcnCode ?? "-" : null;

    /// <summary>True when the user may see the PCN's data: commissioners see every PCN, PCN users only their own.</summary>
    public bool CanSee(string pcnCode)
    {
        if (!currentUser.IsSignedIn)
        {
            return false;
        }

        if (PortalPolicies.CommissionerRoles.Any(currentUser.IsInRole))
        {
            return true;
        }

        return IsOwn(pcnCode);
    }

    /// <summary>True when the user is a PCN user of this PCN, and so may act for it (submit claims, propose changes, fill in returns).</summary>
    public bool IsOwn(string pcnCode) =>
        currentUser.IsSignedIn && currentUser.IsPcnScoped && currentUser.PcnCode is { } own && string.Equals(own, pcnCode, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The PCN a page about one PCN (<c>?pcn=</c>) is about: a PCN user's own PCN, refused when they ask for another; for a
    /// commissioner, the one asked for (which may be none).
    /// </summary>
    public PcnChoice Resolve(string? requested)
    {
        if (!currentUser.IsPcnScoped)
        {
            return new PcnChoice(false, requested, []);
        }

        return requested is not null && !CanSee(requested) ? PcnChoice.Refused : new PcnChoice(false, currentUser.PcnCode, []);
    }

    /// <summary>
    /// The PCN a page that shows one PCN at a time (<c>?pcn=</c>) should show. A PCN user gets their own PCN, and is refused when
    /// they ask for another; a commissioner gets the one asked for, or the first by name, with every PCN to choose from.
    /// </summary>
    public async Task<PcnChoice> ChooseAsync(string? requested, CancellationToken cancellationToken)
    {
        if (currentUser.IsPcnScoped)
        {
            return Resolve(requested);
        }

        var pcns = await db.Pcns.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Code, p.Name }).ToListAsync(cancellationToken);
        List<(string Code, string Name)> choices = [.. pcns.Select(p => (p.Code, p.Name))];
        return new PcnChoice(false, requested ?? choices.FirstOrDefault().Code, choices);
    }
}

/// <summary>The outcome of <see cref="PcnScope.ChooseAsync"/>: refused, or the PCN to show and (for commissioners) the PCNs to choose from.</summary>
public sealed record PcnChoice(bool IsRefused, string? PcnCode, IReadOnlyList<(string Code, string Name)> Choices)
{
    public static PcnChoice Refused { get; } = new(true, null, []);
}

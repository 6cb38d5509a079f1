using System.Text.Json;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>
/// Security events written to the audit log (entity "Account", keyed by the user's id, or "unknown" for an email with no
/// account): sign-ins, failed sign-ins, lockouts, sign-outs, password changes and resets. Never a password, only who, when and
/// from which address.
/// </summary>
public sealed class AccountAudit(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string Entity = "Account";

    public const string SignedIn = nameof(SignedIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string LockedOut = nameof(LockedOut);
    public const string SignedOut = nameof(SignedOut);
    public const string PasswordChanged = nameof(PasswordChanged);
    public const string PasswordReset = nameof(PasswordReset);

    /// <param name="action">One of the constants above.</param>
    /// <param name="userId">The account's id; null when the email matches no account.</param>
    /// <param name="email">The account's email (or what was typed).</param>
    /// <param name="actor">Who did it: the person themselves unless an administrator acted.</param>
    public async Task RecordAsync(string action, string? userId, string email, string? actor = null, string? actorUserId = null, CancellationToken cancellationToken = default)
    {
        var details = new Dictionary<string, string?>
        {
            ["Email"] = Truncate(email, 256),
            ["Address"] = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
        };
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Actor = Truncate(actor ?? email, 256),
            ActorUserId = actorUserId ?? userId,
            Action = action,
            Entity = Entity,
            EntityKey = userId ?? "unknown",
            After = JsonSerializer.Serialize(details),
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}

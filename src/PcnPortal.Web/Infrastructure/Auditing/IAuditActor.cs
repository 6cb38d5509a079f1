namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>Who is making changes right now: the signed-in user, or the process itself.</summary>
public interface IAuditActor
{
    string Name { get; }

    string? UserId { get; }
}

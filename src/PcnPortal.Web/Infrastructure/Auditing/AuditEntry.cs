namespace PcnPortal.Web.Infrastructure.Auditing;

/// <summary>One change to business data: who made it, when, to what, and the values before and after.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    /// <summary>UTC time of the change.</summary>
    public DateTime At { get; set; }

    /// <summary>The user's email, or "cli", "demo-seed" or "system".</summary>
    public required string Actor { get; set; }

    public string? ActorUserId { get; set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public required string Action { get; set; }

    /// <summary>The entity's type name, e.g. Pcn.</summary>
    public required string Entity { get; set; }

    /// <summary>The entity's key, e.g. 42 (or several parts joined by "/").</summary>
    public required string EntityKey { get; set; }

    /// <summary>JSON object of the changed properties' values before the change (null for an insert).</summary>
    public string? Before { get; set; }

    /// <summary>JSON object of the changed properties' values after the change (null for a delete).</summary>
    public string? After { get; set; }
}

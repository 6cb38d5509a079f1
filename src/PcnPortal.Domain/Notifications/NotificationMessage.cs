namespace PcnPortal.Domain.Notifications;

public enum NotificationState
{
    /// <summary>Waiting for the sender (or for its next attempt after a failure).</summary>
    Pending = 1,
    Sent = 2,

    /// <summary>Every attempt failed; an administrator may retry it.</summary>
    Failed = 3,

    /// <summary>The person chose a daily digest for this kind: it waits for the day's digest email.</summary>
    AwaitingDigest = 4,

    /// <summary>Included in a digest email (<see cref="NotificationMessage.DigestId"/>).</summary>
    InDigest = 5,
}

/// <summary>
/// One email to one person, written to the outbox in the same transaction as the change that causes it, and sent
/// later by the background sender. Never holds salaries or other personal data: the PCN, the item and a link.
/// </summary>
public class NotificationMessage
{
    public long Id { get; set; }

    public NotificationKind Kind { get; set; }

    public string? RecipientUserId { get; set; }

    public required string RecipientEmail { get; set; }

    public string? PcnCode { get; set; }

    public required string Subject { get; set; }

    /// <summary>Plain text: what happened, and what to do.</summary>
    public required string Body { get; set; }

    /// <summary>The absolute address of the item in the portal.</summary>
    public required string Link { get; set; }

    public NotificationState State { get; set; } = NotificationState.Pending;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the sender may next try (now for a new message; later after a failure, with back-off).</summary>
    public DateTime NextAttemptAtUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>The sender instance holding the message while it sends it, until <see cref="ClaimedUntilUtc"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }

    public DateTime? SentAtUtc { get; set; }

    /// <summary>How it went out: Smtp, Notify, or Outbox (kept here only: "would have been sent").</summary>
    public string? Transport { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// For messages that must be written once only (reminders, digests): a unique key, so a restart or a second
    /// portal instance cannot write the same reminder twice. Null for event notifications.
    /// </summary>
    public string? DedupeKey { get; set; }

    /// <summary>The digest email this message went out in.</summary>
    public long? DigestId { get; set; }
}

/// <summary>A person's choice for one kind of notification (no row: immediately).</summary>
public class NotificationPreference
{
    public int Id { get; set; }

    public required string UserId { get; set; }

    public NotificationKind Kind { get; set; }

    public NotificationDelivery Delivery { get; set; }
}

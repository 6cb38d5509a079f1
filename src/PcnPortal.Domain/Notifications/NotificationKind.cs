namespace PcnPortal.Domain.Notifications;

/// <summary>What an email is about. Stored by name in the outbox and in preferences: add kinds, never rename one.</summary>
public enum NotificationKind
{
    ClaimLineQueried = 1,
    ClaimLineRejected = 2,
    ChangeRequestReturned = 3,
    ChangeRequestApproved = 4,
    ChangeRequestSubmitted = 5,
    EoiReturned = 6,
    EoiDecided = 7,
    EoiAwaitingPanel = 8,
    MaturityRoundOpened = 9,
    ConfirmationWaiting = 10,
    DeadlineReminder = 11,
    ClaimLinesDueTomorrow = 12,
    ApprovedLinesAwaitingPayment = 13,

    /// <summary>One email gathering a person's notifications they chose to receive as a daily digest.</summary>
    DailyDigest = 14,

    /// <summary>A panel member named as a voter on a recorded decision is asked to confirm their own vote.</summary>
    VoteConfirmationWaiting = 15,
}

/// <summary>How a person wants one kind of notification.</summary>
public enum NotificationDelivery
{
    Immediately = 1,
    DailyDigest = 2,
    Off = 3,
}

/// <summary>The rules about kinds and preferences, in the users' words.</summary>
public static class NotificationKinds
{
    /// <summary>The kinds a person can choose about, in the order the preferences page lists them.</summary>
    public static readonly IReadOnlyList<NotificationKind> Choosable =
    [
        NotificationKind.ClaimLineQueried, NotificationKind.ClaimLineRejected, NotificationKind.ChangeRequestReturned,
        NotificationKind.ChangeRequestApproved, NotificationKind.ChangeRequestSubmitted, NotificationKind.EoiReturned,
        NotificationKind.EoiDecided, NotificationKind.EoiAwaitingPanel, NotificationKind.VoteConfirmationWaiting, NotificationKind.MaturityRoundOpened,
        NotificationKind.ConfirmationWaiting, NotificationKind.DeadlineReminder, NotificationKind.ClaimLinesDueTomorrow,
        NotificationKind.ApprovedLinesAwaitingPayment,
    ];

    /// <summary>
    /// Deadline reminders go to the people who owe the deadline whatever they chose: they may have them in a digest,
    /// never off. Everything else may be turned off.
    /// </summary>
    public static bool CanTurnOff(NotificationKind kind) => kind != NotificationKind.DeadlineReminder;

    /// <summary>Digests are already one email a day: a digest choice for them means the same as immediately.</summary>
    public static bool IsDigestItself(NotificationKind kind) =>
        kind is NotificationKind.ClaimLinesDueTomorrow or NotificationKind.ApprovedLinesAwaitingPayment or NotificationKind.DailyDigest;

    /// <summary>What actually happens for a person's choice (none made: immediately).</summary>
    public static NotificationDelivery Effective(NotificationKind kind, NotificationDelivery? chosen) => chosen switch
    {
        null => NotificationDelivery.Immediately,
        NotificationDelivery.Off when !CanTurnOff(kind) => NotificationDelivery.Immediately,
        NotificationDelivery.DailyDigest when IsDigestItself(kind) => NotificationDelivery.Immediately,
        _ => chosen.Value,
    };

    public static string Describe(NotificationKind kind) => kind switch
    {
        NotificationKind.ClaimLineQueried => "A claim line is queried",
        NotificationKind.ClaimLineRejected => "A claim line is rejected",
        NotificationKind.ChangeRequestReturned => "A change request is returned",
        NotificationKind.ChangeRequestApproved => "A change request is approved",
        NotificationKind.ChangeRequestSubmitted => "A change request is submitted for review",
        NotificationKind.EoiReturned => "An expression of interest is returned",
        NotificationKind.EoiDecided => "An expression of interest is decided",
        NotificationKind.EoiAwaitingPanel => "An expression of interest is waiting for the panel's decision",
        NotificationKind.MaturityRoundOpened => "A maturity assessment round opens",
        NotificationKind.ConfirmationWaiting => "An expression of interest is waiting for the clinical director's confirmation",
        NotificationKind.DeadlineReminder => "Reminders 10 and 2 working days before a deadline you owe",
        NotificationKind.ClaimLinesDueTomorrow => "Claim lines whose 5-working-day decision clock ends on the next working day (daily)",
        NotificationKind.ApprovedLinesAwaitingPayment => "Approved claim lines awaiting payment at month end",
        NotificationKind.DailyDigest => "Daily digest",
        NotificationKind.VoteConfirmationWaiting => "A panel decision names you as a voter and waits for you to confirm your vote",
        _ => kind.ToString(),
    };
}

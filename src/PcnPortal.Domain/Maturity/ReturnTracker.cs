namespace PcnPortal.Domain.Maturity;

public enum MaturityReturnStatus
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,
    Reviewed = 3,
}

/// <summary>One PCN's return in a round: its status and, once submitted, the date it was submitted.</summary>
public sealed record ReturnTrackerEntry(string PcnCode, MaturityReturnStatus Status, DateOnly? SubmittedOn = null)
{
    /// <summary>Submitted or Reviewed: the CCG has it.</summary>
    public bool IsReceived => Status is MaturityReturnStatus.Submitted or MaturityReturnStatus.Reviewed;

    /// <summary>Not received and <paramref name="today"/> is after the due date (the due date itself is not overdue).</summary>
    public bool IsOverdue(DateOnly dueDate, DateOnly today) => !IsReceived && today > dueDate;

    /// <summary>Received, with a submission date after the due date.</summary>
    public bool IsSubmittedLate(DateOnly dueDate) => IsReceived && SubmittedOn is { } d && d > dueDate;
}

/// <summary>Round progress for the tracker page and committee: "15 of 18 received".</summary>
public sealed record ReturnTrackerSummary(
    int Expected,
    int Received,
    IReadOnlyDictionary<MaturityReturnStatus, int> ByStatus,
    IReadOnlyList<string> OverduePcnCodes,
    IReadOnlyList<string> SubmittedLatePcnCodes)
{
    public string ReceivedText => $"{Received} of {Expected} received";
}

public static class ReturnTracker
{
    /// <summary>Summarises a round's entries (one per expected PCN) against its due date, as at <paramref name="today"/>.</summary>
    public static ReturnTrackerSummary Summarise(IReadOnlyCollection<ReturnTrackerEntry> entries, DateOnly dueDate, DateOnly today)
    {
        var byStatus = Enum.GetValues<MaturityReturnStatus>().ToDictionary(s => s, s => entries.Count(e => e.Status == s));
        return new ReturnTrackerSummary(
            entries.Count,
            entries.Count(e => e.IsReceived),
            byStatus,
            [.. entries.Where(e => e.IsOverdue(dueDate, today)).Select(e => e.PcnCode)],
            [.. entries.Where(e => e.IsSubmittedLate(dueDate)).Select(e => e.PcnCode)]);
    }
}

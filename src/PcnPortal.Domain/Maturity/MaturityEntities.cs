using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Maturity;

/// <summary>A stored version of the matrix an administrator can edit; a round records the version it used.</summary>
public class MatrixVersion : IVersioned
{
    public int Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The financial year (start year, 2019 for 2019/20) the version was written for; null for the original matrix.</summary>
    public int? FromYear { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Version { get; set; }

    public List<MatrixDescriptor> Descriptors { get; set; } = [];

    /// <summary>The pure form used by the domain logic.</summary>
    public MaturityMatrixVersion ToDomain() =>
        new(Name, [.. Descriptors.Select(d => new MaturityDescriptor(d.Domain, d.Step, d.ForPcns, d.ForSystems))]);
}

/// <summary>One cell of a stored matrix: what the step looks like for PCNs and for systems in one domain.</summary>
public class MatrixDescriptor : IVersioned
{
    public int Id { get; set; }

    public int MatrixVersionId { get; set; }

    public MatrixVersion? MatrixVersion { get; set; }

    public MaturityDomain Domain { get; set; }

    public MaturityStep Step { get; set; }

    public required string ForPcns { get; set; }

    public required string ForSystems { get; set; }

    public int Version { get; set; }
}

/// <summary>An annual self-assessment round: every open PCN in the CCG is asked for a return by the due date.</summary>
public class AssessmentRound
{
    public int Id { get; set; }

    /// <summary>Start year of the financial year assessed (2021 for 2021/22). One round per year.</summary>
    public int YearStart { get; set; }

    public FinancialYear Year => new(YearStart);

    public DateOnly DueDate { get; set; }

    public int MatrixVersionId { get; set; }

    public MatrixVersion? MatrixVersion { get; set; }

    public required string OpenedBy { get; set; }

    public DateTime OpenedAt { get; set; }

    public List<MaturityReturn> Returns { get; set; } = [];
}

/// <summary>One PCN's return in a round, with its answers per domain and, once reviewed, the review meeting's outcome.</summary>
public class MaturityReturn : IVersioned
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    public AssessmentRound? Round { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public MaturityReturnStatus Status { get; set; }

    public DateTime? LastEditedAt { get; set; }

    public string? LastEditedBy { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>The date (UK) the return was submitted, for the late check against the round's due date.</summary>
    public DateOnly? SubmittedOn { get; set; }

    public DateOnly? ReviewMeetingDate { get; set; }

    public string? ReviewAttendees { get; set; }

    public string? ReviewSummary { get; set; }

    public string? ReviewActions { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public int Version { get; set; }

    public List<MaturityAnswer> Answers { get; set; } = [];

    public bool IsReceived => Status is MaturityReturnStatus.Submitted or MaturityReturnStatus.Reviewed;

    public MaturityAnswer? AnswerFor(MaturityDomain domain) => Answers.FirstOrDefault(a => a.Domain == domain);

    /// <summary>The domain positions as the pure logic reads them: the agreed position where the review changed it.</summary>
    public PcnMaturityReturn ToDomain(string pcnCode, bool useAgreed = true) =>
        new(pcnCode, [.. Answers.Where(a => a.Position is not null)
            .OrderBy(a => a.Domain)
            .Select(a => new DomainPosition(a.Domain, useAgreed ? a.EffectivePosition!.Value : a.Position!.Value, a.NotAssessedReason))]);
}

/// <summary>A PCN's answer for one domain of its return.</summary>
public class MaturityAnswer
{
    public int Id { get; set; }

    public int ReturnId { get; set; }

    public MaturityReturn? Return { get; set; }

    public MaturityDomain Domain { get; set; }

    /// <summary>The self-assessed position; null while the domain is still to do.</summary>
    public MaturityPosition? Position { get; set; }

    public string? NotAssessedReason { get; set; }

    public string? Evidence { get; set; }

    public string? WhatWorkedWell { get; set; }

    public string? ToContinue { get; set; }

    public string? SupportNeeded { get; set; }

    /// <summary>The position agreed at the review meeting, recorded only where it differs from the self-assessment.</summary>
    public MaturityPosition? AgreedPosition { get; set; }

    public MaturityPosition? EffectivePosition => AgreedPosition ?? Position;

    public DomainPosition? ToDomainPosition() =>
        Position is { } p ? new DomainPosition(Domain, p, NotAssessedReason) : null;
}

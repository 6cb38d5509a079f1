using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>What a PCN asks the commissioner to change.</summary>
public enum PcnChangeKind
{
    ClinicalDirector = 1,
    NominatedPayee = 2,
    Agreements = 3,
    PracticeJoins = 4,
    PracticeLeaves = 5,
}

public enum PcnChangeStatus
{
    Submitted = 1,

    /// <summary>Approved; applied to the register on its effective date (see <see cref="PcnChangeRequest.AppliedOn"/>).</summary>
    Approved = 2,

    Returned = 3,
}

/// <summary>
/// A change a PCN manager or clinical director proposes for their PCN, with the date it takes effect and why. The commissioner
/// approves it (applied on its effective date) or returns it with a reason.
/// </summary>
public class PcnChangeRequest : IVersioned
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public PcnChangeKind Kind { get; set; }

    public PcnChangeStatus Status { get; set; } = PcnChangeStatus.Submitted;

    public DateOnly EffectiveDate { get; set; }

    public required string Reason { get; set; }

    /// <summary>New clinical director's name (ClinicalDirector).</summary>
    public string? DirectorName { get; set; }

    public string? DirectorProfession { get; set; }

    /// <summary>Nominated payee ODS code and name (NominatedPayee), or the practice joining or leaving (PracticeJoins/Leaves).</summary>
    public string? OrganisationCode { get; set; }

    public string? OrganisationName { get; set; }

    public DateOnly? NetworkAgreementSigned { get; set; }

    public DateOnly? DataSharingAgreementSigned { get; set; }

    public required string SubmittedBy { get; set; }

    public DateTime SubmittedAt { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? ReturnReason { get; set; }

    /// <summary>The date the approved change was written to the register; null until then.</summary>
    public DateOnly? AppliedOn { get; set; }

    public int Version { get; set; }

    public string Describe() => Kind switch
    {
        PcnChangeKind.ClinicalDirector => $"Clinical director: {DirectorName} ({DirectorProfession})",
        PcnChangeKind.NominatedPayee => $"Nominated payee: {OrganisationName} ({OrganisationCode})",
        PcnChangeKind.Agreements => "Agreements: " + string.Join(", ", new[]
        {
            NetworkAgreementSigned is { } n ? $"network agreement signed {n:d MMM yyyy}" : null,
            DataSharingAgreementSigned is { } d ? $"data-sharing agreement signed {d:d MMM yyyy}" : null,
        }.Where(s => s is not null)),
        PcnChangeKind.PracticeJoins => $"Practice joins: {OrganisationCode}{(OrganisationName is null ? string.Empty : $" {OrganisationName}")}",
        PcnChangeKind.PracticeLeaves => $"Practice leaves: {OrganisationCode}{(OrganisationName is null ? string.Empty : $" {OrganisationName}")}",
        _ => Kind.ToString(),
    };
}

using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Registration;

/// <summary>A Primary Care Network: one or more GP practices working together under the Network Contract DES.</summary>
public class Pcn : IVersioned
{
    public int Id { get; set; }

    /// <summary>ODS code, "U" and five digits.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The commissioner's ODS code (CCG, later sub-ICB location).</summary>
    public required string CcgCode { get; set; }

    public string? CcgName { get; set; }

    public int? LocalityId { get; set; }

    public Locality? Locality { get; set; }

    public DateOnly OpenDate { get; set; }

    public DateOnly? CloseDate { get; set; }

    /// <summary>ODS code of the member practice or provider that receives the PCN's payments.</summary>
    public string? NominatedPayeeCode { get; set; }

    public string? NominatedPayeeName { get; set; }

    public DateOnly? NetworkAgreementSigned { get; set; }

    public DateOnly? DataSharingAgreementSigned { get; set; }

    /// <summary>A note describing the PCN's map or boundary.</summary>
    public string? MapNote { get; set; }

    /// <summary>
    /// Set when the commissioner has agreed that the PCN may sit outside the 30,000 to 50,000 population band.
    /// </summary>
    public string? PopulationExceptionReason { get; set; }

    public DateOnly? PopulationExceptionAgreed { get; set; }

    /// <summary>Who at the commissioner agreed the population exception.</summary>
    public string? PopulationExceptionAgreedBy { get; set; }

    /// <summary>
    /// The extract date of the latest ODS ePCN workbook that listed this PCN (null: never imported). A file extracted before it
    /// is refused for this PCN's data, so an older file cannot undo a newer one.
    /// </summary>
    public DateOnly? EpcnExtractDate { get; set; }

    public int Version { get; set; }

    public List<PcnMembership> Memberships { get; set; } = [];

    public List<ClinicalDirector> ClinicalDirectors { get; set; } = [];

    public bool IsOpenOn(DateOnly date) => OpenDate <= date && (CloseDate is null || CloseDate >= date);

    /// <summary>Open, not yet open (before its open date) or closed (after its close date) on a date.</summary>
    public PcnStatus StatusOn(DateOnly date) => StatusOn(OpenDate, CloseDate, date);

    public static PcnStatus StatusOn(DateOnly openDate, DateOnly? closeDate, DateOnly date) =>
        date < openDate ? PcnStatus.NotYetOpen : closeDate is { } close && close < date ? PcnStatus.Closed : PcnStatus.Open;
}

/// <summary>A PCN's status on a date: the close date is its last open day.</summary>
public enum PcnStatus
{
    Open,
    NotYetOpen,
    Closed,
}

using PcnPortal.Domain.Common;

namespace PcnPortal.Domain.Papers;

/// <summary>A meeting of a committee (usually the Primary Care Commissioning Committee) that papers are written for.</summary>
public class CommitteeMeeting
{
    public int Id { get; set; }

    public required string CommitteeName { get; set; }

    public DateOnly Date { get; set; }

    /// <summary>As printed on the cover, e.g. "9.30am – 11.20am".</summary>
    public string? Time { get; set; }

    public string? Location { get; set; }

    public List<CommitteePaper> Papers { get; set; } = [];
}

public enum PaperPurpose
{
    Discussion = 1,
    Decision = 2,
    Information = 3,
}

public enum PaperStatus
{
    Draft = 1,
    Finalised = 2,
}

/// <summary>
/// A committee paper: the cover sheet (plain text; lines starting "- " are bullets), ordered sections, risks,
/// and the finalised versions. <see cref="PaperVersion"/> is the version being drafted or last finalised.
/// </summary>
public class CommitteePaper : IVersioned
{
    public int Id { get; set; }

    public int MeetingId { get; set; }

    public CommitteeMeeting? Meeting { get; set; }

    public required string AgendaNumber { get; set; }

    public required string Title { get; set; }

    public PaperPurpose Purpose { get; set; }

    public string? KeyPoints { get; set; }

    public string? Recommendations { get; set; }

    public string? PreviouslyConsideredBy { get; set; }

    public string? DeclaredInterest { get; set; }

    public string? RiskAndAssurance { get; set; }

    public string? FinancialImplications { get; set; }

    public string? LegalImplications { get; set; }

    public string? HealthInequalities { get; set; }

    public string? EqualityAndDiversity { get; set; }

    public string? PatientAndPublicInvolvement { get; set; }

    public string? CommunicationsAndEngagement { get; set; }

    public string? Authors { get; set; }

    public string? SponsoringDirector { get; set; }

    /// <summary>Part II: confidential, marked on every page and shown only to secretaries and administrators.</summary>
    public bool IsPartTwo { get; set; }

    public PaperStatus Status { get; set; } = PaperStatus.Draft;

    public int PaperVersion { get; set; } = 1;

    public int Version { get; set; }

    public List<PaperSection> Sections { get; set; } = [];

    public List<PaperRisk> Risks { get; set; } = [];

    public List<FinalisedPaperVersion> FinalisedVersions { get; set; } = [];

    /// <summary>Called before any change: a finalised paper becomes the next draft version; the finalised one is kept.</summary>
    public void BeginEdit()
    {
        if (Status == PaperStatus.Finalised)
        {
            Status = PaperStatus.Draft;
            PaperVersion++;
        }
    }
}

public enum PaperSectionKind
{
    Text = 1,
    Data = 2,
    RiskTable = 3,
    Glossary = 4,
}

/// <summary>A numbered section (or appendix) of a paper: free text, a data section drawn from the portal, the risk table or the glossary.</summary>
public class PaperSection
{
    public int Id { get; set; }

    public int PaperId { get; set; }

    public CommitteePaper? Paper { get; set; }

    public int Position { get; set; }

    public PaperSectionKind Kind { get; set; }

    public required string Title { get; set; }

    /// <summary>Free text: paragraphs separated by blank lines, "- " bullets, "## " sub-headings. Introduces a data section.</summary>
    public string? Body { get; set; }

    public string? DataKey { get; set; }

    public DateOnly? AsAt { get; set; }

    /// <summary>Show the detailed breakdown a data section offers (e.g. one row per PCN and role).</summary>
    public bool ShowDetail { get; set; }

    /// <summary>For a data section that offers it (the PCN register): every PCN in England, not only the portal's own CCG(s).</summary>
    public bool AllEngland { get; set; }

    public bool IsAppendix { get; set; }
}

/// <summary>A risk row: scores are likelihood × impact, each 1 to 5.</summary>
public class PaperRisk
{
    public int Id { get; set; }

    public int PaperId { get; set; }

    public CommitteePaper? Paper { get; set; }

    public int Position { get; set; }

    public required string Risk { get; set; }

    public required string Mitigations { get; set; }

    public int CurrentLikelihood { get; set; }

    public int CurrentImpact { get; set; }

    public int TargetLikelihood { get; set; }

    public int TargetImpact { get; set; }

    public int CurrentScore => CurrentLikelihood * CurrentImpact;

    public int TargetScore => TargetLikelihood * TargetImpact;
}

/// <summary>A finalised version: the data as snapshotted (JSON) and the PDF bytes, so a download is byte-for-byte the same.</summary>
public class FinalisedPaperVersion
{
    public int Id { get; set; }

    public int PaperId { get; set; }

    public CommitteePaper? Paper { get; set; }

    public int VersionNumber { get; set; }

    public DateTime FinalisedAtUtc { get; set; }

    public required string FinalisedBy { get; set; }

    public required string Title { get; set; }

    public required string SnapshotJson { get; set; }

    public required byte[] Pdf { get; set; }
}

/// <summary>A term in the managed glossary. A paper's glossary lists the terms its text uses.</summary>
public class GlossaryTerm
{
    public int Id { get; set; }

    public required string Term { get; set; }

    public required string Meaning { get; set; }
}

public enum FundingBasis
{
    Registered = 1,
    Weighted = 2,

    /// <summary>PCN adjusted population (used by the DES from 2022/23); the portal does not hold it, so such a payment is listed but not calculated.</summary>
    Adjusted = 3,
}

/// <summary>A Network Contract DES payment rate per patient for a financial year (reference data, editable), with its status and citation.</summary>
public class DesFundingRate : ICitedFigure
{
    public int Id { get; set; }

    public int YearStart { get; set; }

    public required string Component { get; set; }

    public FundingBasis Basis { get; set; }

    public decimal RatePerPatient { get; set; }

    /// <summary>
    /// Share of the year paid, e.g. 0.75 for an annual rate paid from July. 1 for the whole year, and 1 when the rate is
    /// already the amount for a part year (2019/20 extended hours: £1.099 is the July to March amount).
    /// </summary>
    public decimal YearFraction { get; set; } = 1m;

    public int SortOrder { get; set; }

    public FigureStatus Status { get; set; }

    public DateOnly? CarriedForwardFrom { get; set; }

    /// <summary>Citation: publisher, document, date, URL where known.</summary>
    public string Source { get; set; } = "";
}

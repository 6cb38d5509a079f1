namespace PcnPortal.Domain.Arrs;

/// <summary>A role the scheme reimburses, e.g. CLINICAL_PHARMACIST. Reference data: administrators can correct it.</summary>
public sealed class ArrsRole
{
    /// <summary>Database key (0 for figures built in code).</summary>
    public int Id { get; set; }

    /// <summary>The portal's stable role code (contract.md), e.g. "SPLW".</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Agenda for Change band as published, e.g. "7-8a" or "Up to band 5". Text, not a number.</summary>
    public string AfcBand { get; set; } = "";

    /// <summary>First day a claim for the role can be reimbursed.</summary>
    public DateOnly ReimbursableFrom { get; set; }

    /// <summary>Where the figure comes from (seed file and section, or "domain.md, second-hand [check]").</summary>
    public string Source { get; set; } = "";
}

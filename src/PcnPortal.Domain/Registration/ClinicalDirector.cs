namespace PcnPortal.Domain.Registration;

/// <summary>A PCN's clinical director for a period: a practising clinician in the network.</summary>
public class ClinicalDirector
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public required string Name { get; set; }

    /// <summary>GP, pharmacist, nurse or allied health professional.</summary>
    public required string Profession { get; set; }

    public string? Email { get; set; }

    public DateOnly From { get; set; }

    public DateOnly? To { get; set; }

    public bool IsCurrentOn(DateOnly date) => From <= date && (To is null || To >= date);
}

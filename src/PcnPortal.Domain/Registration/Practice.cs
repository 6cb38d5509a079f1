namespace PcnPortal.Domain.Registration;

/// <summary>A GP practice, identified by its ODS code (one letter and five digits).</summary>
public class Practice
{
    public int Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }

    public string? Postcode { get; set; }

    /// <summary>The CCG or sub-ICB location the practice sits in.</summary>
    public string? CcgCode { get; set; }

    public List<PcnMembership> Memberships { get; set; } = [];

    public List<PracticeListSize> ListSizes { get; set; } = [];
}

namespace PcnPortal.Domain.Registration;

/// <summary>An area of the CCG that groups PCNs (e.g. "North and West").</summary>
public class Locality
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public List<Pcn> Pcns { get; set; } = [];
}

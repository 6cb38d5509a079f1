namespace PcnPortal.Domain.Registration;

/// <summary>A practice's registered (raw) and weighted (Carr-Hill) list size as at a date, usually 1 January.</summary>
public class PracticeListSize
{
    public int Id { get; set; }

    public int PracticeId { get; set; }

    public Practice? Practice { get; set; }

    public DateOnly AsAt { get; set; }

    public int Registered { get; set; }

    /// <summary>Weighted (Carr-Hill) list size; fractional in the published files.</summary>
    public decimal? Weighted { get; set; }
}

namespace PcnPortal.Domain.Registration;

/// <summary>A practice's membership of a PCN between two dates. A practice belongs to one PCN at a time.</summary>
public class PcnMembership
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public int PracticeId { get; set; }

    public Practice? Practice { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    /// <summary>The practice sits in another CCG's area (ODS cross-boundary flag).</summary>
    public bool CrossBoundary { get; set; }

    public bool IsCurrentOn(DateOnly date) => StartDate <= date && (EndDate is null || EndDate >= date);
}

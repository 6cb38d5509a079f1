namespace PcnPortal.Domain.Arrs.Claims;

/// <summary>
/// What the rules engine knew about a PCN for a financial year when the year's lines were last assessed (population,
/// area tier, ARR Sum and GP sum when given, baseline, population notes), kept so that the lines' explanations are
/// written again with the figures they were assessed with (ADR 0014). A new row is added when an assessment finds the
/// context changed; lines point at the row they were assessed with (<see cref="ArrsClaimLine.AssessedContextId"/>), so a
/// rejected line, no longer assessed, keeps its own. Derived data, not audited (the population, tier and baseline it
/// comes from are).
/// </summary>
public class ArrsAssessedContext
{
    public int Id { get; set; }

    public int PcnId { get; set; }

    public int FinancialYearStart { get; set; }

    /// <summary>The PCN's <see cref="Engine.PcnYearContext"/> as JSON.</summary>
    public string ContextJson { get; set; } = "{}";
}

namespace PcnPortal.Domain.Papers;

/// <summary>A cover-sheet field: its label on the paper and whether it must be filled before finalising.</summary>
public sealed record CoverField(string Name, string Label, bool Required, Func<CommitteePaper, string?> Read);

/// <summary>The cover sheet fields of a PCCC paper, in the order the seed papers print them.</summary>
public static class CoverSheet
{
    public static IReadOnlyList<CoverField> Fields { get; } =
    [
        new(nameof(CommitteePaper.KeyPoints), "Key points for discussion", true, p => p.KeyPoints),
        new(nameof(CommitteePaper.Recommendations), "Recommendations", true, p => p.Recommendations),
        new(nameof(CommitteePaper.PreviouslyConsideredBy), "Previously considered by and feedback", false, p => p.PreviouslyConsideredBy),
        new(nameof(CommitteePaper.DeclaredInterest), "Management of declared interest", true, p => p.DeclaredInterest),
        new(nameof(CommitteePaper.RiskAndAssurance), "Risk and assurance", true, p => p.RiskAndAssurance),
        new(nameof(CommitteePaper.FinancialImplications), "Financial / resource implications", true, p => p.FinancialImplications),
        new(nameof(CommitteePaper.LegalImplications), "Legal, policy and regulatory requirements", true, p => p.LegalImplications),
        new(nameof(CommitteePaper.HealthInequalities), "How does this reduce health inequalities", true, p => p.HealthInequalities),
        new(nameof(CommitteePaper.EqualityAndDiversity), "How does this impact on equality and diversity", true, p => p.EqualityAndDiversity),
        new(nameof(CommitteePaper.PatientAndPublicInvolvement), "Patient and public involvement", true, p => p.PatientAndPublicInvolvement),
        new(nameof(CommitteePaper.CommunicationsAndEngagement), "Communications and engagement", true, p => p.CommunicationsAndEngagement),
        new(nameof(CommitteePaper.Authors), "Author(s)", true, p => p.Authors),
        new(nameof(CommitteePaper.SponsoringDirector), "Sponsoring director / clinical lead / lay member", true, p => p.SponsoringDirector),
    ];

    /// <summary>The required fields left empty: these must be filled before the paper can be finalised.</summary>
    public static IReadOnlyList<CoverField> Missing(CommitteePaper paper) =>
        Fields.Where(f => f.Required && string.IsNullOrWhiteSpace(f.Read(paper))).ToList();
}

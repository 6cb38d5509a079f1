namespace PcnPortal.Domain.Maturity;

/// <summary>
/// One domain's position in a PCN's return. Not assessed must carry a reason (for example "No score: new PCN, assessment
/// deferred to the review meeting"); other positions must not need one.
/// </summary>
public sealed record DomainPosition
{
    public DomainPosition(MaturityDomain domain, MaturityPosition position, string? notAssessedReason = null)
    {
        if (!Enum.IsDefined(domain))
        {
            throw new ArgumentOutOfRangeException(nameof(domain), domain, "Unknown maturity domain.");
        }

        if (!Enum.IsDefined(position))
        {
            throw new ArgumentOutOfRangeException(nameof(position), position, "Unknown maturity position.");
        }

        Domain = domain;
        Position = position;
        NotAssessedReason = string.IsNullOrWhiteSpace(notAssessedReason) ? null : notAssessedReason.Trim();
    }

    public MaturityDomain Domain { get; }

    public MaturityPosition Position { get; }

    /// <summary>Why the domain was not assessed; only meaningful when <see cref="Position"/> is Not assessed.</summary>
    public string? NotAssessedReason { get; }

    /// <summary>True when the domain is positioned, or Not assessed with a reason.</summary>
    public bool IsComplete => Position != MaturityPosition.NotAssessed || NotAssessedReason is not null;
}

/// <summary>One PCN's return for one round (e.g. the 2021/22 self-assessment). Missing domains are simply absent.</summary>
public sealed record PcnMaturityReturn(string PcnCode, IReadOnlyList<DomainPosition> Positions)
{
    /// <summary>The position for a domain, or null when the return does not cover it.</summary>
    public DomainPosition? For(MaturityDomain domain) => Positions.LastOrDefault(p => p.Domain == domain);
}

namespace PcnPortal.Domain.Maturity;

/// <summary>The five domains of the PCN maturity matrix (NHS England, 2019). Numeric values are stable; store <see cref="MaturityDomains.Code"/>.</summary>
public enum MaturityDomain
{
    LeadershipPlanningAndPartnerships = 1,
    DataAndPopulationHealthManagement = 2,
    IntegratingCare = 3,
    ManagingResources = 4,
    WorkingWithPeopleAndCommunities = 5,
}

/// <summary>Display names and short stable codes for <see cref="MaturityDomain"/>.</summary>
public static class MaturityDomains
{
    /// <summary>The domains in the order the matrix and committee papers show them.</summary>
    public static IReadOnlyList<MaturityDomain> All { get; } =
    [
        MaturityDomain.LeadershipPlanningAndPartnerships,
        MaturityDomain.DataAndPopulationHealthManagement,
        MaturityDomain.IntegratingCare,
        MaturityDomain.ManagingResources,
        MaturityDomain.WorkingWithPeopleAndCommunities,
    ];

    /// <summary>Short stable code for storage and URLs: LPP, PHM, INT, RES, PPC. Never change these.</summary>
    public static string Code(this MaturityDomain domain) => domain switch
    {
        MaturityDomain.LeadershipPlanningAndPartnerships => "LPP",
        MaturityDomain.DataAndPopulationHealthManagement => "PHM",
        MaturityDomain.IntegratingCare => "INT",
        MaturityDomain.ManagingResources => "RES",
        MaturityDomain.WorkingWithPeopleAndCommunities => "PPC",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, "Unknown maturity domain."),
    };

    /// <summary>The name as the matrix writes it, e.g. "Use of data and population health management".</summary>
    public static string DisplayName(this MaturityDomain domain) => domain switch
    {
        MaturityDomain.LeadershipPlanningAndPartnerships => "Leadership, planning and partnerships",
        MaturityDomain.DataAndPopulationHealthManagement => "Use of data and population health management",
        MaturityDomain.IntegratingCare => "Integrating care",
        MaturityDomain.ManagingResources => "Managing resources",
        MaturityDomain.WorkingWithPeopleAndCommunities => "Working in partnership with people and communities",
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, "Unknown maturity domain."),
    };

    public static bool TryParseCode(string? code, out MaturityDomain domain)
    {
        domain = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                domain = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Recognises the domain from a row label in a real return or committee table, which are often shortened
    /// ("Use of data and population", "Working with people and communities", "Integrating Care"). Also accepts the code.
    /// </summary>
    public static bool TryParseName(string? text, out MaturityDomain domain)
    {
        domain = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (TryParseCode(text, out domain))
        {
            return true;
        }

        var t = text.Trim().ToLowerInvariant();
        if (t.StartsWith("leadership", StringComparison.Ordinal))
        {
            domain = MaturityDomain.LeadershipPlanningAndPartnerships;
        }
        else if (t.StartsWith("use of data", StringComparison.Ordinal) || t.Contains("population health", StringComparison.Ordinal))
        {
            domain = MaturityDomain.DataAndPopulationHealthManagement;
        }
        else if (t.StartsWith("integrating care", StringComparison.Ordinal))
        {
            domain = MaturityDomain.IntegratingCare;
        }
        else if (t.StartsWith("managing resources", StringComparison.Ordinal))
        {
            domain = MaturityDomain.ManagingResources;
        }
        else if (t.StartsWith("working", StringComparison.Ordinal) && t.Contains("communities", StringComparison.Ordinal))
        {
            domain = MaturityDomain.WorkingWithPeopleAndCommunities;
        }
        else
        {
            return false;
        }

        return true;
    }
}

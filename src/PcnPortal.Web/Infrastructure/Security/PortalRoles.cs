namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>The portal's roles. Names are part of the outside contract: do not rename.</summary>
public static class PortalRoles
{
    public const string Administrator = nameof(Administrator);
    public const string CommissionerContracts = nameof(CommissionerContracts);
    public const string CommissionerFinance = nameof(CommissionerFinance);
    public const string CommitteeSecretary = nameof(CommitteeSecretary);
    public const string PanelMember = nameof(PanelMember);
    public const string PcnManager = nameof(PcnManager);
    public const string ClinicalDirector = nameof(ClinicalDirector);

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, CommissionerContracts, CommissionerFinance, CommitteeSecretary, PanelMember, PcnManager, ClinicalDirector,
    ];

    /// <summary>Roles tied to one PCN, who see and change only that PCN's data.</summary>
    public static readonly IReadOnlyList<string> PcnScoped = [PcnManager, ClinicalDirector];

    public static bool IsPcnScoped(string role) => PcnScoped.Contains(role);

    public static string Describe(string role) => role switch
    {
        Administrator => "Administrator",
        CommissionerContracts => "Commissioner (contracts)",
        CommissionerFinance => "Commissioner (finance)",
        CommitteeSecretary => "Committee secretary",
        PanelMember => "OD fund panel member",
        PcnManager => "PCN manager",
        ClinicalDirector => "Clinical director",
        _ => role,
    };
}

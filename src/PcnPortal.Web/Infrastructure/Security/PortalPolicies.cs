using Microsoft.AspNetCore.Authorization;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>Authorisation policies. Pages name a policy; the roles behind each live here only.</summary>
public static class PortalPolicies
{
    /// <summary>Administrators only: users, reference data, audit.</summary>
    public const string Administration = nameof(Administration);

    /// <summary>Anyone at the commissioner (CCG) working on PCNs: contracts, finance, secretaries, panel, administrators.</summary>
    public const string Commissioner = nameof(Commissioner);

    /// <summary>The CCG contracts team (and administrators): registrations and claim decisions.</summary>
    public const string Contracts = nameof(Contracts);

    /// <summary>Finance (and administrators): spend, payments, OD funds.</summary>
    public const string Finance = nameof(Finance);

    /// <summary>Finance and the contracts team (and administrators): spend against ARRS entitlement.</summary>
    public const string FinanceOrContracts = nameof(FinanceOrContracts);

    /// <summary>PCN managers and clinical directors, and commissioners who may view every PCN.</summary>
    public const string PcnOrCommissioner = nameof(PcnOrCommissioner);

    /// <summary>Committee papers, read only: every commissioner role. PCN users have no access.</summary>
    public const string Papers = nameof(Papers);

    /// <summary>Write committee papers, and see Part II (confidential) papers: committee secretaries and administrators.</summary>
    public const string PapersEdit = nameof(PapersEdit);

    /// <summary>OD fund panel members: record panel decisions on expressions of interest (membership of the fund's panel is checked too).</summary>
    public const string OdPanel = nameof(OdPanel);

    /// <summary>PCN managers and clinical directors only.</summary>
    public const string PcnUser = nameof(PcnUser);

    public static readonly string[] CommissionerRoles =
    [
        PortalRoles.Administrator, PortalRoles.CommissionerContracts, PortalRoles.CommissionerFinance,
        PortalRoles.CommitteeSecretary, PortalRoles.PanelMember,
    ];

    public static void Configure(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(Administration, p => p.RequireRole(PortalRoles.Administrator));
        options.AddPolicy(Commissioner, p => p.RequireRole(CommissionerRoles));
        options.AddPolicy(Contracts, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.CommissionerContracts));
        options.AddPolicy(Finance, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.CommissionerFinance));
        options.AddPolicy(Papers, p => p.RequireRole(CommissionerRoles));
        options.AddPolicy(PapersEdit, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.CommitteeSecretary));

        options.AddPolicy(OdPanel, p => p.RequireRole(PortalRoles.PanelMember));
        options.AddPolicy(FinanceOrContracts, p => p.RequireRole(PortalRoles.Administrator, PortalRoles.CommissionerFinance, PortalRoles.CommissionerContracts));
        options.AddPolicy(PcnUser, p => p.RequireRole(PortalRoles.PcnManager, PortalRoles.ClinicalDirector).RequireClaim(PortalClaims.PcnCode));
        options.AddPolicy(PcnOrCommissioner, p => p.RequireRole([.. CommissionerRoles, PortalRoles.PcnManager, PortalRoles.ClinicalDirector]));
    }
}

public static class PortalClaims
{
    public const string PcnCode = "pcn_code";
    public const string DisplayName = "display_name";

    /// <summary>Present while the person must change a password an administrator set (see <see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePassword = "must_change_password";

    /// <summary>
    /// The user record's concurrency stamp when the cookie's claims were built. Identity gives the record a new stamp on
    /// every change made through it (name, PCN, role, disabled, password), so a different stamp means the claims are
    /// rebuilt (see <see cref="PortalSecurityStampValidator"/>).
    /// </summary>
    public const string UserVersion = "user_version";
}

namespace PcnPortal.Web.Features.OdFunds;

public static class OdFundsServiceCollectionExtensions
{
    /// <summary>OD funds: allocations, expressions of interest, panel decisions and the fund report.</summary>
    public static IServiceCollection AddOdFunds(this IServiceCollection services)
    {
        services.AddScoped<OdAllocationService>();
        services.AddScoped<EoiService>();
        services.AddScoped<PanelDecisionService>();
        services.AddScoped<OdFundReportQuery>();
        services.AddScoped<OdPanelQuorumQuery>();
        return services;
    }
}

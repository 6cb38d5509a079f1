namespace PcnPortal.Web.Features.Home;

public static class HomeServiceCollectionExtensions
{
    /// <summary>The home page's work-waiting queries, one a role.</summary>
    public static IServiceCollection AddHome(this IServiceCollection services)
    {
        services.AddScoped<ContractsWorkQuery>();
        services.AddScoped<PcnWorkQuery>();
        services.AddScoped<FinanceWorkQuery>();
        services.AddScoped<PanelWorkQuery>();
        services.AddScoped<SecretaryWorkQuery>();
        return services;
    }
}

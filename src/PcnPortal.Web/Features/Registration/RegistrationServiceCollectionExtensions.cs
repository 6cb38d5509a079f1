namespace PcnPortal.Web.Features.Registration;

public static class RegistrationServiceCollectionExtensions
{
    /// <summary>The PCN register: queries, rule checks, change requests, memberships and the national-data importers.</summary>
    public static IServiceCollection AddRegistration(this IServiceCollection services)
    {
        services.AddScoped<PcnRegisterQuery>();
        services.AddScoped<PcnDetailsQuery>();
        services.AddScoped<PcnYearPopulationQuery>();
        services.AddScoped<RegistrationCheckService>();
        services.AddScoped<ChangeRequestService>();
        services.AddScoped<ChangeRequestComparison>();
        services.AddScoped<PcnMembershipService>();
        services.AddScoped<EpcnImporter>();
        services.AddScoped<ListSizeImporter>();
        return services;
    }
}

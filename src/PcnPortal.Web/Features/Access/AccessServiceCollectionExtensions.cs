using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>Extended hours and enhanced access: reference figures (and their start-up seeder), plans, declarations, adjusted populations, the summary.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddAccessOptions();
        services.AddScoped<IReferenceDataSeeder, AccessReferenceDataSeeder>();
        services.AddScoped<AccessRequirementQuery>();
        services.AddScoped<AccessQueries>();
        services.AddScoped<AccessPlanService>();
        services.AddScoped<AccessDeclarationService>();
        services.AddScoped<AccessPopulationService>();
        services.AddScoped<AccessWorkQuery>();
        return services;
    }
}

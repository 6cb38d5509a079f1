using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Maturity;

public static class MaturityServiceCollectionExtensions
{
    /// <summary>The maturity matrix: the default matrix's start-up seeder, rounds, returns, reports and the round export.</summary>
    public static IServiceCollection AddMaturity(this IServiceCollection services)
    {
        services.AddScoped<IReferenceDataSeeder, MaturityMatrixSeeder>();
        services.AddScoped<MaturityRoundService>();
        services.AddScoped<MaturityReturnService>();
        services.AddScoped<MaturityReportQuery>();
        services.AddScoped<MaturityRoundExporter>();
        return services;
    }
}

using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Arrs;

public static class ArrsServiceCollectionExtensions
{
    /// <summary>ARRS claims: reference data (and its start-up seeder), the rules engine's assessment, submissions, decisions, finance queries and exports.</summary>
    public static IServiceCollection AddArrs(this IServiceCollection services)
    {
        services.AddScoped<IReferenceDataSeeder, ArrsReferenceDataSeeder>();
        services.AddScoped<ArrsReferenceService>();
        services.AddScoped<ArrsReferenceDataService>();
        services.AddScoped<ArrsAssessmentService>();
        services.AddScoped<ArrsClaimSubmissionService>();
        services.AddScoped<ArrsDecisionService>();
        services.AddScoped<ArrsBaselineImporter>();
        services.AddScoped<ArrsClaimExporter>();
        services.AddScoped<ArrsEntitlementQuery>();
        services.AddScoped<ArrsPaymentScheduleQuery>();
        services.AddScoped<ArrsReviewQueueQuery>();
        services.AddScoped<ArrsSharedStaffQuery>();
        services.AddScoped<RedistributionService>();
        services.AddScoped<RedistributionQuery>();
        services.AddScoped<ArrsLineOutcomesQuery>();
        return services;
    }
}

namespace PcnPortal.Web.Infrastructure;

/// <summary>
/// Registers each feature's plain classes by convention, so a feature folder adds a handler without touching
/// shared start-up code: every concrete class in PcnPortal.Web whose name ends in Handler, Query, Service,
/// Importer, Exporter or Builder is registered (scoped) as itself.
/// </summary>
public static class FeatureRegistration
{
    private static readonly string[] Suffixes = ["Handler", "Query", "Service", "Importer", "Exporter", "Builder"];

    public static IServiceCollection AddPortalFeatures(this IServiceCollection services)
    {
        var types = typeof(FeatureRegistration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsNested: false }
                && t.Namespace?.StartsWith("PcnPortal.Web", StringComparison.Ordinal) == true
                && Suffixes.Any(s => t.Name.EndsWith(s, StringComparison.Ordinal))
                && !typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel).IsAssignableFrom(t)
                && !typeof(Exception).IsAssignableFrom(t));
        foreach (var type in types)
        {
            services.AddScoped(type);
        }

        return services;
    }
}

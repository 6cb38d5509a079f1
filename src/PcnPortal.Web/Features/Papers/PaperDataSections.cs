using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Papers;

/// <summary>The data sections a secretary can choose from, by key.</summary>
public sealed class PaperDataSections(IEnumerable<IPaperDataSection> sections)
{
    public IReadOnlyList<IPaperDataSection> All { get; } = [.. sections];

    public IPaperDataSection? Find(string? key) => All.FirstOrDefault(s => s.Key == key);
}

public static class PaperServiceCollectionExtensions
{
    /// <summary>
    /// Committee papers: the data sections (every <see cref="IPaperDataSection"/> in this assembly, in declaration order), the
    /// document builder and the paper service. Web only: the PDF renderer it needs is not registered for command-line verbs.
    /// </summary>
    public static IServiceCollection AddCommitteePapers(this IServiceCollection services)
    {
        foreach (var type in typeof(PaperDataSections).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPaperDataSection).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IPaperDataSection), type);
        }

        services.AddScoped<IReferenceDataSeeder, DesFundingRateSeeder>();
        services.AddScoped<PaperDataSections>();
        services.AddScoped<PaperDocumentBuilder>();
        services.AddScoped<PaperService>();
        services.AddSingleton<PaperWarmUp>();
        services.AddHostedService<PaperWarmUpService>();
        return services;
    }
}

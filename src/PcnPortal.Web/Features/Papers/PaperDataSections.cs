namespace PcnPortal.Web.Features.Papers;

/// <summary>The data sections a secretary can choose from, by key.</summary>
public sealed class PaperDataSections(IEnumerable<IPaperDataSection> sections)
{
    public IReadOnlyList<IPaperDataSection> All { get; } = [.. sections];

    public IPaperDataSection? Find(string? key) => All.FirstOrDefault(s => s.Key == key);
}

public static class PaperServiceCollectionExtensions
{
    public static IServiceCollection AddCommitteePapers(this IServiceCollection services)
    {
        foreach (var type in typeof(PaperDataSections).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPaperDataSection).IsAssignableFrom(t)))
        {
            services.AddScoped(typeof(IPaperDataSection), type);
        }

        services.AddScoped<PaperDataSections>();
        return services;
    }
}

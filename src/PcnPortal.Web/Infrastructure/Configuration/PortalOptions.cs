using Microsoft.Extensions.Options;

namespace PcnPortal.Web.Infrastructure.Configuration;

/// <summary>
/// The <c>Portal</c> configuration section, bound and normalised once at start-up. Inject <see cref="PortalOptions"/>
/// (not <see cref="IConfiguration"/>) wherever the portal needs to know whose PCNs are "ours".
/// </summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The CCG codes used when <c>Portal:CcgCodes</c> is missing or lists no code: the demo CCG.</summary>
    public static readonly IReadOnlyList<string> DefaultCcgCodes = ["99Z"];

    /// <summary>
    /// The commissioner's own CCG / sub-ICB codes (<c>Portal:CcgCodes</c>): trimmed, upper-cased, blanks and repeats
    /// dropped, in the configured order; <see cref="DefaultCcgCodes"/> when none is configured. Never empty, so
    /// nothing that filters by it can fall back to "every PCN in the database".
    /// </summary>
    public IReadOnlyList<string> CcgCodes { get; set; } = [];

    /// <summary>The normalised form of <paramref name="codes"/> (see <see cref="CcgCodes"/>).</summary>
    public static IReadOnlyList<string> NormaliseCcgCodes(IEnumerable<string?>? codes)
    {
        var normalised = (codes ?? [])
            .Where(c => !string.IsNullOrWhiteSpace(c))
            .Select(c => c!.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return normalised.Length > 0 ? normalised : DefaultCcgCodes;
    }
}

public static class PortalOptionsServiceCollectionExtensions
{
    /// <summary>Binds <see cref="PortalOptions"/> from the <c>Portal</c> section, normalises it, and registers the result as a singleton.</summary>
    public static IServiceCollection AddPortalOptions(this IServiceCollection services)
    {
        services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .PostConfigure(options => options.CcgCodes = PortalOptions.NormaliseCcgCodes(options.CcgCodes));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<PortalOptions>>().Value);
        return services;
    }
}

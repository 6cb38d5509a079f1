using Microsoft.Extensions.Options;
using PcnPortal.Domain.Access;

namespace PcnPortal.Web.Features.Access;

/// <summary>
/// Settings of the access monitoring (<c>Access</c> section). <see cref="DeclarationDueWorkingDays"/>: a quarter's
/// declaration is due this many working days after the quarter ends (the portal's own choice; default 10, kept between 1
/// and 60).
/// </summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    public int DeclarationDueWorkingDays { get; set; } = AccessDeclarationLateRule.DefaultWorkingDays;
}

public static class AccessOptionsExtensions
{
    public static IServiceCollection AddAccessOptions(this IServiceCollection services)
    {
        services.AddOptions<AccessOptions>()
            .BindConfiguration(AccessOptions.Section)
            .PostConfigure(o => o.DeclarationDueWorkingDays = Math.Clamp(o.DeclarationDueWorkingDays, 1, 60));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AccessOptions>>().Value);
        return services;
    }
}

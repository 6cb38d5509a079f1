namespace PcnPortal.Web.Features.Registration;

/// <summary>The portal's configured commissioner codes (<c>Portal:CcgCodes</c>, default ["99Z"]): the register shows these by default.</summary>
public sealed class RegistrationSettingsService(IConfiguration configuration)
{
    public IReadOnlyList<string> CcgCodes { get; } =
        configuration.GetSection("Portal:CcgCodes").Get<string[]>() is { Length: > 0 } codes
            ? codes.Select(c => c.Trim().ToUpperInvariant()).ToArray()
            : ["99Z"];
}

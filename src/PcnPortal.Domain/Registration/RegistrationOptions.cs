namespace PcnPortal.Domain.Registration;

/// <summary>Figures the registration rules use; an administrator can change them without a code change.</summary>
public sealed record RegistrationOptions
{
    public static readonly RegistrationOptions Default = new();

    /// <summary>Maximum PCN name length including the suffix (ODS convention of 2019; ODS allows 100 since July 2020).</summary>
    public int NameMaxLength { get; init; } = 40;

    /// <summary>Lower end of the usual registered population band.</summary>
    public int PopulationMinimum { get; init; } = 30_000;

    /// <summary>Upper end of the usual registered population band.</summary>
    public int PopulationMaximum { get; init; } = 50_000;
}

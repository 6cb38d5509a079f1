namespace PcnPortal.Domain.Arrs;

/// <summary>
/// A post in a PCN's ARRS baseline as at 31 March 2019 (import-baseline CSV). While it is vacant for 3 months or
/// more and not refilled, the PCN cannot claim for the role.
/// </summary>
public sealed record BaselinePost(
    string RoleCode,
    decimal Wte,
    string? StaffRef = null,
    DateOnly? VacantFrom = null,
    DateOnly? RefilledOn = null);

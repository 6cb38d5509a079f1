namespace PcnPortal.Domain.Arrs;

/// <summary>
/// One monthly claim line for one staff member (the claim-lines CSV). Money is the month's actual cost in pounds.
/// <see cref="Sequence"/> is the submission order: where two lines compete, the later one loses.
/// </summary>
public sealed record ClaimLineInput(
    string PcnCode,
    string StaffRef,
    string StaffName,
    string RoleCode,
    DateOnly Month,
    decimal Wte,
    DateOnly StartDate,
    DateOnly? EndDate,
    decimal Salary,
    decimal EmployerNi,
    decimal EmployerPension,
    decimal OtherOnCosts,
    decimal ThirdPartyFee,
    long Sequence,
    bool TransferredFromClinicalPharmacistScheme = false,
    bool ThirdPartySplw = false,
    bool Cover = false)
{
    /// <summary>Sum of the cost columns.</summary>
    public decimal ClaimedCost => Salary + EmployerNi + EmployerPension + OtherOnCosts + ThirdPartyFee;
}

using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;

namespace PcnPortal.Domain.Arrs.Claims;

public enum ArrsClaimStatus
{
    Submitted = 0,
    Approved = 1,
    Rejected = 2,
    Queried = 3,
    Paid = 4,
}

/// <summary>
/// One monthly claim line for one staff member, as submitted (the claim-lines CSV columns), with the contracts
/// team's decision and the rules engine's latest assessment. Decisions are final: a correction is a new line.
/// </summary>
public class ArrsClaimLine : IVersioned
{
    /// <summary>The longest payment reference stored.</summary>
    public const int PaymentReferenceMaxLength = 50;

    public int Id { get; set; }

    public int PcnId { get; set; }

    public Pcn? Pcn { get; set; }

    public int? StaffMemberId { get; set; }

    public ArrsStaffMember? StaffMember { get; set; }

    public string StaffRef { get; set; } = "";

    public string StaffName { get; set; } = "";

    public string RoleCode { get; set; } = "";

    /// <summary>First day of the month claimed for.</summary>
    public DateOnly Month { get; set; }

    /// <summary>Calendar year the financial year of <see cref="Month"/> starts in.</summary>
    public int FinancialYearStart { get; set; }

    public decimal Wte { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public decimal Salary { get; set; }

    public decimal EmployerNi { get; set; }

    public decimal EmployerPension { get; set; }

    public decimal OtherOnCosts { get; set; }

    public decimal ThirdPartyFee { get; set; }

    public string? Notes { get; set; }

    public bool TransferredFromClinicalPharmacistScheme { get; set; }

    public bool ThirdPartySplw { get; set; }

    public bool Cover { get; set; }

    public ArrsClaimStatus Status { get; set; }

    /// <summary>When the line was (last) submitted, UTC; the 5-working-day clock starts here.</summary>
    public DateTime SubmittedAt { get; set; }

    public string SubmittedBy { get; set; } = "";

    /// <summary>Submission order: where two lines compete, the later one loses.</summary>
    public long Sequence { get; set; }

    /// <summary>Five working days after submission (England and Wales bank holidays excluded).</summary>
    public DateOnly DueOn { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>Coded rejection reason (<see cref="ArrsRejectionReasons"/>).</summary>
    public string? RejectionReason { get; set; }

    /// <summary>The reviewer's words: why rejected, or the question asked.</summary>
    public string? DecisionText { get; set; }

    /// <summary>
    /// Why the reviewer approved a line that failed a rule, and so is paid <see cref="ApprovedAmount"/> although the
    /// rules allow nothing; null for a line approved as the rules allow. Shown to finance and in the claims export.
    /// </summary>
    public string? OverrideReason { get; set; }

    /// <summary>The PCN's answer to a query.</summary>
    public string? QueryResponse { get; set; }

    /// <summary>Reimbursable when approved: what finance pays, fixed at the decision.</summary>
    public decimal? ApprovedAmount { get; set; }

    public DateOnly? PaidOn { get; set; }

    /// <summary>The payment reference finance gave when marking the line paid (one reference a monthly payment run).</summary>
    public string? PaymentReference { get; set; }

    // The rules engine's latest assessment.
    public decimal ClaimedCost { get; set; }

    public decimal MaxForPeriod { get; set; }

    public decimal Rate { get; set; }

    public decimal Reimbursable { get; set; }

    /// <summary>Reimbursable before the latest re-assessment changed it (e.g. a backdated uplift); null if unchanged.</summary>
    public decimal? PreviousReimbursable { get; set; }

    public RuleSeverity WorstOutcome { get; set; }

    public DateTime? AssessedAt { get; set; }

    /// <summary>
    /// Each rule's outcome at the latest assessment, two characters a rule (<see cref="Engine.ArrsStoredAssessment.Checks"/>);
    /// with <see cref="RuleTotals"/> the explanations are written again on read. Null for a line not assessed since
    /// outcomes were stored this way: its outcomes are the rows in <see cref="Outcomes"/>.
    /// </summary>
    public string? RuleChecks { get; set; }

    /// <summary>The running totals from earlier lines the explanations quote (<see cref="Engine.ArrsStoredAssessment.Totals"/>).</summary>
    public string? RuleTotals { get; set; }

    /// <summary>The PCN's context for the year the line was last assessed with (<see cref="ArrsAssessedContext"/>).</summary>
    public int? AssessedContextId { get; set; }

    public int Version { get; set; }

    /// <summary>Rule outcomes stored in full, one row a rule: only lines last assessed before compact outcomes (ADR 0014).</summary>
    public List<ArrsClaimOutcome> Outcomes { get; set; } = [];

    public bool IsOpen => Status is ArrsClaimStatus.Submitted;

    public ClaimLineInput ToInput() => new(
        Pcn?.Code ?? "", StaffRef, StaffName, RoleCode, Month, Wte, StartDate, EndDate, Salary, EmployerNi, EmployerPension,
        OtherOnCosts, ThirdPartyFee, Sequence, TransferredFromClinicalPharmacistScheme, ThirdPartySplw, Cover);
}

/// <summary>
/// One rule's outcome for a claim line stored in full (code, pass/warn/fail, the sentence and the figures used), as
/// assessments stored them before ADR 0014; new assessments store <see cref="ArrsClaimLine.RuleChecks"/> instead and
/// remove these rows.
/// </summary>
public class ArrsClaimOutcome
{
    public int Id { get; set; }

    public int ClaimLineId { get; set; }

    public string Code { get; set; } = "";

    public RuleSeverity Severity { get; set; }

    public string Explanation { get; set; } = "";

    public string FiguresJson { get; set; } = "{}";
}

/// <summary>The coded reasons a contracts officer may give for rejecting a line.</summary>
public static class ArrsRejectionReasons
{
    public static readonly IReadOnlyList<(string Code, string Text)> All =
    [
        ("NOT-ADDITIONAL", "Not additional to the baseline"),
        ("ROLE-NOT-ELIGIBLE", "Role not reimbursable for the month"),
        ("OUTSIDE-EMPLOYMENT", "Month outside employment or the financial year"),
        ("DUPLICATE", "Duplicate of another line"),
        ("ENTITLEMENT-EXCEEDED", "ARR Sum used up"),
        ("EVIDENCE-MISSING", "Evidence of cost not provided"),
        ("COST-INCORRECT", "Costs claimed are not correct"),
        ("NOT-EMPLOYED-FOR-THESE-HOURS", "The PCN does not employ the person for these hours (claimed by another PCN)"),
        ("OTHER", "Other (explain below)"),
    ];

    public static bool IsKnown(string? code) => All.Any(r => r.Code == code);

    public static string Describe(string? code) => All.FirstOrDefault(r => r.Code == code).Text ?? code ?? "";
}

using FluentValidation;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>A PCN's registration details as the commissioner enters them (register and edit).</summary>
public sealed class PcnForm
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string CcgCode { get; set; } = string.Empty;

    public string? CcgName { get; set; }

    public int? LocalityId { get; set; }

    public DateParts OpenDate { get; set; } = new();

    public DateParts CloseDate { get; set; } = new();

    public string? NominatedPayeeCode { get; set; }

    public string? NominatedPayeeName { get; set; }

    public DateParts NetworkAgreementSigned { get; set; } = new();

    public DateParts DataSharingAgreementSigned { get; set; } = new();

    public string? MapNote { get; set; }

    public int Version { get; set; }

    public static PcnForm From(Pcn pcn) => new()
    {
        Code = pcn.Code,
        Name = pcn.Name,
        CcgCode = pcn.CcgCode,
        CcgName = pcn.CcgName,
        LocalityId = pcn.LocalityId,
        OpenDate = DateParts.From(pcn.OpenDate),
        CloseDate = DateParts.From(pcn.CloseDate),
        NominatedPayeeCode = pcn.NominatedPayeeCode,
        NominatedPayeeName = pcn.NominatedPayeeName,
        NetworkAgreementSigned = DateParts.From(pcn.NetworkAgreementSigned),
        DataSharingAgreementSigned = DateParts.From(pcn.DataSharingAgreementSigned),
        MapNote = pcn.MapNote,
        Version = pcn.Version,
    };

    public void Trim()
    {
        Code = Code.Trim();
        Name = Name.Trim();
        CcgCode = CcgCode.Trim().ToUpperInvariant();
        NominatedPayeeCode = string.IsNullOrWhiteSpace(NominatedPayeeCode) ? null : NominatedPayeeCode.Trim().ToUpperInvariant();
        NominatedPayeeName = string.IsNullOrWhiteSpace(NominatedPayeeName) ? null : NominatedPayeeName.Trim();
        MapNote = string.IsNullOrWhiteSpace(MapNote) ? null : MapNote.Trim();
        CcgName = string.IsNullOrWhiteSpace(CcgName) ? null : CcgName.Trim();
    }

    /// <summary>The PCN's member practices today, for the payee rule (empty for a new PCN, which has none yet). Set by the page.</summary>
    internal IReadOnlyCollection<string> CurrentMemberCodes { get; set; } = [];

    /// <summary>True for the register page (the ODS code is entered); the edit page keeps the code.</summary>
    internal bool IsNew { get; set; }

    public void ApplyTo(Pcn pcn)
    {
        pcn.Name = Name;
        pcn.CcgCode = CcgCode;
        pcn.CcgName = CcgName;
        pcn.LocalityId = LocalityId;
        pcn.OpenDate = OpenDate.Date!.Value;
        pcn.CloseDate = CloseDate.Date;
        pcn.NominatedPayeeCode = NominatedPayeeCode;
        pcn.NominatedPayeeName = NominatedPayeeName;
        pcn.NetworkAgreementSigned = NetworkAgreementSigned.Date;
        pcn.DataSharingAgreementSigned = DataSharingAgreementSigned.Date;
        pcn.MapNote = MapNote;
    }
}

/// <summary>Field checks and the registration rules that fail (Fail blocks saving, on the field it is about). Warnings never block.</summary>
public sealed class PcnFormValidator : AbstractValidator<PcnForm>
{
    public PcnFormValidator()
    {
        RuleFor(f => f.Code).Custom((code, context) =>
        {
            var check = OdsCodeRules.CheckPcnCode(code);
            if (check.Severity == RuleSeverity.Fail)
            {
                context.AddFailure(check.Explanation);
            }
        }).When(f => f.IsNew);
        RuleFor(f => f.Name).Custom((name, context) =>
        {
            var suffix = PcnNameRules.CheckSuffix(name);
            if (suffix.Severity == RuleSeverity.Fail)
            {
                context.AddFailure(suffix.Explanation);
            }
            else if (name.Length > 100)
            {
                context.AddFailure("Enter a name of 100 characters or fewer.");
            }
        });
        RuleFor(f => f.CcgCode).Must(c => c.Length is >= 3 and <= 5 && c.All(char.IsAsciiLetterOrDigit))
            .WithMessage("Enter the CCG or sub-ICB location code: 3 to 5 letters and digits, for example 99Z or 15C00.");
        RuleFor(f => f.OpenDate).ValidDate("the date the PCN opened");
        RuleFor(f => f.CloseDate).ValidDate("the close date", required: false);
        RuleFor(f => f.CloseDate)
            .Must((f, close) => close.Date is not { } c || f.OpenDate.Date is not { } open || c >= open)
            .WithMessage(f => $"The close date must be on or after the open date ({f.OpenDate.Date:d MMMM yyyy}).");
        RuleFor(f => f.NominatedPayeeCode).Custom((payeeCode, context) =>
        {
            var f = context.InstanceToValidate;
            if (payeeCode is not null)
            {
                var payee = PcnRegistrationCheck.CheckPayee(new PcnSnapshot(f.Code, f.Name, f.CurrentMemberCodes.Select(c => new MemberPracticeSnapshot(c)).ToList(), true, payeeCode));
                if (payee.Severity == RuleSeverity.Fail)
                {
                    context.AddFailure(payee.Explanation);
                }
            }
        });
        RuleFor(f => f.NetworkAgreementSigned).ValidDate("the date the network agreement was signed", required: false);
        RuleFor(f => f.DataSharingAgreementSigned).ValidDate("the date the data-sharing agreement was signed", required: false);
        RuleFor(f => f.MapNote).MaximumLength(2000).WithMessage("Enter a map note of 2,000 characters or fewer.");
    }
}

using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Pages.Pcns;

/// <summary>A PCN's registration details as the commissioner enters them (register and edit).</summary>
public sealed class PcnForm
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string CcgCode { get; set; } = string.Empty;

    public string? CcgName { get; set; }

    public int? LocalityId { get; set; }

    public DateOnly? OpenDate { get; set; }

    public DateOnly? CloseDate { get; set; }

    public string? NominatedPayeeCode { get; set; }

    public string? NominatedPayeeName { get; set; }

    public DateOnly? NetworkAgreementSigned { get; set; }

    public DateOnly? DataSharingAgreementSigned { get; set; }

    public string? MapNote { get; set; }

    public int Version { get; set; }

    public static PcnForm From(Pcn pcn) => new()
    {
        Code = pcn.Code,
        Name = pcn.Name,
        CcgCode = pcn.CcgCode,
        CcgName = pcn.CcgName,
        LocalityId = pcn.LocalityId,
        OpenDate = pcn.OpenDate,
        CloseDate = pcn.CloseDate,
        NominatedPayeeCode = pcn.NominatedPayeeCode,
        NominatedPayeeName = pcn.NominatedPayeeName,
        NetworkAgreementSigned = pcn.NetworkAgreementSigned,
        DataSharingAgreementSigned = pcn.DataSharingAgreementSigned,
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

    /// <summary>
    /// Field checks and the registration rules that fail (Fail blocks saving, on the field it is about). Warnings never block.
    /// <paramref name="currentMemberCodes"/> are the PCN's member practices today (null for a new PCN, which has none yet).
    /// </summary>
    public async Task ValidateAsync(ModelStateDictionary modelState, PortalDbContext db, int? existingId, IReadOnlyCollection<string>? currentMemberCodes, CancellationToken cancellationToken)
    {
        if (existingId is null)
        {
            var code = OdsCodeRules.CheckPcnCode(Code);
            if (code.Severity == RuleSeverity.Fail)
            {
                modelState.AddModelError("Input.Code", code.Explanation);
            }
            else if (await db.Pcns.AnyAsync(p => p.Code == Code, cancellationToken))
            {
                modelState.AddModelError("Input.Code", $"A PCN with code {Code} is already registered: open it from the register instead.");
            }
        }

        var suffix = PcnNameRules.CheckSuffix(Name);
        if (suffix.Severity == RuleSeverity.Fail)
        {
            modelState.AddModelError("Input.Name", suffix.Explanation);
        }
        else if (Name.Length > 100)
        {
            modelState.AddModelError("Input.Name", "Enter a name of 100 characters or fewer.");
        }

        if (CcgCode.Length is < 3 or > 5 || !CcgCode.All(char.IsAsciiLetterOrDigit))
        {
            modelState.AddModelError("Input.CcgCode", "Enter the CCG or sub-ICB location code: 3 to 5 letters and digits, for example 99Z or 15C00.");
        }

        if (OpenDate is null)
        {
            modelState.AddModelError("Input.OpenDate", "Enter the date the PCN opened, for example 2019-07-01.");
        }
        else if (CloseDate is { } close && close < OpenDate)
        {
            modelState.AddModelError("Input.CloseDate", $"The close date must be on or after the open date ({OpenDate:d MMMM yyyy}).");
        }

        if (NominatedPayeeCode is not null)
        {
            var payee = PcnRegistrationCheck.CheckPayee(new PcnSnapshot(Code, Name, (currentMemberCodes ?? []).Select(c => new MemberPracticeSnapshot(c)).ToList(), true, NominatedPayeeCode));
            if (payee.Severity == RuleSeverity.Fail)
            {
                modelState.AddModelError("Input.NominatedPayeeCode", payee.Explanation);
            }
        }

        if (MapNote?.Length > 2000)
        {
            modelState.AddModelError("Input.MapNote", "Enter a map note of 2,000 characters or fewer.");
        }
    }

    public void ApplyTo(Pcn pcn)
    {
        pcn.Name = Name;
        pcn.CcgCode = CcgCode;
        pcn.CcgName = CcgName;
        pcn.LocalityId = LocalityId;
        pcn.OpenDate = OpenDate!.Value;
        pcn.CloseDate = CloseDate;
        pcn.NominatedPayeeCode = NominatedPayeeCode;
        pcn.NominatedPayeeName = NominatedPayeeName;
        pcn.NetworkAgreementSigned = NetworkAgreementSigned;
        pcn.DataSharingAgreementSigned = DataSharingAgreementSigned;
        pcn.MapNote = MapNote;
    }
}

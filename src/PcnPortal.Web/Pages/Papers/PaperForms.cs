using System.Globalization;
using FluentValidation;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Papers;

/// <summary>The paper's title and cover sheet, as the secretary types them.</summary>
public sealed class PaperForm
{
    public string? AgendaNumber { get; set; }

    public string? Title { get; set; }

    public string? Purpose { get; set; }

    public bool IsPartTwo { get; set; }

    public string? KeyPoints { get; set; }

    public string? Recommendations { get; set; }

    public string? PreviouslyConsideredBy { get; set; }

    public string? DeclaredInterest { get; set; }

    public string? RiskAndAssurance { get; set; }

    public string? FinancialImplications { get; set; }

    public string? LegalImplications { get; set; }

    public string? HealthInequalities { get; set; }

    public string? EqualityAndDiversity { get; set; }

    public string? PatientAndPublicInvolvement { get; set; }

    public string? CommunicationsAndEngagement { get; set; }

    public string? Authors { get; set; }

    public string? SponsoringDirector { get; set; }

    public int Version { get; set; }

    public string? this[string name]
    {
        get => (string?)typeof(PaperForm).GetProperty(name)!.GetValue(this);
    }

    public static PaperForm From(CommitteePaper p) => new()
    {
        AgendaNumber = p.AgendaNumber,
        Title = p.Title,
        Purpose = p.Purpose.ToString(),
        IsPartTwo = p.IsPartTwo,
        KeyPoints = p.KeyPoints,
        Recommendations = p.Recommendations,
        PreviouslyConsideredBy = p.PreviouslyConsideredBy,
        DeclaredInterest = p.DeclaredInterest,
        RiskAndAssurance = p.RiskAndAssurance,
        FinancialImplications = p.FinancialImplications,
        LegalImplications = p.LegalImplications,
        HealthInequalities = p.HealthInequalities,
        EqualityAndDiversity = p.EqualityAndDiversity,
        PatientAndPublicInvolvement = p.PatientAndPublicInvolvement,
        CommunicationsAndEngagement = p.CommunicationsAndEngagement,
        Authors = p.Authors,
        SponsoringDirector = p.SponsoringDirector,
        Version = p.Version,
    };

    public void ApplyTo(CommitteePaper p)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        p.AgendaNumber = AgendaNumber!.Trim();
        p.Title = Title!.Trim();
        p.Purpose = Enum.Parse<PaperPurpose>(Purpose!);
        p.IsPartTwo = IsPartTwo;
        p.KeyPoints = Clean(KeyPoints);
        p.Recommendations = Clean(Recommendations);
        p.PreviouslyConsideredBy = Clean(PreviouslyConsideredBy);
        p.DeclaredInterest = Clean(DeclaredInterest);
        p.RiskAndAssurance = Clean(RiskAndAssurance);
        p.FinancialImplications = Clean(FinancialImplications);
        p.LegalImplications = Clean(LegalImplications);
        p.HealthInequalities = Clean(HealthInequalities);
        p.EqualityAndDiversity = Clean(EqualityAndDiversity);
        p.PatientAndPublicInvolvement = Clean(PatientAndPublicInvolvement);
        p.CommunicationsAndEngagement = Clean(CommunicationsAndEngagement);
        p.Authors = Clean(Authors);
        p.SponsoringDirector = Clean(SponsoringDirector);
    }
}

public sealed class PaperFormValidator : AbstractValidator<PaperForm>
{
    public PaperFormValidator()
    {
        RuleFor(x => x.AgendaNumber).NotEmpty().WithMessage("Enter the agenda number, like 7 or 7.2")
            .MaximumLength(20).WithMessage("Agenda number must be 20 characters or fewer");
        RuleFor(x => x.Title).NotEmpty().WithMessage("Enter the paper's title")
            .MaximumLength(300).WithMessage("Title must be 300 characters or fewer");
        RuleFor(x => x.Purpose).Must(p => Enum.TryParse<PaperPurpose>(p, out var v) && Enum.IsDefined(v))
            .WithMessage("Select the purpose of the paper: discussion, decision or information");
        foreach (var field in CoverSheet.Fields)
        {
            RuleFor(x => x[field.Name]).MaximumLength(8000).OverridePropertyName(field.Name)
                .WithMessage($"{field.Label} must be 8,000 characters or fewer");
        }
    }
}

public sealed class MeetingForm
{
    public string? CommitteeName { get; set; } = "Primary Care Commissioning Committee (PCCC)";

    public DateParts Date { get; set; } = new();

    public string? Time { get; set; }

    public string? Location { get; set; }

    public static string Format(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

public sealed class MeetingFormValidator : AbstractValidator<MeetingForm>
{
    public MeetingFormValidator()
    {
        RuleFor(x => x.CommitteeName).NotEmpty().WithMessage("Enter the committee's name").MaximumLength(200).WithMessage("Committee name must be 200 characters or fewer");
        RuleFor(x => x.Date).ValidDate("the date of the meeting");
        RuleFor(x => x.Date).Must(d => d.Date is not { } date || date.Year is >= 2000 and <= 2100).WithMessage("The date of the meeting must be between 2000 and 2100");
        RuleFor(x => x.Time).MaximumLength(100).WithMessage("Time must be 100 characters or fewer");
        RuleFor(x => x.Location).MaximumLength(200).WithMessage("Location must be 200 characters or fewer");
    }
}

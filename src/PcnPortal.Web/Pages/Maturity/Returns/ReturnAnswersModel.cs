using PcnPortal.Domain.Maturity;

namespace PcnPortal.Web.Pages.Maturity.Returns;

/// <summary>A return's answers, with the previous year's for comparison, for the read-only and check pages.</summary>
public sealed record ReturnAnswersModel(MaturityReturn Return, MaturityReturn? Previous, bool ShowChangeLinks = false);

using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Common;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>How claim statuses and rule outcomes are shown: words always, colour as well.</summary>
public static class ArrsDisplay
{
    public static string StatusTag(ArrsClaimStatus status) => status switch
    {
        ArrsClaimStatus.Submitted => "nhsuk-tag--blue",
        ArrsClaimStatus.Approved => "nhsuk-tag--green",
        ArrsClaimStatus.Rejected => "nhsuk-tag--red",
        ArrsClaimStatus.Queried => "nhsuk-tag--yellow",
        ArrsClaimStatus.Paid => "nhsuk-tag--grey",
        _ => "",
    };

    public static string SeverityTag(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Pass => "nhsuk-tag--green",
        RuleSeverity.Warn => "nhsuk-tag--yellow",
        _ => "nhsuk-tag--red",
    };

    /// <summary>A line's worst rule outcome in words.</summary>
    public static string Worst(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Pass => "All pass",
        RuleSeverity.Warn => "Warning",
        _ => "Fails a rule",
    };

    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}

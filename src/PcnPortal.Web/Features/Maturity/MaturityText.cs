using PcnPortal.Domain.Maturity;

namespace PcnPortal.Web.Features.Maturity;

/// <summary>Display helpers shared by the maturity pages: status tags and the heatmap's colour classes.</summary>
public static class MaturityText
{
    public static string StatusText(MaturityReturnStatus status) => status switch
    {
        MaturityReturnStatus.NotStarted => "Not started",
        MaturityReturnStatus.InProgress => "In progress",
        MaturityReturnStatus.Submitted => "Submitted",
        MaturityReturnStatus.Reviewed => "Reviewed",
        _ => status.ToString(),
    };

    public static string StatusTag(MaturityReturnStatus status) => status switch
    {
        MaturityReturnStatus.NotStarted => "nhsuk-tag nhsuk-tag--grey",
        MaturityReturnStatus.InProgress => "nhsuk-tag nhsuk-tag--blue",
        MaturityReturnStatus.Submitted => "nhsuk-tag nhsuk-tag--purple",
        MaturityReturnStatus.Reviewed => "nhsuk-tag nhsuk-tag--green",
        _ => "nhsuk-tag",
    };

    /// <summary>The heatmap class for a position (lighter to darker as the PCN matures; defined in site.css).</summary>
    public static string HeatClass(MaturityPosition? position) => position is null ? "app-heat--none" : "app-heat--" + position.Value.Code().ToLowerInvariant();

    public static string DisplayOrDash(MaturityPosition? position) => position?.DisplayText() ?? "No return";

    public static string MovementText(MaturityMovement movement) => movement switch
    {
        MaturityMovement.Improved => "Improved",
        MaturityMovement.Same => "Same",
        MaturityMovement.Lower => "Lower",
        _ => "Not comparable",
    };

    public static string MovementTag(MaturityMovement movement) => movement switch
    {
        MaturityMovement.Improved => "nhsuk-tag nhsuk-tag--green",
        MaturityMovement.Same => "nhsuk-tag nhsuk-tag--grey",
        MaturityMovement.Lower => "nhsuk-tag nhsuk-tag--orange",
        _ => "nhsuk-tag nhsuk-tag--white",
    };
}

using PcnPortal.Web.Features.OdFunds;
namespace PcnPortal.Web.Pages.OdFunds;

/// <summary>One labelled NHS text input with its hint and error message (rendered by _TextField).</summary>
public sealed record TextField(string Key, string Label, string? Value, string? Hint = null, string? Prefix = null, string WidthClass = "nhsuk-input--width-10", string Type = "text");

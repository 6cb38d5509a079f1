namespace PcnPortal.Web.Features.Home;

/// <summary>One kind of work waiting for the signed-in person: what it is, how many, and where to do it.</summary>
public sealed record WorkItem(string Text, int Count, string Url, string? Detail = null);

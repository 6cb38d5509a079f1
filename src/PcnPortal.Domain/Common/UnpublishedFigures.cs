namespace PcnPortal.Domain.Common;

/// <summary>
/// The figures a paper section uses for a financial year whose status is not published, gathered and then written as one
/// sentence a status: "figures for 2026/27 not yet published: carried forward from 2025/26 (the ARR Sum rate)",
/// "reported from a secondary source, not a primary publication (rates for Core PCN funding and Clinical director)",
/// "unverified: no source found (…)". Published figures are ignored. A paper prints these when finalised with them.
/// </summary>
public sealed class UnpublishedFigures(FinancialYear year)
{
    private readonly List<(FigureStatus Status, FinancialYear? From, string Category, string? Item)> figures = [];

    public FinancialYear Year { get; } = year;

    /// <summary>
    /// Notes one figure: <paramref name="category"/> names the kind ("the ARR Sum rate", "maximum reimbursable amounts"),
    /// <paramref name="item"/> which one ("Care coordinator"), or null when the category is the figure.
    /// <paramref name="heldFor"/> is the financial year the figure was set for: a figure set for an earlier year than
    /// <see cref="Year"/> is carried forward whatever its status; a carried-forward figure without it is taken as from the year before.
    /// </summary>
    public void Add(string category, string? item, FigureStatus status, FinancialYear? heldFor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        if (status == FigureStatus.CarriedForward || heldFor is { } held && held.StartYear < Year.StartYear)
        {
            var from = heldFor is { } h && h.StartYear < Year.StartYear ? h : new FinancialYear(Year.StartYear - 1);
            figures.Add((FigureStatus.CarriedForward, from, category, item));
        }
        else if (status != FigureStatus.Published)
        {
            figures.Add((status, null, category, item));
        }
    }

    /// <summary>Convenience for a cited figure: its status, and the year it was carried forward from or set for.</summary>
    public void Add(string category, string? item, ICitedFigure figure, FinancialYear heldFor)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Add(category, item, figure.Status, figure.CarriedForwardFrom is { } from ? FinancialYear.Containing(from) : heldFor);
    }

    public bool Any => figures.Count > 0;

    /// <summary>Carried forward (latest source year first), then reported from a secondary source, then unverified.</summary>
    public IReadOnlyList<string> Sentences()
    {
        var sentences = new List<string>();
        foreach (var group in figures.Where(f => f.Status == FigureStatus.CarriedForward).GroupBy(f => f.From!.Value).OrderByDescending(g => g.Key))
        {
            sentences.Add($"figures for {Year} not yet published: carried forward from {group.Key} ({Describe(group)})");
        }

        foreach (var (status, wording) in new[]
                 {
                     (FigureStatus.ReportedSecondary, "reported from a secondary source, not a primary publication"),
                     (FigureStatus.Unverified, "unverified: no source found, to be checked before relying on"),
                 })
        {
            var group = figures.Where(f => f.Status == status).ToList();
            if (group.Count > 0)
            {
                sentences.Add($"{wording} ({Describe(group)})");
            }
        }

        return sentences;
    }

    private static string Describe(IEnumerable<(FigureStatus Status, FinancialYear? From, string Category, string? Item)> group) =>
        string.Join("; ", group.GroupBy(f => f.Category).Select(c =>
        {
            var items = c.Where(f => f.Item is not null).Select(f => f.Item!).Distinct().ToList();
            return items.Count == 0 ? c.Key : $"{c.Key} for {List(items)}";
        }));

    private static string List(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];
}

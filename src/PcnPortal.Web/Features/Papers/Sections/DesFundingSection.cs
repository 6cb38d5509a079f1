using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Arrs;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>
/// The Network Contract DES funding envelope: each rate (reference data for the financial year) × the population it is paid on
/// (registered or weighted) × the share of the year paid, for the PCNs of the CCGs this portal serves (Portal:CcgCodes): the
/// national register may be loaded too. The population follows the ARR Sum's rule (<see cref="PcnYearPopulationQuery"/>):
/// the practices in the PCN during the year, list sizes as at 1 January before it, the latest earlier ones where that is
/// missing (warned with the date used); a PCN with no usable population is left out and named with what to load.
/// </summary>
public sealed class DesFundingSection(PortalDbContext db, PortalOptions portal, PcnYearPopulationQuery populationQuery) : IPaperDataSection
{
    public string Key => "des-funding";

    public string Title => "DES funding envelope";

    public string Description => "Network Contract DES payments for the financial year: each rate per patient multiplied by the populations of the CCG's PCNs.";

    public string? DetailOption => "Show each PCN's amounts";

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var year = FinancialYear.Containing(asAt);
        var rates = await db.DesFundingRates.AsNoTracking().Where(r => r.YearStart == year.StartYear).ToListAsync(cancellationToken);
        rates = [.. rates.OrderBy(r => r.SortOrder).ThenBy(r => r.Component, StringComparer.Ordinal)];
        if (rates.Count == 0)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph(
                $"No DES funding rates are held for {year}, so the funding envelope cannot be shown.")]);
        }

        var populationDate = year.PopulationDate;
        var ccgs = portal.CcgCodes.ToList();
        var open = await db.Pcns.AsNoTracking()
            .Where(p => ccgs.Contains(p.CcgCode) && p.OpenDate <= asAt && (p.CloseDate == null || p.CloseDate >= asAt))
            .Select(p => new { p.Id, p.Code, p.Name })
            .ToListAsync(cancellationToken);
        var populations = await populationQuery.ForPcnsAsync([.. open.Select(p => p.Id)], year, cancellationToken);
        var all = open.Select(p => new { p.Code, p.Name, Year = populations[p.Id], Population = ArrsPopulation.From(populations[p.Id]) }).ToList();
        var missing = all.Where(p => !p.Population.Held).ToList();
        var pcns = all.Where(p => p.Population.Held)
            .Select(p => new { p.Code, p.Name, p.Year.Registered, p.Year.Weighted, p.Population.Warnings })
            .ToList();
        if (pcns.Count == 0)
        {
            return new PaperSectionSnapshot(Key, asAt, [SnapshotBlock.Paragraph(
                $"No usable PCN populations are held for {year} (list sizes as at {PaperFormat.Date(populationDate)} or earlier for the practices in each PCN during the year), so the funding envelope cannot be calculated. " +
                (all.Count == 0 ? "No PCN of this CCG is open on that date: load the register (import-epcn)." : $"Load the practices' list sizes as at {PaperFormat.Date(populationDate)} (import-list-sizes)."))]);
        }

        pcns = [.. pcns.OrderBy(p => p.Name, StringComparer.Ordinal)];
        var registered = pcns.Sum(p => p.Registered);
        var weighted = pcns.Sum(p => p.Weighted);

        decimal Amount(DesFundingRate rate, int reg, decimal wtd) => rate.Basis switch
        {
            FundingBasis.Registered => Money.ToPence(reg * rate.RatePerPatient * rate.YearFraction),
            FundingBasis.Weighted => Money.ToPence(wtd * rate.RatePerPatient * rate.YearFraction),
            _ => 0m,
        };

        var rows = new List<IReadOnlyList<SnapshotCell>>();
        var total = 0m;
        foreach (var rate in rates)
        {
            var status = FigureStatusText.Describe(rate, year.ToString(), yearly: true);
            var part = rate.YearFraction == 1m ? "" : $" × {PaperFormat.Number(rate.YearFraction * 12, 0)}/12 of the year";
            if (rate.Basis == FundingBasis.Adjusted)
            {
                rows.Add([rate.Component, $"{PaperFormat.Rate(rate.RatePerPatient)} per adjusted patient{part}", "not held", "not calculated", status]);
                continue;
            }

            var amount = pcns.Sum(p => Amount(rate, p.Registered, p.Weighted));
            total += amount;
            var basis = rate.Basis == FundingBasis.Registered ? "registered" : "weighted";
            rows.Add([
                rate.Component, $"{PaperFormat.Rate(rate.RatePerPatient)} per {basis} patient{part}",
                PaperFormat.Count(rate.Basis == FundingBasis.Registered ? registered : (int)Math.Round(weighted, MidpointRounding.AwayFromZero)),
                PaperFormat.Money(amount), status,
            ]);
        }

        rows.Add([new SnapshotCell("Total", Bold: true), "", "", new SnapshotCell(PaperFormat.Money(total), Bold: true), ""]);
        var adjusted = rates.Where(r => r.Basis == FundingBasis.Adjusted).Select(r => r.Component).ToList();
        var blocks = new List<SnapshotBlock>
        {
            SnapshotBlock.Paragraph(
                $"For {year} the {pcns.Count} PCNs have a registered population of {PaperFormat.Count(registered)} and a weighted population of " +
                $"{PaperFormat.Number(weighted, 0)} (the practices in each PCN during the year, list sizes as at {PaperFormat.Date(populationDate)}). The DES payments below total {PaperFormat.Money(total)}" +
                (adjusted.Count > 0 ? $", not counting the payments made on the PCN adjusted population, which the portal does not hold ({string.Join(", ", adjusted)})." : ".")),
            SnapshotBlock.Of(new SnapshotTable(
                $"Network Contract DES funding {year}",
                [new("Payment", 2.0f), new("Rate", 2.2f), SnapshotColumn.Number("Population", 1.1f), SnapshotColumn.Number("Amount", 1.3f), new("Status of the rate", 2.0f)],
                rows)),
        };
        var warnings = pcns.SelectMany(p => p.Warnings.Select(w => $"{p.Name} ({p.Code}): {w}")).ToList();
        if (missing.Count > 0)
        {
            blocks.Add(SnapshotBlock.Paragraph(
                $"Not included, no usable population held ({missing.Count} PCN{(missing.Count == 1 ? "" : "s")}): " +
                string.Join(" ", missing.Select(p => $"{p.Name} ({p.Code}): {p.Population.Missing}"))));
        }

        if (warnings.Count > 0)
        {
            const int shown = 20;
            blocks.Add(SnapshotBlock.Paragraph(
                "Population warnings: " + string.Join(" ", warnings.Take(shown)) + (warnings.Count > shown ? $" And {warnings.Count - shown:N0} more." : "")));
        }

        blocks.Add(SnapshotBlock.Paragraph("Sources of the rates: " + string.Join(" ", rates.Select(r => $"{r.Component}: {(r.Source.Length > 0 ? r.Source : "no source recorded")}."))));

        if (options.ShowDetail)
        {
            var columns = new List<SnapshotColumn> { new("PCN", 2.6f) };
            var calculated = rates.Where(r => r.Basis != FundingBasis.Adjusted).ToList();
            columns.AddRange(calculated.Select(r => SnapshotColumn.Number(r.Component, 1.2f)));
            columns.Add(SnapshotColumn.Number("Total", 1.3f));
            var pcnRows = pcns.Select(p =>
            {
                var amounts = calculated.Select(r => Amount(r, p.Registered, p.Weighted)).ToList();
                var cells = new List<SnapshotCell> { $"{p.Name} ({p.Code})" };
                cells.AddRange(amounts.Select(a => new SnapshotCell(PaperFormat.Money(a))));
                cells.Add(new SnapshotCell(PaperFormat.Money(amounts.Sum()), Bold: true));
                return (IReadOnlyList<SnapshotCell>)cells;
            }).ToList();
            blocks.Add(SnapshotBlock.Of(new SnapshotTable($"DES funding by PCN {year}", columns, pcnRows)));
        }

        // Rates that are not published for the year (reported from a secondary source, carried forward, unverified) need the secretary's acknowledgement to finalise.
        var unpublished = new UnpublishedFigures(year);
        rates.ForEach(r => unpublished.Add("the DES payment rates", r.Component, r, year));
        return new PaperSectionSnapshot(Key, asAt, blocks) { Unverified = unpublished.Sentences() };
    }
}

using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Common;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Configuration;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Features.Papers.Sections;

/// <summary>
/// PCNs open on the date, their practices and populations (list sizes as at the preceding 1 January) and rule warnings: the
/// portal's own CCG(s) by default, or every PCN in England (a national register appendix, grouped by commissioner).
/// </summary>
public sealed class PcnRegisterSection(PortalDbContext db, PortalOptions portal) : IPaperDataSection
{
    public string Key => "pcn-register";

    public string Title => "PCN register summary";

    public string Description => "The CCG's PCNs open on the date, member practices, registered and weighted populations, and registration rule warnings.";

    public string? DetailOption => "List each PCN's member practices";

    public string? AllEnglandOption => "Every PCN in England (the national register, by commissioner), not only the CCG's";

    public async Task<PaperSectionSnapshot> BuildAsync(DateOnly asAt, PaperSectionOptions options, CancellationToken cancellationToken)
    {
        var populationDate = PcnPopulation.PopulationDate(asAt);
        var open = db.Pcns.AsNoTracking().Where(p => p.OpenDate <= asAt && (p.CloseDate == null || p.CloseDate >= asAt));
        if (!options.AllEngland)
        {
            var ccgs = portal.CcgCodes.ToList();
            open = open.Where(p => ccgs.Contains(p.CcgCode));
        }

        var pcns = await open
            .Select(p => new
            {
                p.Code,
                p.Name,
                // All England: the commissioner (CCG or sub-ICB code) in place of the CCG's own localities.
                Group = options.AllEngland ? p.CcgCode : p.Locality == null ? null : p.Locality.Name,
                p.NominatedPayeeCode,
                p.PopulationExceptionReason,
                HasCd = p.ClinicalDirectors.Any(c => c.From <= asAt && (c.To == null || c.To >= asAt)),
                Members = p.Memberships.Where(m => m.StartDate <= asAt && (m.EndDate == null || m.EndDate >= asAt))
                    .Select(m => new
                    {
                        m.Practice!.Code,
                        m.Practice.Name,
                        Size = m.Practice.ListSizes.Where(l => l.AsAt <= populationDate).OrderByDescending(l => l.AsAt)
                            .Select(l => new { l.Registered, l.Weighted }).FirstOrDefault(),
                    }).ToList(),
            })
            .ToListAsync(cancellationToken);

        var blocks = new List<SnapshotBlock>();
        if (pcns.Count == 0)
        {
            blocks.Add(SnapshotBlock.Paragraph($"No PCNs were open {Where(options)} on {PaperFormat.Date(asAt)}, so there is no register to summarise."));
            return new PaperSectionSnapshot(Key, asAt, blocks);
        }

        pcns = [.. pcns.OrderBy(p => p.Group, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
        var rows = new List<IReadOnlyList<SnapshotCell>>();
        int totalPractices = 0, totalRegistered = 0;
        decimal totalWeighted = 0;
        var warnings = 0;
        foreach (var p in pcns)
        {
            var snapshot = new PcnSnapshot(
                p.Code, p.Name,
                [.. p.Members.Select(m => new MemberPracticeSnapshot(m.Code, m.Size?.Registered, m.Size?.Weighted, m.Name))],
                p.HasCd, p.NominatedPayeeCode,
                p.PopulationExceptionReason is null ? null : new PopulationException(p.PopulationExceptionReason));
            var result = PcnRegistrationCheck.Run(snapshot);
            var flagged = result.Outcomes.Where(o => o.Severity != RuleSeverity.Pass).Select(o => PlainWording(o.Code)).ToList();
            warnings += flagged.Count > 0 ? 1 : 0;
            var registered = p.Members.Sum(m => m.Size?.Registered ?? 0);
            var weighted = p.Members.Sum(m => m.Size?.Weighted ?? 0m);
            totalPractices += p.Members.Count;
            totalRegistered += registered;
            totalWeighted += weighted;
            rows.Add([
                $"{p.Name} ({p.Code})", p.Group ?? "None", PaperFormat.Count(p.Members.Count), PaperFormat.Count(registered),
                PaperFormat.Number(weighted, 0), flagged.Count == 0 ? "None" : string.Join("; ", flagged),
            ]);
        }

        rows.Add([
            new SnapshotCell("Total", Bold: true), new SnapshotCell($"{PaperFormat.Count(pcns.Count)} PCNs", Bold: true), new SnapshotCell(PaperFormat.Count(totalPractices), Bold: true),
            new SnapshotCell(PaperFormat.Count(totalRegistered), Bold: true), new SnapshotCell(PaperFormat.Number(totalWeighted, 0), Bold: true), "",
        ]);

        blocks.Add(SnapshotBlock.Paragraph(
            $"On {PaperFormat.Date(asAt)} {PaperFormat.Count(pcns.Count)} PCNs were open {Where(options)} with {PaperFormat.Count(totalPractices)} member practices and a registered population of " +
            $"{PaperFormat.Count(totalRegistered)} (list sizes as at {PaperFormat.Date(populationDate)}). " +
            (warnings == 0 ? "No PCN has a registration rule warning." : $"{PaperFormat.Count(warnings)} PCNs have at least one registration rule warning, described in the last column.")));
        blocks.Add(SnapshotBlock.Of(new SnapshotTable(
            $"{(options.AllEngland ? "PCNs in England" : "PCNs")}, practices and populations as at {PaperFormat.Date(asAt)}",
            [new("PCN", 2.4f), new(options.AllEngland ? "Commissioner" : "Locality", 1.5f), SnapshotColumn.Number("Practices", 1), SnapshotColumn.Number("Registered", 1.2f), SnapshotColumn.Number("Weighted", 1.2f), new("Rule warnings", 3)],
            rows)));

        if (options.ShowDetail)
        {
            var practiceRows = pcns.SelectMany(p => p.Members.OrderBy(m => m.Name, StringComparer.Ordinal).Select(m => (IReadOnlyList<SnapshotCell>)
            [
                p.Name, $"{m.Name} ({m.Code})",
                m.Size is null ? "Not known" : PaperFormat.Count(m.Size.Registered),
                m.Size?.Weighted is { } w ? PaperFormat.Number(w, 0) : "Not known",
            ])).ToList();
            blocks.Add(SnapshotBlock.Of(new SnapshotTable(
                "Member practices",
                [new("PCN", 2.5f), new("Practice", 3), SnapshotColumn.Number("Registered", 1.2f), SnapshotColumn.Number("Weighted", 1.2f)],
                practiceRows)));
        }

        return new PaperSectionSnapshot(Key, asAt, blocks);
    }

    /// <summary>A registration rule in plain words for the committee (the portal's rule codes mean nothing to it).</summary>
    public static string PlainWording(string code) => code switch
    {
        RegistrationRuleCodes.NameSuffix => "Name does not end with “PCN”",
        RegistrationRuleCodes.NameLength => "Name longer than the limit",
        RegistrationRuleCodes.NameGeneric => "Name only a compass point or number",
        RegistrationRuleCodes.NameAmpersand => "“&” in the name where “and” fits",
        RegistrationRuleCodes.PcnCodeFormat => "PCN code not U and five digits",
        RegistrationRuleCodes.PracticeCodeFormat => "Practice code not a letter and five digits",
        RegistrationRuleCodes.PracticeMultiplePcns => "A practice in two PCNs at once",
        RegistrationRuleCodes.PopulationRange => "Population outside 30,000–50,000 with no agreed exception",
        RegistrationRuleCodes.NoMembers => "No member practices",
        RegistrationRuleCodes.NoClinicalDirector => "No clinical director recorded",
        RegistrationRuleCodes.NoPayee => "No valid nominated payee",
        _ => code,
    };

    private string Where(PaperSectionOptions options) =>
        options.AllEngland ? "in England" : $"in {(portal.CcgCodes.Count == 1 ? "CCG" : "CCGs")} {string.Join(", ", portal.CcgCodes)}";
}

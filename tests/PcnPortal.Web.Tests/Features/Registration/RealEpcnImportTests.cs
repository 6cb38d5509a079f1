using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Registration;

/// <summary>
/// The real ODS ePCN workbook of October 2024, as published, in a database of its own. Expected figures were counted from the
/// file's two sheets: 1,366 PCNs (81 closed by 25 October 2024, its created date), 7,705 membership rows for 6,813 practices;
/// four practices have a left date equal to a join date: F82001 and M83627 moved by a handover, and H84031 and K81656 each have a
/// row that joins and leaves on the day they join another (rows 4108, U84150, and 4699, U62501: a membership of no day); seven practices (P85004...) were in the short-lived
/// U04503 (open 1 to 2 July 2024) and U17156 on 1 and 2 July 2024: a genuine two-day overlap outside this CCG, kept as published.
/// </summary>
public sealed class RealEpcnImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] OverlapPractices = ["P85004", "P85010", "P85011", "P85018", "P85605", "P85612", "P85615"];

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [RealNationalFileFact(RealNationalFile.Epcn202410)]
    public async Task October2024_ImportsInFull_HandoversOnePcnOnEachDate_SecondRunChangesNothing()
    {
        var parsed = EpcnWorkbookParser.ParseFile(RealNationalFile.Find(RealNationalFile.Epcn202410)!);
        Assert.False(parsed.IsRejected, string.Join("; ", parsed.Errors.Take(5)));
        Assert.Equal(1_366, parsed.Pcns.Count);
        Assert.Equal(7_705, parsed.Memberships.Count);

        var summary = await ImportAsync(parsed);

        Assert.Empty(summary.Errors);
        Assert.Equal(D(2024, 10, 25), summary.ExtractDate);
        Assert.Equal("workbookCreated", summary.ExtractDateSource);
        Assert.Equal(new PcnCounts(1_366, 0, 1_285, 81), summary.Pcns);
        Assert.Equal(6_813, summary.Practices);
        Assert.Equal(new MembershipCounts(6_224, 1_479, 7_703, 0, 0), summary.Memberships);
        Assert.Contains(summary.FileWarnings, w => w.Contains("row 4108", StringComparison.Ordinal) && w.Contains("H84031", StringComparison.Ordinal) && w.Contains("covers no day", StringComparison.Ordinal));
        Assert.Contains(summary.FileWarnings, w => w.Contains("row 4699", StringComparison.Ordinal) && w.Contains("K81656", StringComparison.Ordinal));
        var overlaps = summary.FileWarnings.Where(w => w.Contains(RegistrationRuleCodes.PracticeMultiplePcns, StringComparison.Ordinal)).ToList();
        Assert.Equal(7, overlaps.Count);
        Assert.Contains(overlaps, w => w.Contains("P85004", StringComparison.Ordinal) && w.Contains("7067", StringComparison.Ordinal) && w.Contains("overlap from 1 Jul 2024 to 2 Jul 2024", StringComparison.Ordinal));
        // National counts: no PCN loaded from ODS has a clinical director in the portal yet.
        Assert.Equal(1_285, summary.WarningsEngland[RegistrationRuleCodes.NoClinicalDirector]);
        Assert.Empty(summary.Warnings);

        var memberships = await factory.WithDbAsync(db => db.PcnMemberships.AsNoTracking()
            .Select(m => new PracticeMembership(m.Practice!.Code, m.Pcn!.Code, m.StartDate, m.EndDate)).ToListAsync());
        Assert.Equal(7_703, memberships.Count);
        // One PCN on every date for every practice but the seven in U04503 and U17156 on 1 and 2 July 2024.
        Assert.Equal(OverlapPractices, PracticeMultiplePcnsRule.FindOverlaps(memberships).Select(o => o.Figures["practice"]).Order(StringComparer.Ordinal));
        var byPractice = memberships.ToLookup(m => m.PracticeCode);
        Assert.DoesNotContain(memberships, m => m.End is { } end && byPractice[m.PracticeCode].Any(o => o != m && o.Start == end));

        // The moved practices, each side of the handover: in one PCN, the one the file names for that day.
        foreach (var (practice, date, pcn) in new[]
        {
            ("F82001", D(2022, 6, 30), "U86966"), ("F82001", D(2022, 7, 1), "U11211"),
            ("M83627", D(2023, 3, 31), "U06256"), ("M83627", D(2023, 4, 1), "U93998"),
            ("K81656", D(2022, 6, 30), "U89762"), ("K81656", D(2022, 7, 1), "U89762"),
            ("H84031", D(2024, 9, 30), "U62999"), ("H84031", D(2024, 10, 1), "U96434"),
        })
        {
            var on = byPractice[practice].Where(m => m.IsCurrentOn(date)).Select(m => m.PcnCode).ToList();
            Assert.True(on.Count == 1 && on[0] == pcn, $"{practice} on {date:yyyy-MM-dd}: expected only {pcn}, found {string.Join(", ", on)}");
        }

        // The register as at any date counts them once: as at 1 July 2022 F82001 is in U11211 and not in U86966.
        using (var scope = factory.Services.CreateScope())
        {
            var register = scope.ServiceProvider.GetRequiredService<PcnRegisterQuery>();
            var july = (await register.ListAsync(D(2022, 7, 1), null)).ToDictionary(r => r.Code);
            var june = (await register.ListAsync(D(2022, 6, 30), null)).ToDictionary(r => r.Code);
            Assert.Equal(june["U86966"].Practices - 1, july["U86966"].Practices);
            Assert.Equal(june["U11211"].Practices + 1, july["U11211"].Practices);

            // Before any PCN in this file opened (1 October 2019): every one "not yet open", with no rule warnings.
            var before = await register.PageAsync(new RegisterFilter(D(2019, 6, 1), AllEngland: true, Status: "not-yet-open"), 1, 50);
            Assert.Equal(1_366, before.Paging.Total);
            Assert.All(before.Rows, r => Assert.Equal(PcnStatus.NotYetOpen, r.StatusOn(D(2019, 6, 1))));
            Assert.All(before.Rows, r => Assert.Empty(r.Flags));
            Assert.Equal(0, (await register.PageAsync(new RegisterFilter(D(2019, 6, 1), AllEngland: true, Status: "closed"), 1, 50)).Paging.Total);
        }

        var again = await ImportAsync(parsed);
        Assert.Empty(again.Errors);
        Assert.Equal(new PcnCounts(0, 0, 1_285, 81), again.Pcns);
        Assert.Equal(0, again.Memberships.Created + again.Memberships.Updated + again.Memberships.EndedNotInFile);
    }

    private async Task<EpcnImportSummary> ImportAsync(EpcnParseResult parsed)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<EpcnImporter>().ImportAsync(parsed);
    }
}

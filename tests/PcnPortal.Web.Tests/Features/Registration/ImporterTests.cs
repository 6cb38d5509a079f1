using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Registration;
using PcnPortal.TestSupport.Generation;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PcnPortal.Web.Tests.Features.Registration;

public sealed class ImporterTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<EpcnImportSummary> ImportEpcnAsync(Stream workbook) =>
        await factory.WithDbAsync(db => factory.Services.CreateScope().ServiceProvider.GetRequiredService<EpcnImporter>().ImportAsync(EpcnWorkbookParser.Parse(workbook)));

    private async Task<ListSizeImportSummary> ImportListSizesAsync(string csv)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ListSizeImporter>().ImportAsync(ListSizeCsvParser.Parse(Encoding.UTF8.GetBytes(csv)));
    }

    private static MemoryStream Workbook(string pcnA, string pcnB, string practiceA, string practiceB, string ccg = "99Z", object? closeB = null) =>
        XlsxFixtureWriter.Vintage2019(
        [
            [pcnA, "Alder Vale PCN", ccg, "NHS AVONMERE CCG", 20190701, null],
            [pcnB, "Birch Hill PCN", ccg, "NHS AVONMERE CCG", "20190701", closeB],
            ["U", "Unallocated", null, null, "20190701", null],
        ],
        [
            [practiceA, "ALDER SURGERY", ccg, pcnA, "Alder Vale PCN", 20190701, null, 0],
            [practiceB, "BIRCH SURGERY", ccg, pcnB, "Birch Hill PCN", "20190701", "20230331", 0],
            [practiceB, "BIRCH SURGERY", ccg, pcnA, "Alder Vale PCN", "20230401", null, 1],
            ["A83999", "UNALLOCATED SURGERY", ccg, "U", "Unallocated", "20190701", null, 0],
        ]);

    [Fact]
    public async Task Epcn_CreatesPcnsPracticesAndMemberships_SkipsUnallocated_AndCountsWarnings()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), pa = TestData.NewPracticeCode(), pb = TestData.NewPracticeCode();

        var summary = await ImportEpcnAsync(Workbook(a, b, pa, pb));

        Assert.Empty(summary.Errors);
        Assert.Equal(new PcnCounts(2, 0, 2, 0), summary.Pcns);
        Assert.Equal(2, summary.Practices);
        Assert.Equal(2, summary.Memberships.Current);
        Assert.Equal(1, summary.Memberships.Ended);
        Assert.Equal(3, summary.Memberships.Created);
        Assert.Equal(2, summary.UnallocatedSkipped);
        // Both PCNs are in the configured CCG 99Z: no list sizes, no clinical director, no payee yet.
        Assert.Equal(1, summary.Warnings[RegistrationRuleCodes.NoMembers]);
        Assert.Equal([b], summary.WarningPcns[RegistrationRuleCodes.NoMembers]);
        Assert.Equal(2, summary.Warnings[RegistrationRuleCodes.NoClinicalDirector]);
        await factory.WithDbAsync(async db =>
        {
            Assert.False(await db.Pcns.AnyAsync(p => p.Code == "U"));
            var moves = await db.PcnMemberships.Where(m => m.Practice!.Code == pb).OrderBy(m => m.StartDate).Select(m => new { m.Pcn!.Code, m.StartDate, m.EndDate, m.CrossBoundary }).ToListAsync();
            Assert.Equal([b, a], moves.Select(m => m.Code));
            Assert.Equal(new DateOnly(2023, 3, 31), moves[0].EndDate);
            Assert.True(moves[1].CrossBoundary);
        });
    }

    [Fact]
    public async Task Epcn_SecondRun_ChangesNothingAndWritesNoAudit()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), pa = TestData.NewPracticeCode(), pb = TestData.NewPracticeCode();
        await ImportEpcnAsync(Workbook(a, b, pa, pb));
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var second = await ImportEpcnAsync(Workbook(a, b, pa, pb));

        Assert.Equal(new PcnCounts(0, 0, 2, 0), second.Pcns);
        Assert.Equal(0, second.Memberships.Created);
        Assert.Equal(0, second.Memberships.Updated);
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Epcn_LaterFileClosesPcn_CountsUpdatedAndClosed()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), pa = TestData.NewPracticeCode(), pb = TestData.NewPracticeCode();
        await ImportEpcnAsync(Workbook(a, b, pa, pb));

        var summary = await ImportEpcnAsync(Workbook(a, b, pa, pb, closeB: "20230331"));

        Assert.Equal(new PcnCounts(0, 1, 1, 1), summary.Pcns);
        Assert.Equal(new DateOnly(2023, 3, 31), await factory.WithDbAsync(db => db.Pcns.Where(p => p.Code == b).Select(p => p.CloseDate).SingleAsync()));
    }

    /// <summary>Two vintages of the same PCNs: the later one no longer lists <paramref name="leaver"/>'s membership.</summary>
    private static (MemoryStream Older, MemoryStream Newer) TwoVintages(string a, string b, string stayer, string leaver, string other)
    {
        object?[][] pcns =
        [
            [a, "Alder Vale PCN", "99Z", "NHS AVONMERE CCG", 20190701, null],
            [b, "Birch Hill PCN", "99Z", "NHS AVONMERE CCG", 20190701, null],
        ];
        var older = XlsxFixtureWriter.Vintage2019(pcns,
        [
            [stayer, "STAYER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0],
            [leaver, "LEAVER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0],
            [other, "OTHER SURGERY", "99Z", b, "Birch Hill PCN", 20190701, null, 0],
        ]);
        var newer = XlsxFixtureWriter.Vintage2019(pcns,
        [
            [stayer, "STAYER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0],
            [other, "OTHER SURGERY", "99Z", b, "Birch Hill PCN", 20190701, null, 0],
        ]);
        return (older, newer);
    }

    private Task<List<(string Practice, DateOnly? End)>> MembershipEndsAsync(params string[] practices) =>
        factory.WithDbAsync(async db => (await db.PcnMemberships.Where(m => practices.Contains(m.Practice!.Code)).Select(m => new { m.Practice!.Code, m.EndDate }).ToListAsync())
            .OrderBy(m => Array.IndexOf(practices, m.Code)).Select(m => (m.Code, m.EndDate)).ToList());

    [Fact]
    public async Task Epcn_NewerFileWithoutMembership_EndsItDayBeforeExtractDate_SecondRunChangesNothing()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), stayer = TestData.NewPracticeCode(), leaver = TestData.NewPracticeCode(), other = TestData.NewPracticeCode();
        var (older, newer) = TwoVintages(a, b, stayer, leaver, other);
        Assert.Equal(0, (await ImportEpcnAsync(older)).Memberships.EndedNotInFile);
        // A PCN the newer file does not list at all keeps its memberships (a regional or partial file is not the whole country).
        var elsewhere = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var elsewherePractice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == elsewhere.Id).Select(m => m.Practice!.Code).SingleAsync());
        var extracted = new DateOnly(2024, 4, 1);

        var summary = await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(newer, extracted));

        Assert.Empty(summary.Errors);
        Assert.Equal(1, summary.Memberships.EndedNotInFile);
        Assert.Equal(0, summary.Memberships.Created);
        Assert.Equal(extracted, summary.ExtractDate);
        Assert.Equal("workbookCreated", summary.ExtractDateSource);
        Assert.Equal(new DateOnly(2024, 3, 31), summary.AbsentMembershipsEndOn);
        Assert.Equal(
            [(stayer, null), (leaver, new DateOnly(2024, 3, 31)), (other, null), (elsewherePractice, null)],
            await MembershipEndsAsync(stayer, leaver, other, elsewherePractice));
        var leaverKey = (await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.Practice!.Code == leaver).Select(m => m.Id).SingleAsync())).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Entity == nameof(PcnMembership) && e.EntityKey == leaverKey && e.After!.Contains("2024-03-31"))), "ending the membership is audited");
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        var again = await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(newer, extracted));

        Assert.Equal(0, again.Memberships.EndedNotInFile);
        Assert.Equal(0, again.Memberships.Updated);
        Assert.Equal(new PcnCounts(0, 0, 2, 0), again.Pcns);
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.Equal(new DateOnly(2024, 3, 31), (await MembershipEndsAsync(leaver)).Single().End);
    }

    [Fact]
    public async Task Epcn_NewerFileWithoutCreatedDate_ExtractDateIsTheLatestDateInTheFile()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), stayer = TestData.NewPracticeCode(), leaver = TestData.NewPracticeCode(), other = TestData.NewPracticeCode(), joiner = TestData.NewPracticeCode();
        var (older, _) = TwoVintages(a, b, stayer, leaver, other);
        await ImportEpcnAsync(older);
        var newer = XlsxFixtureWriter.Vintage2019(
            [[a, "Alder Vale PCN", "99Z", "NHS AVONMERE CCG", 20190701, null], [b, "Birch Hill PCN", "99Z", "NHS AVONMERE CCG", 20190701, null]],
            [
                [stayer, "STAYER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0],
                [other, "OTHER SURGERY", "99Z", b, "Birch Hill PCN", 20190701, null, 0],
                [joiner, "JOINER SURGERY", "99Z", b, "Birch Hill PCN", 20240101, null, 0],
            ]);

        var summary = await ImportEpcnAsync(newer);

        Assert.Equal(new DateOnly(2024, 1, 1), summary.ExtractDate);
        Assert.Equal("latestDateInFile", summary.ExtractDateSource);
        Assert.Equal(1, summary.Memberships.EndedNotInFile);
        Assert.Equal(new DateOnly(2023, 12, 31), (await MembershipEndsAsync(leaver)).Single().End);
        Assert.Equal(0, (await ImportEpcnAsync(newer)).Memberships.EndedNotInFile);
    }

    [Fact]
    public async Task Epcn_ImplausibleCreatedDate_UsesTheLatestDateInTheFile()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), stayer = TestData.NewPracticeCode(), leaver = TestData.NewPracticeCode(), other = TestData.NewPracticeCode();
        var (older, newer) = TwoVintages(a, b, stayer, leaver, other);
        await ImportEpcnAsync(older);

        // Created before the 1 July 2019 relationships the file lists: a template date, not the extract date.
        var summary = await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(newer, new DateOnly(2018, 1, 1)));

        Assert.Empty(summary.Errors);
        Assert.Equal("latestDateInFile", summary.ExtractDateSource);
        Assert.Equal(new DateOnly(2019, 7, 1), summary.ExtractDate);
    }

    [Fact]
    public async Task Epcn_OlderFileAfterNewer_ChangesNothingAndSaysWhy()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), stayer = TestData.NewPracticeCode(), leaver = TestData.NewPracticeCode(), other = TestData.NewPracticeCode();
        var (older, newer) = TwoVintages(a, b, stayer, leaver, other);
        // The newer file (without the leaver) first, then an older one that still lists it and renames a PCN.
        await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(older, new DateOnly(2024, 4, 1)));
        await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(newer, new DateOnly(2024, 10, 1)));
        var endsBefore = await MembershipEndsAsync(stayer, leaver, other);
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        var renamed = XlsxFixtureWriter.Vintage2019(
            [[a, "Old Name PCN", "99Z", "NHS AVONMERE CCG", 20190701, null], [b, "Birch Hill PCN", "99Z", "NHS AVONMERE CCG", 20190701, null]],
            [[stayer, "STAYER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0]]);

        var summary = await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(renamed, new DateOnly(2024, 4, 1)));

        Assert.True(summary.IsRejected);
        var error = Assert.Single(summary.Errors);
        Assert.Contains("extracted on 1 April 2024 (the workbook's created date)", error, StringComparison.Ordinal);
        Assert.Contains("newer file, extracted on 1 October 2024", error, StringComparison.Ordinal);
        Assert.Contains("nothing was changed", error, StringComparison.Ordinal);
        Assert.Equal(endsBefore, await MembershipEndsAsync(stayer, leaver, other));
        Assert.Equal("Alder Vale PCN", await factory.WithDbAsync(db => db.Pcns.Where(p => p.Code == a).Select(p => p.Name).SingleAsync()));
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));

        // The same file again (same extract date) is not older: it runs and changes nothing.
        var same = await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(newer, new DateOnly(2024, 10, 1)));
        Assert.Empty(same.Errors);
        Assert.Equal(0, same.Memberships.Updated + same.Memberships.EndedNotInFile + same.Pcns.Updated);
    }

    /// <summary>Each practice's PCN on a date, through the register (members counted as the register counts them).</summary>
    private async Task<int> MembersOnAsync(string pcnCode, DateOnly date)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PcnRegisterQuery>().ListAsync(date, pcnCode)).Single().Practices;
    }

    private static MemoryStream ThreePcns(string a, string b, string c, string ccg, params object?[][] partners) => XlsxFixtureWriter.Vintage2019(
        [
            [a, "Alder Vale PCN", ccg, "X", 20190701, null],
            [b, "Birch Hill PCN", ccg, "X", 20190701, null],
            [c, "Cedar Park PCN", ccg, "X", 20190701, null],
        ],
        partners);

    [Fact]
    public async Task Epcn_Handover_LeftDateIsNextJoinDate_OnePcnOnEachDate()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), c = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = ThreePcns(a, b, c, "99Z",
            [pa, "ALDER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, 20220701, 0],
            [pa, "ALDER SURGERY", "99Z", b, "Birch Hill PCN", 20220701, null, 0]);

        var summary = await ImportEpcnAsync(workbook);

        Assert.Empty(summary.Errors);
        Assert.Equal((1, 0), (await MembersOnAsync(a, new DateOnly(2022, 6, 30)), await MembersOnAsync(b, new DateOnly(2022, 6, 30))));
        Assert.Equal((0, 1), (await MembersOnAsync(a, new DateOnly(2022, 7, 1)), await MembersOnAsync(b, new DateOnly(2022, 7, 1))));
        Assert.Equal(new DateOnly(2022, 6, 30), await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.Practice!.Code == pa && m.Pcn!.Code == a).Select(m => m.EndDate).SingleAsync()));
        Assert.Equal(0, (await ImportEpcnAsync(workbook)).Memberships.Updated);
    }

    [Fact]
    public async Task Epcn_TwoDayOverlap_InThisCcg_RefusedNamingTheRows_NothingSaved()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), c = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = ThreePcns(a, b, c, "99Z",
            [pa, "ALDER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, 20220702, 0],
            [pa, "ALDER SURGERY", "99Z", b, "Birch Hill PCN", 20220701, null, 0]);

        var summary = await ImportEpcnAsync(workbook);

        Assert.True(summary.IsRejected);
        var problem = Assert.Single(summary.Problems, p => p.IsError);
        Assert.Equal(2, problem.Row);
        Assert.Contains(RegistrationRuleCodes.PracticeMultiplePcns, problem.Message, StringComparison.Ordinal);
        Assert.Contains("(rows 2, 3)", problem.Message, StringComparison.Ordinal);
        Assert.Contains("overlap from 1 Jul 2022 to 2 Jul 2022", problem.Message, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Pcns.AnyAsync(p => p.Code == a || p.Code == b)));
    }

    [Fact]
    public async Task Epcn_TwoDayOverlap_ElsewhereInEngland_KeptAsPublished_AndNamed()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), c = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = ThreePcns(a, b, c, "00Y",
            [pa, "ALDER SURGERY", "00Y", a, "Alder Vale PCN", 20190701, 20220702, 0],
            [pa, "ALDER SURGERY", "00Y", b, "Birch Hill PCN", 20220701, null, 0]);

        var summary = await ImportEpcnAsync(workbook);

        Assert.Empty(summary.Errors);
        var warning = Assert.Single(summary.FileWarnings, w => w.Contains(RegistrationRuleCodes.PracticeMultiplePcns, StringComparison.Ordinal));
        Assert.Contains("(rows 2, 3)", warning, StringComparison.Ordinal);
        Assert.Contains("kept as published", warning, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2022, 7, 2), await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.Practice!.Code == pa && m.Pcn!.Code == a).Select(m => m.EndDate).SingleAsync()));
    }

    [Fact]
    public async Task Epcn_RejoinsTheSamePcn_AndMovesTwiceInAYear_OnePcnOnEachDate()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), c = TestData.NewPcnCode(), rejoins = TestData.NewPracticeCode(), mover = TestData.NewPracticeCode();
        var workbook = ThreePcns(a, b, c, "99Z",
            // Leaves A for B on 1 April 2020 (31 March left date), comes back to A on 1 April 2021 by a handover.
            [rejoins, "REJOINS SURGERY", "99Z", a, "Alder Vale PCN", 20190701, 20200331, 0],
            [rejoins, "REJOINS SURGERY", "99Z", b, "Birch Hill PCN", 20200401, 20210401, 0],
            [rejoins, "REJOINS SURGERY", "99Z", a, "Alder Vale PCN", 20210401, null, 0],
            // Moves twice in 2023/24, A to B to C, both by handovers.
            [mover, "MOVER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, 20230701, 0],
            [mover, "MOVER SURGERY", "99Z", b, "Birch Hill PCN", 20230701, 20231101, 0],
            [mover, "MOVER SURGERY", "99Z", c, "Cedar Park PCN", 20231101, null, 0]);

        var summary = await ImportEpcnAsync(workbook);

        Assert.Empty(summary.Errors);
        Assert.Equal(6, summary.Memberships.Created);
        foreach (var (date, inA, inB, inC) in new[]
        {
            (new DateOnly(2020, 3, 31), 2, 0, 0), (new DateOnly(2020, 4, 1), 1, 1, 0), (new DateOnly(2021, 3, 31), 1, 1, 0), (new DateOnly(2021, 4, 1), 2, 0, 0),
            (new DateOnly(2023, 6, 30), 2, 0, 0), (new DateOnly(2023, 7, 1), 1, 1, 0), (new DateOnly(2023, 10, 31), 1, 1, 0), (new DateOnly(2023, 11, 1), 1, 0, 1),
        })
        {
            Assert.Equal((date, inA, inB, inC), (date, await MembersOnAsync(a, date), await MembersOnAsync(b, date), await MembersOnAsync(c, date)));
        }

        var again = await ImportEpcnAsync(workbook);
        Assert.Equal(0, again.Memberships.Created + again.Memberships.Updated);
    }

    [Fact]
    public async Task Epcn_RowJoiningAndLeavingOnAHandoverDay_CoversNoDay_NotStoredAndNamed()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), c = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = ThreePcns(a, b, c, "99Z",
            [pa, "ALDER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, 20240930, 0],
            [pa, "ALDER SURGERY", "99Z", b, "Birch Hill PCN", 20241001, 20241001, 0],
            [pa, "ALDER SURGERY", "99Z", c, "Cedar Park PCN", 20241001, null, 0]);

        var summary = await ImportEpcnAsync(workbook);

        Assert.Empty(summary.Errors);
        Assert.Contains(summary.FileWarnings, w => w.Contains("row 3", StringComparison.Ordinal) && w.Contains("covers no day", StringComparison.Ordinal));
        Assert.Equal([a, c], await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.Practice!.Code == pa).OrderBy(m => m.StartDate).Select(m => m.Pcn!.Code).ToListAsync()));
    }

    [Fact]
    public async Task Epcn_NewerFileMovesPractice_OldMembershipEndsDayBeforeNewOne()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), stayer = TestData.NewPracticeCode(), leaver = TestData.NewPracticeCode(), other = TestData.NewPracticeCode();
        var (older, _) = TwoVintages(a, b, stayer, leaver, other);
        await ImportEpcnAsync(older);
        var moved = XlsxFixtureWriter.Vintage2019(
            [[a, "Alder Vale PCN", "99Z", "NHS AVONMERE CCG", 20190701, null], [b, "Birch Hill PCN", "99Z", "NHS AVONMERE CCG", 20190701, null]],
            [
                [stayer, "STAYER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0],
                [leaver, "LEAVER SURGERY", "99Z", b, "Birch Hill PCN", 20230401, null, 0],
                [other, "OTHER SURGERY", "99Z", b, "Birch Hill PCN", 20190701, null, 0],
            ]);

        var summary = await ImportEpcnAsync(XlsxFixtureWriter.CreatedOn(moved, new DateOnly(2024, 4, 1)));

        Assert.Empty(summary.Errors);
        Assert.Equal(1, summary.Memberships.EndedNotInFile);
        Assert.Equal(1, summary.Memberships.Created);
        var leaverMemberships = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.Practice!.Code == leaver).OrderBy(m => m.StartDate).Select(m => new { m.Pcn!.Code, m.EndDate }).ToListAsync());
        Assert.Equal([(a, (DateOnly?)new DateOnly(2023, 3, 31)), (b, null)], leaverMemberships.Select(m => (m.Code, m.EndDate)));
    }

    [Fact]
    public async Task Epcn_NewerFileRejected_EndsNothing()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), stayer = TestData.NewPracticeCode(), leaver = TestData.NewPracticeCode(), other = TestData.NewPracticeCode();
        var (older, _) = TwoVintages(a, b, stayer, leaver, other);
        await ImportEpcnAsync(older);
        var broken = XlsxFixtureWriter.Vintage2019(
            [[a, "Alder Vale PCN", "99Z", "NHS AVONMERE CCG", 20190701, null], [b, "Birch Hill PCN", "99Z", "NHS AVONMERE CCG", "20191340", null]],
            [[stayer, "STAYER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0]]);

        var summary = await ImportEpcnAsync(broken);

        Assert.True(summary.IsRejected);
        Assert.Equal([(stayer, null), (leaver, null), (other, null)], await MembershipEndsAsync(stayer, leaver, other));
    }

    [Fact]
    public async Task Epcn_OverlappingMemberships_RejectedAndNothingSaved()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = XlsxFixtureWriter.Vintage2019(
            [[a, "Alder Vale PCN", "99Z", "X", 20190701, null], [b, "Birch Hill PCN", "99Z", "X", 20190701, null]],
            [[pa, "ALDER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0], [pa, "ALDER SURGERY", "99Z", b, "Birch Hill PCN", 20200101, null, 0]]);

        var summary = await ImportEpcnAsync(workbook);

        Assert.Contains(summary.Errors, e => e.Contains(RegistrationRuleCodes.PracticeMultiplePcns, StringComparison.Ordinal) && e.Contains(pa, StringComparison.Ordinal));
        Assert.False(await factory.WithDbAsync(db => db.Pcns.AnyAsync(p => p.Code == a || p.Code == b)));
        Assert.False(await factory.WithDbAsync(db => db.Practices.AnyAsync(p => p.Code == pa)));
    }

    [Fact]
    public async Task Epcn_MalformedFile_RejectedWithSheetRowAndColumn_NothingSaved()
    {
        string a = TestData.NewPcnCode(), pa = TestData.NewPracticeCode();
        var workbook = XlsxFixtureWriter.Vintage2019(
            [[a, "Alder Vale PCN", "99Z", "X", "20191340", null]],
            [[pa, "ALDER SURGERY", "99Z", a, "Alder Vale PCN", 20190701, null, 0]]);

        var summary = await ImportEpcnAsync(workbook);

        var problem = Assert.Single(summary.Problems, p => p.IsError);
        Assert.Equal("PCNDetails", problem.Sheet);
        Assert.Equal(2, problem.Row);
        Assert.Equal("Open Date", problem.Column);
        Assert.False(await factory.WithDbAsync(db => db.Pcns.AnyAsync(p => p.Code == a)));
    }

    [Fact]
    public async Task Epcn_EachVintage_Imports()
    {
        // The vintages share fixed PCN codes with other tests of this class, which may already have loaded a newer file:
        // start from a register that no file has dated, so each vintage loads in order as on a fresh database.
        await factory.WithDbAsync(async db =>
        {
            await db.Pcns.Where(p => p.EpcnExtractDate != null).ExecuteUpdateAsync(u => u.SetProperty(p => p.EpcnExtractDate, (DateOnly?)null));
            return 0;
        });

        foreach (var workbook in new[] { XlsxFixtureWriter.Vintage2019(), XlsxFixtureWriter.Vintage2021(), XlsxFixtureWriter.Vintage2023() })
        {
            var summary = await ImportEpcnAsync(workbook);
            Assert.Empty(summary.Errors);
        }

        await factory.WithDbAsync(async db =>
        {
            // The 2023 file moved U12345 to sub-ICB 84H and gave U45678 a close date.
            Assert.Equal("84H", await db.Pcns.Where(p => p.Code == "U12345").Select(p => p.CcgCode).SingleAsync());
            Assert.Equal(new DateOnly(2026, 4, 1), await db.Pcns.Where(p => p.Code == "U45678").Select(p => p.CloseDate).SingleAsync());
            Assert.Equal("BATH & NORTH EAST PCN", await db.Pcns.Where(p => p.Code == "U34567").Select(p => p.Name).SingleAsync());
        });
    }

    [Fact]
    public async Task ListSizes_NhsFile_UpdatesKnownPractices_CountsUnknown_Idempotent()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var practice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.Practice!.Code).SingleAsync());
        var csv = "PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\n"
            + $"GP_PRAC_PAT_LIST,01JAN2031,GP,99Z,E38000001,{practice},AB1 2CD,ALL,ALL,61234\n"
            + "GP_PRAC_PAT_LIST,01JAN2031,GP,99Z,E38000001,Z99999,AB1 2CD,ALL,ALL,4000\n";

        var first = await ImportListSizesAsync(csv);
        var second = await ImportListSizesAsync(csv);

        Assert.Empty(first.Errors);
        Assert.Equal("2031-01-01", first.AsAt);
        Assert.Equal(new ListSizePracticeCounts(1, 0, 1), first.Practices);
        Assert.Equal(["Z99999"], first.UnknownPractices);
        Assert.Equal([pcn.Code], first.WarningPcns[RegistrationRuleCodes.PopulationRange]);
        Assert.Equal(new ListSizePracticeCounts(0, 1, 1), second.Practices);
    }

    [Fact]
    public async Task ListSizes_PortalCsv_KeepsWeighted_AndNhsFileDoesNotClearIt()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var practice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.Practice!.Code).SingleAsync());
        await ImportListSizesAsync($"practice_code,as_at,registered,weighted\n{practice},2032-01-01,20100,21234.56\n");

        var summary = await ImportListSizesAsync($"PUBLICATION,EXTRACT_DATE,TYPE,CCG_CODE,ONS_CCG_CODE,CODE,POSTCODE,SEX,AGE,NUMBER_OF_PATIENTS\nGP_PRAC_PAT_LIST,20320101,GP,99Z,E38000001,{practice},AB1 2CD,ALL,ALL,20200\n");

        Assert.Equal(1, summary.Practices.Updated);
        var size = await factory.WithDbAsync(db => db.PracticeListSizes.SingleAsync(l => l.Practice!.Code == practice && l.AsAt == new DateOnly(2032, 1, 1)));
        Assert.Equal(20_200, size.Registered);
        Assert.Equal(21_234.56m, size.Weighted);
    }

    [Fact]
    public async Task ListSizes_Malformed_RejectedNothingSaved()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var practice = await factory.WithDbAsync(db => db.PcnMemberships.Where(m => m.PcnId == pcn.Id).Select(m => m.Practice!.Code).SingleAsync());

        var summary = await ImportListSizesAsync($"practice_code,as_at,registered,weighted\n{practice},2033-01-01,20100,1\n{practice},2033-02-30,5,1\n");

        Assert.NotEmpty(summary.Errors);
        Assert.False(await factory.WithDbAsync(db => db.PracticeListSizes.AnyAsync(l => l.Practice!.Code == practice && l.AsAt.Year == 2033)));
    }

    [Fact]
    public async Task Cli_ImportEpcn_Json_ExitZero_ThenBadFile_ExitOne_ThenMissingArgument_ExitTwo()
    {
        string a = TestData.NewPcnCode(), b = TestData.NewPcnCode(), pa = TestData.NewPracticeCode(), pb = TestData.NewPracticeCode();
        var path = Path.Combine(Path.GetTempPath(), $"epcn-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllBytesAsync(path, Workbook(a, b, pa, pb).ToArray());
        var bad = Path.Combine(Path.GetTempPath(), $"epcn-{Guid.NewGuid():N}.xlsx");
        await File.WriteAllTextAsync(bad, "not a workbook");
        try
        {
            var output = new StringWriter();
            var exit = await CliRunner.RunAsync(factory.Services, ["import-epcn", path, "--json"], output, new StringWriter());
            Assert.Equal(CliExitCodes.Success, exit);
            using (var json = JsonDocument.Parse(output.ToString()))
            {
                Assert.Equal(2, json.RootElement.GetProperty("pcns").GetProperty("created").GetInt32());
                Assert.Equal(2, json.RootElement.GetProperty("memberships").GetProperty("current").GetInt32());
                Assert.Equal(1, json.RootElement.GetProperty("warnings").GetProperty(RegistrationRuleCodes.NoMembers).GetInt32());
                Assert.Equal(0, json.RootElement.GetProperty("errors").GetArrayLength());
            }

            output = new StringWriter();
            exit = await CliRunner.RunAsync(factory.Services, ["import-epcn", bad, "--json"], output, new StringWriter());
            Assert.Equal(CliExitCodes.Rejected, exit);
            using (var json = JsonDocument.Parse(output.ToString()))
            {
                Assert.Contains("not an Excel workbook", json.RootElement.GetProperty("errors")[0].GetString(), StringComparison.Ordinal);
            }

            Assert.Equal(CliExitCodes.Usage, await CliRunner.RunAsync(factory.Services, ["import-epcn", "--json"], new StringWriter(), new StringWriter()));
        }
        finally
        {
            File.Delete(path);
            File.Delete(bad);
        }
    }

    [Fact]
    public async Task Cli_ImportListSizes_Json()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sizes-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "practice_code,as_at,registered,weighted\nQ12345,2030-01-01,100,101\n");
        try
        {
            var output = new StringWriter();
            var exit = await CliRunner.RunAsync(factory.Services, ["import-list-sizes", path, "--json"], output, new StringWriter());

            Assert.Equal(CliExitCodes.Success, exit);
            using var json = JsonDocument.Parse(output.ToString());
            Assert.Equal(1, json.RootElement.GetProperty("practices").GetProperty("unknown").GetInt32());
        }
        finally
        {
            File.Delete(path);
        }
    }
}

/// <summary>
/// Whole national files in a database of their own (their codes would collide with other tests'). Correctness only:
/// the timings printed here are informal; the measured figures come from scripts/perf/imports.sh (docs/performance.md).
/// </summary>
public sealed class NationalImportTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task NationalFiles_Import_AndSecondRunChangesNothing()
    {
        var options = new NationalFileOptions();
        var epcn = EpcnWorkbookParser.Parse(new MemoryStream(NationalFileGenerator.CreateEpcnWorkbook(options)));
        var sizes = ListSizeCsvParser.Parse(NationalFileGenerator.CreateListSizeCsv(options));

        async Task<(T Result, TimeSpan Took)> Timed<T>(Func<IServiceProvider, Task<T>> work)
        {
            using var scope = factory.Services.CreateScope();
            var watch = Stopwatch.StartNew();
            var result = await work(scope.ServiceProvider);
            return (result, watch.Elapsed);
        }

        var (first, firstTook) = await Timed(s => s.GetRequiredService<EpcnImporter>().ImportAsync(epcn));
        var (listSizes, sizesTook) = await Timed(s => s.GetRequiredService<ListSizeImporter>().ImportAsync(sizes));
        var (second, secondTook) = await Timed(s => s.GetRequiredService<EpcnImporter>().ImportAsync(epcn));
        var (sizesAgain, sizesAgainTook) = await Timed(s => s.GetRequiredService<ListSizeImporter>().ImportAsync(sizes));
        output.WriteLine($"ePCN first {firstTook.TotalSeconds:0.0}s, second {secondTook.TotalSeconds:0.0}s; list sizes first {sizesTook.TotalSeconds:0.0}s, second {sizesAgainTook.TotalSeconds:0.0}s");

        Assert.Empty(first.Errors);
        Assert.Equal(1_300, first.Pcns.Created);
        Assert.Equal(6_700, first.Practices);
        Assert.Equal(epcn.Memberships.Count, first.Memberships.Created);
        Assert.Equal(6_700, listSizes.Practices.Updated);
        Assert.Equal(0, listSizes.Practices.Unknown);
        Assert.Equal(0, second.Pcns.Created + second.Pcns.Updated + second.Memberships.Created + second.Memberships.Updated);
        Assert.Equal(0, sizesAgain.Practices.Updated);
    }
}

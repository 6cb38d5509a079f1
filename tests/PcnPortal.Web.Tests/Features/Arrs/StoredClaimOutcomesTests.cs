using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Arrs.Claims;
using PcnPortal.Domain.Arrs.Engine;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Features.Arrs;
using PcnPortal.Web.Infrastructure.Auditing;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Arrs;

/// <summary>
/// Claim lines store their rule outcomes compactly and the explanations are written again on read
/// (docs/decisions/0014-compact-claim-outcomes.md): what a user reads must be exactly what the engine gave.
/// </summary>
public sealed class StoredClaimOutcomesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly string[] Roles = ["CLINICAL_PHARMACIST", "SPLW", "FCP_PHYSIO", "PHYSICIAN_ASSOCIATE"];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task GeneratedYear_OutcomesReadBackAreTheEnginesForEveryLine(int seed)
    {
        // Three PCNs, one small enough for its ARR Sum to run out; people shared between PCNs (WTE over 1 across
        // PCNs), repeated lines, part months; submitted in two files so the second re-assesses lines already stored.
        var random = new Random(seed);
        var pcns = new[]
        {
            await factory.Data.CreatePcnAsync(practiceListSizes: [30_000, 20_000]),
            await factory.Data.CreatePcnAsync(practiceListSizes: [12_000]),
            await factory.Data.CreatePcnAsync(practiceListSizes: [600]),
        };
        var first = new List<string>();
        var second = new List<string>();
        foreach (var pcn in pcns)
        {
            for (var s = 0; s < 6; s++)
            {
                var staffRef = s == 0 ? $"SHARED-{seed}-{pcns[0].Code}" : $"S{s}-{pcn.Code}";
                var role = s == 0 ? "CLINICAL_PHARMACIST" : Roles[random.Next(Roles.Length)];
                var start = new DateOnly(2020, 4 + random.Next(6), 1 + random.Next(28));
                var wte = s == 0 ? "0.6" : new[] { "0.4", "0.5", "0.8", "1" }[random.Next(4)];
                for (var month = new DateOnly(start.Year, start.Month, 1); month <= new DateOnly(2021, 3, 1); month = month.AddMonths(1))
                {
                    if (random.Next(5) == 0)
                    {
                        continue;
                    }

                    var row = TestData.ClaimRow(
                        pcn.Code, staffRef, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), role, wte, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        salary: (2_000 + random.Next(400_000) / 100m).ToString("0.00", CultureInfo.InvariantCulture), name: "Person " + s);
                    (month < new DateOnly(2020, 10, 1) ? first : second).Add(row);
                    if (random.Next(15) == 0)
                    {
                        second.Add(row); // a repeated line
                    }
                }
            }
        }

        foreach (var file in new[] { first, second })
        {
            var submitted = await factory.Data.WithServiceAsync<ArrsClaimSubmissionService, ArrsSubmissionResult>(s => s.SubmitCsvAsync(TestData.ClaimCsv([.. file]), null, "cli"));
            Assert.True(submitted.Succeeded, string.Join("; ", submitted.Problems));
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var assessor = scope.ServiceProvider.GetRequiredService<ArrsAssessmentService>();
        var query = scope.ServiceProvider.GetRequiredService<ArrsLineOutcomesQuery>();
        var year = new FinancialYear(2020);

        // The engine run afresh over the year as stored (every PCN's lines: the WTE rule looks across PCNs).
        var lines = await db.ArrsClaimLines.AsNoTracking().Include(l => l.Pcn)
            .Where(l => l.FinancialYearStart == 2020 && l.Status != ArrsClaimStatus.Rejected)
            .OrderBy(l => l.Sequence).ThenBy(l => l.Id).ToListAsync();
        var contexts = await assessor.ContextsAsync(lines.Select(l => l.PcnId).Distinct().ToList(), year, CancellationToken.None);
        var expected = ArrsAssessor.Assess(lines.Select(l => l.ToInput()).ToList(), await scope.ServiceProvider.GetRequiredService<ArrsReferenceService>().LoadAsync(), contexts, year);

        var ours = pcns.Select(p => p.Code).ToHashSet();
        var compared = 0;
        var seen = new HashSet<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            Assert.NotNull(line.RuleChecks);
            Assert.Equal(expected[i].Reimbursable, line.Reimbursable);
            if (!ours.Contains(line.Pcn!.Code))
            {
                continue;
            }

            var read = await query.ForLineAsync(line, line.Pcn.Code);

            Assert.Equal(Text(expected.Outcomes(i)), Text(read));
            compared++;
            foreach (var o in read)
            {
                seen.Add($"{o.Code} {o.Severity}");
            }
        }

        Assert.True(compared > 100, $"only {compared} lines compared");
        Assert.Contains("ARRS-WTE Warn", seen); // the shared person, over 1.0 WTE across PCNs, is referred (ADR 0012)
        Assert.Contains("ARRS-DUPLICATE Fail", seen);
        Assert.Contains("ARRS-ENTITLEMENT Warn", seen);
        Assert.Contains("ARRS-CAP Warn", seen);
    }

    [Fact]
    public async Task Submission_WritesEachLineOnceWithOneAuditRowHoldingItsFiguresAndChecks()
    {
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);

        var ids = await factory.Data.CreateClaimLinesAsync(pcn.Code, TestData.ClaimRow(pcn.Code), TestData.ClaimRow(pcn.Code, month: "2020-06"));

        var id = ids[$"2020-05/CP-{pcn.Code}"];
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == nameof(ArrsClaimLine) && a.EntityKey == id.ToString(CultureInfo.InvariantCulture)).ToListAsync());
        var row = Assert.Single(audit);
        Assert.Equal("Added", row.Action);
        Assert.Equal("system", row.Actor); // as SaveChanges writes for a submission with no signed-in user
        Assert.Contains("\"Reimbursable\":4639.17", row.After, StringComparison.Ordinal);
        Assert.Contains("\"RuleChecks\":\"P", row.After, StringComparison.Ordinal);
        Assert.Contains($"\"Id\":{id}", row.After, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsClaimOutcomes.CountAsync(o => ids.Values.Contains(o.ClaimLineId))));
    }

    [Fact]
    public async Task LinePage_SameNumberOfSqlCommandsWhateverTheYearHolds()
    {
        var counter = new SqlCommandCounter();
        using var counted = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.ConfigureDbContext<SqlitePortalDbContext>(o => o.AddInterceptors(counter))));
        var client = counted.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        client.DefaultRequestHeaders.Add(TestSignInHandler.Header, (await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts)).Id);
        var pcn = await factory.Data.CreatePcnAsync(practiceListSizes: [20_000]);
        var id = await factory.Data.CreateClaimLineAsync(pcn.Code, "ONE-" + pcn.Code);
        await client.GetDocumentAsync($"/claims/lines/{id}"); // warm-up

        counter.Reset();
        var page = await client.GetDocumentAsync($"/claims/lines/{id}");
        var withOne = counter.Count;
        var rows = Enumerable.Range(0, 40).Select(i => TestData.ClaimRow(pcn.Code, $"MORE-{i}-{pcn.Code}", month: "2020-05", role: "SPLW", salary: "2000.00")).ToArray();
        await factory.Data.CreateClaimLinesAsync(pcn.Code, rows);
        counter.Reset();
        var again = await client.GetDocumentAsync($"/claims/lines/{id}");
        var withMore = counter.Count;

        Assert.Contains("ARRS-ROLE-ELIGIBLE", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(withOne, withMore);
        Assert.True(withOne <= 13, $"{withOne} SQL commands"); // sign-in and layout, the line, its role's name, other PCNs' lines for the person, the outcomes
        Assert.Contains("ARRS-ENTITLEMENT", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NewLineInserts_AreBatchedForEachProvider()
    {
        using var sqlite = new SqlitePortalDbContext(new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var sqlServer = new SqlServerPortalDbContext(new DbContextOptionsBuilder<SqlServerPortalDbContext>().UseSqlServer("Server=127.0.0.1,1;Database=shape-only").Options);

        var sqliteRows = ArrsAssessmentService.ClaimLineRowsPerCommand(sqlite);
        var sqliteText = ModelRowWriter.CommandText(sqlite, typeof(ArrsClaimLine), sqliteRows, withKeys: true);
        var serverRows = ArrsAssessmentService.ClaimLineRowsPerCommand(sqlServer);
        var serverText = ModelRowWriter.CommandText(sqlServer, typeof(ArrsClaimLine), serverRows, withKeys: true);
        var auditText = ModelRowWriter.CommandText(sqlServer, typeof(AuditEntry), 100);

        // SQLite: one row a prepared statement, the key and the stored checks included.
        Assert.Equal(1, sqliteRows);
        Assert.StartsWith("INSERT INTO \"ArrsClaimLines\" (\"Id\", ", sqliteText, StringComparison.Ordinal);
        Assert.Contains("\"RuleChecks\"", sqliteText, StringComparison.Ordinal);
        Assert.DoesNotContain("), (", sqliteText, StringComparison.Ordinal);

        // SQL Server: many rows a statement, under its 2,100 parameters.
        Assert.True(serverRows >= 40, $"{serverRows} rows a statement");
        Assert.StartsWith("INSERT INTO [ArrsClaimLines] ([Id], ", serverText, StringComparison.Ordinal);
        Assert.Equal(serverRows, serverText.Split("), (").Length);
        var parameters = serverText.Count(c => c == '@');
        Assert.InRange(parameters, serverRows * 30, 2_100);
        Assert.DoesNotContain("[Id]", auditText, StringComparison.Ordinal); // audit keys are generated by the database
        Assert.Equal(100, auditText.Split("), (").Length);
    }

    private static string Text(IReadOnlyList<RuleOutcome> outcomes) => string.Join(
        "\n",
        outcomes.Select(o => $"{o.Code} {o.Severity} {o.Explanation} [{string.Join(", ", o.Figures.Select(f => $"{f.Key}={f.Value}"))}]"));
}

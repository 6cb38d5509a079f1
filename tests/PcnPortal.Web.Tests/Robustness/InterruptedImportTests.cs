using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PcnPortal.TestSupport.Generation;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// An import killed part-way (the process ends with SIGKILL while it is writing) leaves the database exactly as it
/// was: every table has the same rows, and the same import run again afterwards completes. Each test runs the real
/// command line (<c>dotnet PcnPortal.Web.dll import-…</c>) on a national-size file against its own SQLite file, and
/// kills the process in the middle of its inserts (counted from EF Core's command log).
/// </summary>
[Trait("Category", "Slow")]
public sealed class InterruptedImportTests : IDisposable
{
    private static readonly NationalFileOptions National = new() { ExtractDate = new DateOnly(2024, 1, 1), PcnCount = 1_300 };

    private readonly string _folder = Directory.CreateTempSubdirectory("pcnportal-kill-").FullName;

    private string Database => Path.Combine(_folder, "portal.db");

    [Fact]
    public async Task EpcnImport_KilledWhileWriting_LeavesDatabaseAsBefore_AndRunsAgain()
    {
        var workbook = WriteFile("ePCN.xlsx", NationalFileGenerator.CreateEpcnWorkbook(National));
        await RunToEndAsync("migrate");
        var before = RowCounts();

        await KillWhileWritingAsync(2_000, "import-epcn", workbook);

        Assert.Equal(before, RowCounts());
        Assert.Equal("ok", IntegrityCheck());
        await RunToEndAsync("import-epcn", workbook);
        var after = RowCounts();
        Assert.Equal(1_300, after["Pcns"]);
        Assert.True(after["AuditEntries"] > before["AuditEntries"]);
    }

    [Fact]
    public async Task ListSizeImport_KilledWhileWriting_LeavesDatabaseAsBefore_AndRunsAgain()
    {
        var workbook = WriteFile("ePCN.xlsx", NationalFileGenerator.CreateEpcnWorkbook(National));
        var listSizes = WriteFile("gp-reg-pat-prac-all.csv", NationalFileGenerator.CreateListSizeCsv(National));
        await RunToEndAsync("migrate");
        await RunToEndAsync("import-epcn", workbook);
        var before = RowCounts();

        await KillWhileWritingAsync(1_000, "import-list-sizes", listSizes);

        Assert.Equal(before, RowCounts());
        Assert.Equal("ok", IntegrityCheck());
        await RunToEndAsync("import-list-sizes", listSizes);
        Assert.True(RowCounts()["PracticeListSizes"] > before["PracticeListSizes"]);
    }

    [Fact]
    public async Task ClaimsImport_KilledWhileWriting_LeavesDatabaseAsBefore_AndRunsAgain()
    {
        var workbook = WriteFile("ePCN.xlsx", NationalFileGenerator.CreateEpcnWorkbook(National));
        var listSizes = WriteFile("gp-reg-pat-prac-all.csv", NationalFileGenerator.CreateListSizeCsv(National));
        await RunToEndAsync("migrate");
        await RunToEndAsync("import-epcn", workbook);
        await RunToEndAsync("import-list-sizes", listSizes);
        var claims = WriteFile("claims.csv", System.Text.Encoding.UTF8.GetBytes(ClaimLines(OpenPcnCodes().Take(300).ToList(), staffPerPcn: 10, months: 3)));
        // The ARRS reference data (published figures) is seeded the first time it is read, in its own save: read it first.
        await RunToEndAsync("export-entitlements", "--year", "2024/25", Path.Combine(_folder, "entitlements.csv"));
        var before = RowCounts();

        // All in one transaction: 3,000 new staff (EF saves, logged), the 300 PCNs' assessed contexts (logged), then the
        // lines with their audit rows (prepared commands EF does not log). Kill it while the contexts are being written.
        await KillWhileWritingAsync(3_200, "import-claims", claims);

        Assert.Equal(before, RowCounts());
        Assert.Equal("ok", IntegrityCheck());
        await RunToEndAsync("import-claims", claims);
        Assert.Equal(before["ArrsClaimLines"] + 9_000, RowCounts()["ArrsClaimLines"]);
    }

    /// <summary>A claim-lines CSV (the contract's columns): each PCN's staff, one line a month from April 2024.</summary>
    private static string ClaimLines(IReadOnlyList<string> pcnCodes, int staffPerPcn, int months)
    {
        var csv = new System.Text.StringBuilder(TestData.ClaimHeader + "\n");
        foreach (var pcn in pcnCodes)
        {
            for (var staff = 1; staff <= staffPerPcn; staff++)
            {
                var role = staff % 2 == 0 ? "CARE_COORDINATOR" : "CLINICAL_PHARMACIST";
                for (var month = 0; month < months; month++)
                {
                    var claimed = new DateOnly(2024, 4, 1).AddMonths(month).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                    csv.Append(TestData.ClaimRow(pcn, $"{pcn}-S{staff:00}", claimed, role, wte: "0.8", start: "2023-01-01", salary: "2500.00", employerNi: "250.00", employerPension: "350.00", name: $"Staff {staff} of {pcn}")).Append('\n');
                }
            }
        }

        return csv.ToString();
    }

    private List<string> OpenPcnCodes()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Code FROM Pcns WHERE CloseDate IS NULL ORDER BY Code";
        using var reader = command.ExecuteReader();
        var codes = new List<string>();
        while (reader.Read())
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private async Task RunToEndAsync(params string[] args)
    {
        using var process = StartPortalCli(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            Assert.Fail($"{string.Join(' ', args)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    /// <summary>
    /// Starts the import with EF Core's command log on, waits until it has executed <paramref name="inserts"/> INSERT
    /// commands (its one transaction is then open and far from committed) and kills the process.
    /// </summary>
    private async Task KillWhileWritingAsync(int inserts, params string[] args)
    {
        using var process = StartPortalCli(args, logCommands: true);
        var output = process.StandardOutput.ReadToEndAsync();
        var seen = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.TrimStart().StartsWith("INSERT INTO", StringComparison.Ordinal) && ++seen == inserts)
            {
                break;
            }
        }

        if (seen < inserts)
        {
            Assert.Fail($"{args[0]} ended after {seen} INSERT commands, before it could be interrupted: {await output}");
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, process.ExitCode);
        Assert.DoesNotContain("Imported", await output, StringComparison.Ordinal);
    }

    private Process StartPortalCli(string[] args, bool logCommands = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PcnPortal.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Portal"] = $"Data Source={Database}";
        start.Environment["DemoData__Enabled"] = "false";
        if (logCommands)
        {
            start.Environment["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet PcnPortal.Web.dll.");
    }

    /// <summary>Rows in every table, read on a fresh connection (which recovers the database as SQLite does after a crash).</summary>
    private SortedDictionary<string, long> RowCounts()
    {
        using var connection = Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)count.ExecuteScalar()!;
        }

        return counts;
    }

    private string IntegrityCheck()
    {
        using var connection = Open();
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string)check.ExecuteScalar()!;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
        connection.Open();
        return connection;
    }
}

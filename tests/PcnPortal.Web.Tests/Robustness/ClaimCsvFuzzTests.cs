using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Property-style test: hundreds of claim-line files made by mutating a valid one from a seeded Random, fed to the
/// browser upload and to the import-claims verb. Properties: never a 500 or an unhandled exception; a refused file
/// saves nothing; an accepted file adds at most as many lines as it has rows.
/// </summary>
public sealed class ClaimCsvFuzzTests(PortalFactory factory, ITestOutputHelper output) : IClassFixture<PortalFactory>
{
    private const int Seed = 20261123;
    private const int FilesPerTarget = 150;

    private static readonly string[] Header = TestData.ClaimHeader.Split(',');

    private static readonly string[] Nasty =
    [
        "", " ", "\"", "\"\"", "'", ",", ";", "\t", "\r", "\n", "\0", "\u001b[31m", "\uFEFF", "\uFFFD", "NaN", "Infinity", "-1", "-0.01",
        "0", "1e3", "1,000.00", "£4,000", "79228162514264337593543950335", "9999999999999999999999999999999999999999",
        "999999999999.99", "0.0000001", "2019-02-30", "2019-13", "0001-01", "9999-12", "9999-12-31", "1900-01-01", "null",
        "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "<script>alert(1)</script>", "Robert'); DROP TABLE ArrsClaimLines;--",
        new string('x', 5_000), new string('9', 300), "\u202Eevil", "日本語", "😀", "U90001", "CLINICAL_PHARMACIST", "clinical_pharmacist",
    ];

    /// <summary>A valid file: three lines for the given PCN.</summary>
    private static List<List<string>> ValidRows(string pcn, Random random)
    {
        var rows = new List<List<string>> { Header.ToList() };
        for (var i = 0; i < 3; i++)
        {
            rows.Add(TestData.ClaimRow(pcn, $"FZ-{random.Next(1_000_000)}", month: $"2020-{5 + i:00}").Split(',').ToList());
        }

        return rows;
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    /// <summary>One malformed (or occasionally still valid) file, as bytes, and a short description of what was done to it.</summary>
    public static (byte[] Bytes, string Description) Mutate(string pcn, Random random)
    {
        var rows = ValidRows(pcn, random);
        var done = new List<string>();
        var rawText = false;
        var delimiter = ",";
        var newline = "\n";
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations && rows.Count >= 2; m++)
        {
            var column = random.Next(Header.Length);
            var row = 1 + random.Next(rows.Count - 1);
            if (rows[row].Count == 0)
            {
                continue;
            }

            switch (random.Next(16))
            {
                case 0:
                    rows.ForEach(r => { if (column < r.Count) { r.RemoveAt(column); } });
                    done.Add($"drop column {Header[column]}");
                    break;
                case 1:
                    rows.ForEach(r => { if (column < r.Count) { r.Add(r[column]); } });
                    done.Add($"duplicate column {Header[column]}");
                    break;
                case 2:
                    var order = Enumerable.Range(0, rows[0].Count).OrderBy(_ => random.Next()).ToList();
                    for (var r = 0; r < rows.Count; r++)
                    {
                        var old = rows[r];
                        rows[r] = order.Select(i => i < old.Count ? old[i] : string.Empty).ToList();
                    }

                    done.Add("shuffle columns");
                    break;
                case 3 or 4 or 5:
                    if (column < rows[row].Count)
                    {
                        var value = Nasty[random.Next(Nasty.Length)];
                        rows[row][column] = value;
                        done.Add($"row {row} {Header[Math.Min(column, Header.Length - 1)]} = {(value.Length > 20 ? value[..20] + "…" : value)}");
                    }

                    break;
                case 6:
                    rows.Insert(1 + random.Next(rows.Count - 1), random.Next(2) == 0 ? [] : Enumerable.Repeat(string.Empty, rows[0].Count).ToList());
                    done.Add("empty line");
                    break;
                case 7:
                    rows[row].RemoveRange(rows[row].Count / 2, rows[row].Count - (rows[row].Count / 2));
                    done.Add($"row {row} cut short");
                    break;
                case 8:
                    rows[row].AddRange(["extra", "cells"]);
                    done.Add($"row {row} too long");
                    break;
                case 9:
                    rows.RemoveAt(0);
                    done.Add("no header");
                    break;
                case 10:
                    rows.RemoveRange(1, rows.Count - 1);
                    done.Add("header only");
                    break;
                case 11:
                    delimiter = random.Next(2) == 0 ? ";" : "\t";
                    done.Add("other delimiter");
                    break;
                case 12:
                    newline = random.Next(2) == 0 ? "\r\n" : "\r";
                    done.Add("other newline");
                    break;
                case 13:
                    rawText = true; // unbalanced quote: cells written unquoted
                    rows[row][Math.Min(column, rows[row].Count - 1)] = "\"unterminated";
                    done.Add($"row {row} unbalanced quote");
                    break;
                case 14:
                    rows[row][Math.Min(column, rows[row].Count - 1)] = new string('A', 70_000 + random.Next(10_000));
                    done.Add($"row {row} very long cell");
                    break;
                default:
                    var big = random.Next(3) switch { 0 => "-4000.00", 1 => "99999999999999999999999.99", _ => "7922816251426433759354395033.5" };
                    var money = new[] { "salary", "employer_ni", "employer_pension", "other_on_costs", "third_party_fee", "wte" }[random.Next(6)];
                    var at = Array.IndexOf(Header, money);
                    if (at >= 0 && at < rows[row].Count)
                    {
                        rows[row][at] = big;
                        done.Add($"row {row} {money} = {big}");
                    }

                    break;
            }
        }

        var text = string.Join(newline, rows.Select(r => string.Join(delimiter, r.Select(c => rawText ? c : Quote(c))))) + newline;
        var bytes = Encoding.UTF8.GetBytes(text);
        switch (random.Next(8))
        {
            case 0:
                bytes = [.. Encoding.UTF8.GetPreamble(), .. bytes];
                done.Add("UTF-8 BOM");
                break;
            case 1:
                bytes = bytes[..random.Next(Math.Max(1, bytes.Length))];
                done.Add("truncated");
                break;
            case 2:
                var at = random.Next(bytes.Length);
                bytes = [.. bytes[..at], 0xC3, 0x28, 0xFF, .. bytes[at..]];
                done.Add("invalid UTF-8 bytes");
                break;
            case 3:
                bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];
                done.Add("UTF-16");
                break;
        }

        return (bytes, string.Join("; ", done));
    }

    private static int DataRowsIn(byte[] bytes) => Encoding.UTF8.GetString(bytes).Split('\n', '\r').Count(l => l.Trim().Length > 0);

    private Task<int> LineCountAsync() => factory.WithDbAsync(db => db.ArrsClaimLines.CountAsync());

    [Fact]
    public void Mutations_AreDeterministicAndVaried()
    {
        var first = Enumerable.Range(0, 50).Select(_ => Mutate("U12345", new Random(Seed)).Description).Distinct().Count();
        var random = new Random(Seed);
        var varied = Enumerable.Range(0, 200).Select(_ => Mutate("U12345", random).Description).Distinct().Count();

        Assert.Equal(1, first);
        Assert.True(varied > 150, $"Only {varied} distinct mutations in 200.");
    }

    [Fact]
    public async Task Upload_MalformedFiles_NeverFailAndNeverSavePartly()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var token = (await client.GetDocumentAsync("/claims/upload")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var random = new Random(Seed);
        var failures = new List<string>();
        var (accepted, refused) = (0, 0);

        for (var i = 0; i < FilesPerTarget; i++)
        {
            var (bytes, description) = Mutate(pcn.Code, random);
            var before = await LineCountAsync();
            using var content = new MultipartFormDataContent();
            content.Add(new StringContent(token), "__RequestVerificationToken");
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            content.Add(file, "Upload", "claims.csv");
            var response = await client.PostAsync("/claims/upload", content);
            var added = await LineCountAsync() - before;

            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                accepted++;
                if (added <= 0 || added > DataRowsIn(bytes))
                {
                    failures.Add($"#{i} ({description}): accepted but {added} lines were added");
                }
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                refused++;
                var page = await response.ReadDocumentAsync();
                if (added != 0)
                {
                    failures.Add($"#{i} ({description}): refused but {added} lines were saved");
                }

                if (page.ErrorSummary().Count == 0)
                {
                    failures.Add($"#{i} ({description}): refused without an error summary");
                }
            }
            else
            {
                failures.Add($"#{i} ({description}): {(int)response.StatusCode}");
            }
        }

        output.WriteLine($"Upload: {accepted} accepted, {refused} refused of {FilesPerTarget}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refused > FilesPerTarget / 2, $"Only {refused} of {FilesPerTarget} malformed files were refused.");
    }

    [Fact]
    public async Task ImportClaimsVerb_MalformedFiles_ExitCleanlyAndNeverSavePartly()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var random = new Random(Seed + 1);
        var path = Path.Combine(Path.GetTempPath(), $"fuzz-claims-{Guid.NewGuid():N}.csv");
        var failures = new List<string>();
        var (accepted, refused) = (0, 0);
        try
        {
            for (var i = 0; i < FilesPerTarget; i++)
            {
                var (bytes, description) = Mutate(pcn.Code, random);
                await File.WriteAllBytesAsync(path, bytes);
                var before = await LineCountAsync();
                var stdout = new StringWriter();
                int exit;
                try
                {
                    exit = await CliRunner.RunAsync(factory.Services, ["import-claims", path, "--json"], stdout, new StringWriter());
                }
                catch (Exception ex)
                {
                    failures.Add($"#{i} ({description}): {ex.GetType().Name}: {ex.Message}");
                    continue;
                }

                var added = await LineCountAsync() - before;
                if (exit == CliExitCodes.Success)
                {
                    accepted++;
                    if (added <= 0 || added > DataRowsIn(bytes))
                    {
                        failures.Add($"#{i} ({description}): exit 0 but {added} lines were added");
                    }
                }
                else if (exit == CliExitCodes.Rejected)
                {
                    refused++;
                    if (added != 0)
                    {
                        failures.Add($"#{i} ({description}): refused but {added} lines were saved");
                    }

                    using var json = System.Text.Json.JsonDocument.Parse(stdout.ToString());
                    if (json.RootElement.GetProperty("errors").GetArrayLength() == 0)
                    {
                        failures.Add($"#{i} ({description}): exit 1 without errors in the JSON");
                    }
                }
                else
                {
                    failures.Add($"#{i} ({description}): exit {exit}");
                }
            }
        }
        finally
        {
            File.Delete(path);
        }

        output.WriteLine($"import-claims: {accepted} accepted, {refused} refused of {FilesPerTarget}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refused > FilesPerTarget / 2, $"Only {refused} of {FilesPerTarget} malformed files were refused.");
    }
}

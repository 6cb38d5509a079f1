using System.Text;
using System.Text.Json;
using PcnPortal.Domain.Common;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Arrs;

/// <summary>`import-claims &lt;csv&gt;`: store claim lines as Submitted, run the rules engine, print outcome counts.</summary>
[CliVerb("import-claims", "<claim-lines.csv> [--json]")]
internal sealed class ImportClaimsVerb(ArrsClaimSubmissionService submissions) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Arguments.Count != 1)
        {
            throw new CliUsageException("import-claims takes one argument: the CSV file.");
        }

        var path = invocation.Arguments[0];
        if (!File.Exists(path))
        {
            throw new CliUsageException($"File not found: {path}");
        }

        // The file is checked and parsed a buffer at a time, never held whole (a national file is about 140 MB of
        // UTF-8, twice that as text); the parsed rows are released by the submission once its lines are built.
        var parsed = await ParseAsync(path, cancellationToken);
        if (parsed.EncodingProblem is { } encodingProblem)
        {
            var problem = $"{Path.GetFileName(path)}: {encodingProblem}";
            if (invocation.Json)
            {
                await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new { lines = 0, outcomes = new { }, errors = new[] { problem } }));
            }
            else
            {
                await invocation.Error.WriteLineAsync($"{path} was refused; nothing was saved. {problem}");
            }

            return CliExitCodes.Rejected;
        }

        var result = await submissions.SubmitAsync(parsed.Rows, parsed.Problems, null, "cli", cancellationToken);
        var errors = result.Problems.Select(p => $"{Path.GetFileName(path)}: {p}").ToList();
        if (invocation.Json)
        {
            var outcomes = result.Outcomes.ToDictionary(o => o.Key, o => new { pass = o.Value.Pass, warn = o.Value.Warn, fail = o.Value.Fail });
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new { lines = result.Lines, outcomes, errors }));
        }
        else if (result.Succeeded)
        {
            await invocation.Out.WriteLineAsync($"Imported {result.Lines} claim lines from {path}; each is Submitted for review.");
            foreach (var (code, (pass, warn, fail)) in result.Outcomes)
            {
                await invocation.Out.WriteLineAsync($"  {code}: {pass} pass, {warn} warn, {fail} fail");
            }
        }
        else
        {
            await invocation.Error.WriteLineAsync($"{path} was refused; nothing was saved. {errors.Count} problems:");
            foreach (var error in errors)
            {
                await invocation.Error.WriteLineAsync("  " + error);
            }
        }

        return result.Succeeded ? CliExitCodes.Success : CliExitCodes.Rejected;
    }

    private static async Task<(List<ArrsClaimRow> Rows, List<ImportProblem> Problems, string? EncodingProblem)> ParseAsync(string path, CancellationToken cancellationToken)
    {
        await using (var check = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan))
        {
            if (!ArrsClaimCsv.TryCheckEncoding(check, out var encodingProblem))
            {
                return ([], [], encodingProblem);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var text = new StreamReader(path, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: false, new FileStreamOptions { Options = FileOptions.SequentialScan, BufferSize = 1 });
        var (rows, problems) = ArrsClaimCsv.Parse(text);
        return (rows, problems, null);
    }
}

/// <summary>`export-claims --year 2019/20 [--pcn U12345] &lt;out.csv&gt;`.</summary>
[CliVerb("export-claims", "--year 2019/20 [--pcn U12345] <out.csv> [--json]")]
internal sealed class ExportClaimsVerb(ArrsClaimExporter exporter) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var yearText = invocation.Option("--year") ?? throw new CliUsageException("Give the financial year with --year, for example --year 2019/20.");
        if (!FinancialYear.TryParse(yearText, out var year))
        {
            throw new CliUsageException($"'{yearText}' is not a financial year; write it as 2019/20.");
        }

        var pcn = invocation.Option("--pcn")?.ToUpperInvariant();
        var positional = invocation.Positional("--year", "--pcn");
        if (positional.Count != 1)
        {
            throw new CliUsageException("Give one output file.");
        }

        var (csv, lines) = await exporter.ExportAsync(year, pcn, cancellationToken);
        await File.WriteAllTextAsync(positional[0], csv, new UTF8Encoding(false), cancellationToken);
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new { year = year.ToString(), pcn, lines, file = positional[0], errors = Array.Empty<string>() }));
        }
        else
        {
            await invocation.Out.WriteLineAsync($"Wrote {lines} claim lines for {year}{(pcn is null ? "" : " " + pcn)} to {positional[0]}.");
        }

        return CliExitCodes.Success;
    }
}

/// <summary>`export-entitlements --year 2019/20 &lt;out.csv&gt;`: one row per PCN, the same figures as the finance page.</summary>
[CliVerb("export-entitlements", "--year 2019/20 <out.csv> [--json]")]
internal sealed class ExportEntitlementsVerb(ArrsEntitlementQuery query) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var yearText = invocation.Option("--year") ?? throw new CliUsageException("Give the financial year with --year, for example --year 2019/20.");
        if (!FinancialYear.TryParse(yearText, out var year))
        {
            throw new CliUsageException($"'{yearText}' is not a financial year; write it as 2019/20.");
        }

        var positional = invocation.Positional("--year");
        if (positional.Count != 1)
        {
            throw new CliUsageException("Give one output file.");
        }

        var report = await query.GetAsync(year, cancellationToken: cancellationToken);
        await File.WriteAllTextAsync(positional[0], ArrsEntitlementCsv.Write(report), new UTF8Encoding(false), cancellationToken);
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                year = year.ToString(),
                pcns = report.Pcns.Count,
                arrSum = report.ArrSum,
                approved = report.Approved,
                paid = report.Paid,
                remaining = report.Remaining,
                file = positional[0],
                errors = Array.Empty<string>(),
            }));
        }
        else
        {
            await invocation.Out.WriteLineAsync($"Wrote {report.Pcns.Count} PCNs' entitlements for {year} to {positional[0]}: ARR Sum {Money.Format(report.ArrSum)}, approved {Money.Format(report.Approved)}, remaining {Money.Format(report.Remaining)}.");
        }

        return CliExitCodes.Success;
    }
}

/// <summary>`import-baseline &lt;csv&gt;`: each listed PCN's ARRS baseline as at 31 March 2019; all or nothing; then re-assess.</summary>
[CliVerb("import-baseline", "<baseline.csv> [--json]")]
internal sealed class ImportBaselineVerb(ArrsBaselineImporter importer) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Arguments.Count != 1)
        {
            throw new CliUsageException("import-baseline takes one argument: the CSV file.");
        }

        var path = invocation.Arguments[0];
        if (!File.Exists(path))
        {
            throw new CliUsageException($"File not found: {path}");
        }

        var result = await importer.ImportAsync(await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken), cancellationToken);
        var errors = result.Problems.Select(p => $"{Path.GetFileName(path)}: {p}").ToList();
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                pcns = result.Pcns,
                posts = result.Posts,
                added = result.Added,
                updated = result.Updated,
                removed = result.Removed,
                yearsAssessed = result.YearsAssessed,
                errors,
            }));
        }
        else if (result.Succeeded)
        {
            await invocation.Out.WriteLineAsync($"Baselines of {result.Pcns} PCNs set from {path}: {result.Posts} posts ({result.Added} added, {result.Updated} updated, {result.Removed} removed); claims in {result.YearsAssessed} years assessed again.");
        }
        else
        {
            await invocation.Error.WriteLineAsync($"{path} was refused; nothing was saved. {errors.Count} problems:");
            foreach (var error in errors)
            {
                await invocation.Error.WriteLineAsync("  " + error);
            }
        }

        return result.Succeeded ? CliExitCodes.Success : CliExitCodes.Rejected;
    }
}

using System.Diagnostics;
using System.Text.Json;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Files;

namespace PcnPortal.Web.Features.Registration;

/// <summary>`import-epcn &lt;ePCN.xlsx&gt;`: loads the NHS Digital ePCN workbook (exit 1 and nothing saved when it is rejected).</summary>
[CliVerb("import-epcn", "<ePCN.xlsx> [--json]")]
internal sealed class ImportEpcnVerb(EpcnImporter importer, ILogger<ImportEpcnVerb> logger) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var path = ImportVerbFile.Single(invocation, "import-epcn");
        var watch = Stopwatch.StartNew();
        var parsed = EpcnWorkbookParser.ParseFile(path);
        var parsedIn = watch.ElapsedMilliseconds;
        var summary = await importer.ImportAsync(parsed, cancellationToken);
        logger.LogInformation("ePCN workbook {File}: parsed in {ParseMs} ms, imported in {ImportMs} ms", path, parsedIn, watch.ElapsedMilliseconds - parsedIn);
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(summary));
        }
        else if (summary.IsRejected)
        {
            await invocation.Error.WriteLineAsync($"{path} was rejected; nothing was saved. {summary.Errors.Count} problem(s):");
            foreach (var error in summary.Errors)
            {
                await invocation.Error.WriteLineAsync($"  {path}: {error}");
            }
        }
        else
        {
            await invocation.Out.WriteLineAsync($"Imported {path}: PCNs {summary.Pcns.Created} created, {summary.Pcns.Updated} updated ({summary.Pcns.Open} open, {summary.Pcns.Closed} closed); {summary.Practices} practices; memberships {summary.Memberships.Current} current, {summary.Memberships.Ended} ended ({summary.Memberships.Created} new, {summary.Memberships.Updated} changed), {summary.Memberships.EndedNotInFile} no longer in the file ended on {summary.AbsentMembershipsEndOn:yyyy-MM-dd}; extract date {summary.ExtractDate:yyyy-MM-dd} ({summary.ExtractDateDescription}); {summary.UnallocatedSkipped} Unallocated row(s) skipped.");
            await invocation.Out.WriteLineAsync(summary.Warnings.Count == 0 ? "Rule warnings for this CCG's PCNs: none." : "Rule warnings for this CCG's PCNs:");
            foreach (var (code, count) in summary.Warnings)
            {
                await invocation.Out.WriteLineAsync($"  {code}: {count} PCN(s): {string.Join(", ", summary.WarningPcns[code])}");
            }

            await invocation.Out.WriteLineAsync(summary.WarningsEngland.Count == 0 ? "Rule warnings for every PCN in the file (all England): none." : "Rule warnings for every PCN in the file (all England):");
            foreach (var (code, count) in summary.WarningsEngland)
            {
                await invocation.Out.WriteLineAsync($"  {code}: {count} PCN(s)");
            }

            foreach (var warning in summary.FileWarnings)
            {
                await invocation.Out.WriteLineAsync($"  {path}: {warning}");
            }
        }

        return summary.IsRejected ? CliExitCodes.Rejected : CliExitCodes.Success;
    }
}

/// <summary>`import-list-sizes &lt;csv&gt;`: NHS Digital gp-reg-pat-prac-all.csv or the portal's weighted list size CSV.</summary>
[CliVerb("import-list-sizes", "<csv> [--json]")]
internal sealed class ImportListSizesVerb(ListSizeImporter importer, ILogger<ImportListSizesVerb> logger) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        var path = ImportVerbFile.Single(invocation, "import-list-sizes");
        var watch = Stopwatch.StartNew();
        var parsed = ListSizeCsvParser.ParseFile(path);
        var parsedIn = watch.ElapsedMilliseconds;
        var summary = await importer.ImportAsync(parsed, cancellationToken);
        logger.LogInformation("List sizes {File}: parsed in {ParseMs} ms, imported in {ImportMs} ms", path, parsedIn, watch.ElapsedMilliseconds - parsedIn);
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(summary));
        }
        else if (summary.IsRejected)
        {
            await invocation.Error.WriteLineAsync($"{path} was rejected; nothing was saved. {summary.Errors.Count} problem(s):");
            foreach (var error in summary.Errors)
            {
                await invocation.Error.WriteLineAsync($"  {path}: {error}");
            }
        }
        else
        {
            await invocation.Out.WriteLineAsync($"Imported {path} ({summary.Format}, as at {summary.AsAt ?? "several dates"}): {summary.Practices.Updated} practice list size(s) saved, {summary.Practices.Unchanged} unchanged, {summary.Practices.Unknown} unknown practice(s).");
            foreach (var (code, count) in summary.Warnings)
            {
                await invocation.Out.WriteLineAsync($"  {code}: {count} PCN(s): {string.Join(", ", summary.WarningPcns[code])}");
            }
        }

        return summary.IsRejected ? CliExitCodes.Rejected : CliExitCodes.Success;
    }
}

internal static class ImportVerbFile
{
    public static string Single(CliInvocation invocation, string verb)
    {
        var positional = invocation.Positional();
        if (positional.Count != 1)
        {
            throw new CliUsageException($"{verb} needs exactly one file path; got {positional.Count}.");
        }

        if (!File.Exists(positional[0]))
        {
            throw new CliUsageException($"The file '{positional[0]}' does not exist.");
        }

        return positional[0];
    }
}

using System.Text;
using System.Text.Json;
using PcnPortal.Web.Infrastructure.Cli;

namespace PcnPortal.Web.Features.Access;

/// <summary>
/// `import-access-declarations &lt;csv&gt;`: extended hours / enhanced access declarations, one row a PCN and month
/// (<see cref="AccessDeclarationService.Columns"/>); all or nothing.
/// </summary>
[CliVerb("import-access-declarations", "<declarations.csv> [--json]")]
internal sealed class ImportAccessDeclarationsVerb(AccessDeclarationService declarations) : ICliVerb
{
    public async Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Arguments.Count != 1)
        {
            throw new CliUsageException("import-access-declarations takes one argument: the CSV file.");
        }

        var path = invocation.Arguments[0];
        if (!File.Exists(path))
        {
            throw new CliUsageException($"File not found: {path}");
        }

        var result = await declarations.ImportCsvAsync(await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken), "cli", cancellationToken);
        var errors = result.Problems.Select(p => $"{Path.GetFileName(path)}: {p}").ToList();
        if (invocation.Json)
        {
            await invocation.Out.WriteLineAsync(JsonSerializer.Serialize(new
            {
                rows = result.Rows,
                pcns = result.Pcns,
                declarations = new { created = result.DeclarationsCreated, completed = result.QuartersCompleted },
                months = new { added = result.MonthsAdded, replaced = result.MonthsReplaced },
                errors,
            }));
        }
        else if (result.Succeeded)
        {
            await invocation.Out.WriteLineAsync($"{result.Rows} months of access declarations for {result.Pcns} PCNs loaded from {path}: {result.MonthsAdded} months added, {result.MonthsReplaced} replaced; {result.DeclarationsCreated} quarters started, {result.QuartersCompleted} completed.");
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

namespace PcnPortal.Web.Infrastructure.Cli;

/// <summary>
/// A command-line verb (`dotnet run --project src/PcnPortal.Web -- &lt;verb&gt; [args]`). Verbs are found by
/// scanning this assembly for classes marked with <see cref="CliVerbAttribute"/>, so a feature adds one by writing
/// a class. Exit codes: 0 success, 1 input rejected (nothing saved), 2 usage error.
/// </summary>
public interface ICliVerb
{
    Task<int> RunAsync(CliInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>Names a verb and the arguments it takes (one line, printed on a usage error).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CliVerbAttribute(string name, string usage) : Attribute
{
    public string Name { get; } = name;

    public string Usage { get; } = usage;
}

/// <summary>What the verb was given: its arguments (without the verb and --json), whether to print JSON, and where to write.</summary>
public sealed record CliInvocation(IReadOnlyList<string> Arguments, bool Json, TextWriter Out, TextWriter Error)
{
    /// <summary>The value after an option such as --year, or null.</summary>
    public string? Option(string name)
    {
        for (var i = 0; i < Arguments.Count - 1; i++)
        {
            if (string.Equals(Arguments[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return Arguments[i + 1];
            }
        }

        return null;
    }

    /// <summary>Arguments that are neither options nor their values.</summary>
    public IReadOnlyList<string> Positional(params string[] optionsWithValues)
    {
        var result = new List<string>();
        for (var i = 0; i < Arguments.Count; i++)
        {
            if (optionsWithValues.Contains(Arguments[i], StringComparer.OrdinalIgnoreCase))
            {
                i++;
                continue;
            }

            result.Add(Arguments[i]);
        }

        return result;
    }
}

public static class CliExitCodes
{
    public const int Success = 0;
    public const int Rejected = 1;
    public const int Usage = 2;
}

using System.Text.Json;
using PcnPortal.Web.Infrastructure.Data;

namespace PcnPortal.Web.Infrastructure.Cli;

/// <summary>Dispatches a command-line verb: applies pending migrations, adds missing reference data, then runs the verb in a scope.</summary>
public static class CliRunner
{
    public static bool IsVerb(string[] args) => args.Length > 0 && Find(args[0]) is not null;

    public static IServiceCollection AddCliVerbs(this IServiceCollection services)
    {
        foreach (var (type, _) in Verbs())
        {
            services.AddScoped(type);
        }

        return services;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var json = args.Contains("--json", StringComparer.OrdinalIgnoreCase);
        var rest = args.Skip(1).Where(a => !string.Equals(a, "--json", StringComparison.OrdinalIgnoreCase)).ToList();
        var found = Find(args[0]);
        if (found is null)
        {
            await error.WriteLineAsync($"Unknown verb '{args[0]}'. Verbs: {string.Join(", ", Verbs().Select(v => v.Verb.Name))}.");
            return CliExitCodes.Usage;
        }

        var (verbType, definition) = found.Value;
        await using var scope = services.CreateAsyncScope();
        var verb = (ICliVerb)scope.ServiceProvider.GetRequiredService(verbType);

        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ActorOverride = "cli";
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        await ReferenceData.EnsureAsync(scope.ServiceProvider, db, cancellationToken);
        try
        {
            return await verb.RunAsync(new CliInvocation(rest, json, output, error), cancellationToken);
        }
        catch (CliUsageException ex)
        {
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { errors = new[] { ex.Message }, usage = $"{definition.Name} {definition.Usage}" }));
            }
            else
            {
                await error.WriteLineAsync(ex.Message);
                await error.WriteLineAsync($"Usage: {definition.Name} {definition.Usage}");
            }

            return CliExitCodes.Usage;
        }
    }

    public static IEnumerable<(Type Type, CliVerbAttribute Verb)> Verbs() =>
        typeof(CliRunner).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliVerb).IsAssignableFrom(t))
            .Select(t => (t, t.GetCustomAttributes(typeof(CliVerbAttribute), false).OfType<CliVerbAttribute>().Single()));

    private static (Type Type, CliVerbAttribute Verb)? Find(string name)
    {
        foreach (var verb in Verbs())
        {
            if (string.Equals(verb.Verb.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return verb;
            }
        }

        return null;
    }
}

/// <summary>Thrown by a verb when its arguments are wrong; the runner prints the usage and exits 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);

using System.Text.RegularExpressions;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// #15.13: docker-compose.yml has no default secrets (compose refuses to start without them), the portal connects with its own
/// least-privilege login created at start-up (never sa), the database port is not published and demo data is off unless asked.
/// Docker does not run on the build machines, so the file itself is read: a small reader of the YAML subset compose files use.
/// </summary>
public sealed partial class DockerComposeTests
{
    private static readonly Lazy<(string Root, Dictionary<string, string> Values)> Compose = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "docker-compose.yml")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return (directory.FullName, Read(File.ReadAllLines(Path.Combine(directory.FullName, "docker-compose.yml"))));
    });

    private static Dictionary<string, string> Values => Compose.Value.Values;

    /// <summary>
    /// Reads block mappings and sequences into paths: "services/portal/environment/Database__Provider" → "SqlServer";
    /// the n-th item of a sequence is "…/ports/0". Comments and blank lines are skipped; quotes are removed.
    /// </summary>
    private static Dictionary<string, string> Read(string[] lines)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var stack = new List<(int Indent, string Key)>();
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            if (raw.TrimStart().StartsWith('#') || raw.Trim().Length == 0)
            {
                continue;
            }

            var indent = raw.Length - raw.TrimStart().Length;
            var text = raw.Trim();
            while (stack.Count > 0 && stack[^1].Indent >= indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var parent = string.Join("/", stack.Select(s => s.Key));
            if (text.StartsWith("- ", StringComparison.Ordinal) || text == "-")
            {
                var index = counters.GetValueOrDefault(parent);
                counters[parent] = index + 1;
                values[$"{parent}/{index}"] = Unquote(text.Length > 1 ? text[2..] : "");
                continue;
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = Unquote(text[..colon]);
            var value = text[(colon + 1)..].Trim();
            var path = parent.Length == 0 ? key : $"{parent}/{key}";
            if (value.Length == 0)
            {
                stack.Add((indent, key));
                values[path] = "";
            }
            else
            {
                values[path] = Unquote(value);
            }
        }

        return values;
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] == text[^1] && text[0] is '"' or '\'' ? text[1..^1] : text;

    // "$${X}" is not interpolated by compose (the container's shell reads it), so it is skipped.
    [GeneratedRegex(@"(?<!\$)\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?<op>:?[-?])?(?<message>[^}]*)\}")]
    private static partial Regex Variable();

    [Fact]
    public void Secrets_HaveNoDefaults_AndComposeRefusesToStartWithoutThem()
    {
        var secrets = Values.SelectMany(v => Variable().Matches(v.Value).Select(m => (Path: v.Key, Name: m.Groups["name"].Value, Op: m.Groups["op"].Value, Message: m.Groups["message"].Value)))
            .Where(v => Regex.IsMatch(v.Name, "PASSWORD|SECRET|KEY", RegexOptions.IgnoreCase))
            .ToList();

        Assert.Contains(secrets, s => s.Name == "MSSQL_SA_PASSWORD");
        Assert.Contains(secrets, s => s.Name == "PORTAL_DB_PASSWORD");
        foreach (var secret in secrets.Where(s => s.Name != "DEMO_PASSWORD"))
        {
            Assert.True(secret.Op == ":?" && secret.Message.Trim().Length > 0, $"{secret.Path}: ${{{secret.Name}}} must be written ${{{secret.Name}:?message}} so compose refuses to start without it");
        }

        // The demo password is needed only when demo data is asked for, and has no default either.
        Assert.All(secrets.Where(s => s.Name == "DEMO_PASSWORD"), s => Assert.Equal("", s.Message));
        Assert.DoesNotContain(Values, v => Regex.IsMatch(v.Value, @"Password=(?!""?\$+\{)", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(Values, v => v.Key.EndsWith("PASSWORD", StringComparison.Ordinal) && !v.Value.StartsWith("${", StringComparison.Ordinal));
    }

    [Fact]
    public void Portal_ConnectsWithItsOwnLogin_CreatedAtStartUpWithLeastPrivilege()
    {
        var connection = Values["services/portal/environment/ConnectionStrings__Portal"];
        var user = Regex.Match(connection, "User Id=([^;]+)", RegexOptions.IgnoreCase).Groups[1].Value;
        Assert.NotEqual("", user);
        Assert.NotEqual("sa", user, StringComparer.OrdinalIgnoreCase);

        // The portal starts only after the init step has created the login.
        Assert.Equal("service_completed_successfully", Values["services/portal/depends_on/db-init/condition"]);
        var init = string.Join(" ", Values.Where(v => v.Key.StartsWith("services/db-init/entrypoint/", StringComparison.Ordinal)).Select(v => v.Value));
        Assert.Contains($"PortalLogin={user}", init, StringComparison.Ordinal);
        var script = Regex.Match(init, @"-i /scripts/(\S+)").Groups[1].Value;
        var sql = File.ReadAllText(Path.Combine(Compose.Value.Root, "scripts", "sql", script));
        Assert.Contains("CREATE LOGIN", sql, StringComparison.Ordinal);
        Assert.Contains("db_datareader", sql, StringComparison.Ordinal);
        Assert.Contains("db_datawriter", sql, StringComparison.Ordinal);
        var statements = sql.Split('\n').Where(l => !l.TrimStart().StartsWith("--", StringComparison.Ordinal)).ToList();
        foreach (var broad in new[] { "sysadmin", "db_owner", "securityadmin", "CONTROL SERVER", "serveradmin" })
        {
            Assert.False(statements.Any(l => l.Contains(broad, StringComparison.OrdinalIgnoreCase)), $"the portal's login must not get {broad}");
        }
    }

    [Fact]
    public void DatabasePort_IsNotPublished_AndThePortalOnlyOnLoopback()
    {
        Assert.DoesNotContain(Values.Keys, k => k.StartsWith("services/sqlserver/ports", StringComparison.Ordinal));
        Assert.DoesNotContain(Values.Keys, k => k.StartsWith("services/db-init/ports", StringComparison.Ordinal));
        Assert.DoesNotContain(Values, v => v.Key.Contains("/ports/", StringComparison.Ordinal) && v.Value.Contains("1433", StringComparison.Ordinal));
        Assert.All(Values.Where(v => v.Key.StartsWith("services/portal/ports/", StringComparison.Ordinal)), p => Assert.StartsWith("127.0.0.1:", p.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void DemoData_IsOffUnlessAsked()
    {
        var enabled = Values["services/portal/environment/DemoData__Enabled"];
        var match = Variable().Match(enabled);
        var effective = match.Success ? (match.Groups["op"].Value is ":-" or "-" ? match.Groups["message"].Value : "") : enabled;
        Assert.Equal("false", effective, StringComparer.OrdinalIgnoreCase);
        Assert.Equal("Production", Values["services/portal/environment/ASPNETCORE_ENVIRONMENT"]);
    }
}

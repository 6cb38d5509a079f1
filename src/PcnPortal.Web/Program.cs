using PcnPortal.Web;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.DemoData;

var isCli = CliRunner.IsVerb(args);

// Verbs take their own arguments; configuration then comes from appsettings and environment variables only.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = isCli ? [] : args,
    ContentRootPath = PortalHost.ContentRootOverride(),
});
builder.AddPortal(isCli);
var app = builder.Build();

try
{
    if (isCli)
    {
        return await CliRunner.RunAsync(app.Services, args, Console.Out, Console.Error);
    }

    await DemoDataRunner.PrepareDatabaseAsync(app.Services);
    app.UsePortal();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("PcnPortal").LogCritical(ex, "PcnPortal stopped unexpectedly");
    await Console.Error.WriteLineAsync($"PcnPortal could not run: {ex.Message}");
    return isCli ? CliExitCodes.Usage : 1;
}
finally
{
    // The portal's logger (its file and console sinks) is flushed when the host is disposed.
    await app.DisposeAsync();
}

/// <summary>The web application's entry point, visible to the integration tests.</summary>
public partial class Program;

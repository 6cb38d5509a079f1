using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PcnPortal.Web.Tests.Infrastructure;
using Serilog.Events;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Each portal host logs through its own Serilog logger: another host in the same process, started and stopped, neither
/// takes over nor silences it (the test hosts run several to a process, as the fault tests' log capture relies on).
/// </summary>
public sealed class LoggingIsolationTests
{
    [Fact]
    public async Task AHostKeepsItsOwnLogSinks_AfterAnotherHostStartsAndStops()
    {
        await using var capturing = new FaultPortalFactory();
        _ = capturing.Services;

        await using (var other = new PortalFactory())
        {
            _ = other.Services;
        }

        var marker = $"isolation check {Guid.NewGuid():N}";
        capturing.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LoggingIsolation").LogError("{Marker}", marker);

        Assert.Contains(CapturedLogs.Events, e => e.Level == LogEventLevel.Error && e.RenderMessage().Contains(marker, StringComparison.Ordinal));
    }
}

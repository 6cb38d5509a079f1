using System.Collections.Concurrent;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// A Serilog sink the portal's own logging pipeline writes to when a test host names it in configuration
/// (Serilog:Using = this assembly, Serilog:WriteTo:n:Name = "CapturedLogs"): the test sees exactly what operators would.
/// </summary>
public sealed class CapturedLogs : ILogEventSink
{
    public static readonly ConcurrentQueue<LogEvent> Events = new();

    public static IDictionary<string, string?> Settings(int index = 0) => new Dictionary<string, string?>
    {
        ["Serilog:Using:0"] = typeof(CapturedLogs).Assembly.GetName().Name,
        [$"Serilog:WriteTo:{index}:Name"] = nameof(CapturedLogs),
    };

    public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
}

public static class CapturedLogsSinkExtensions
{
    public static LoggerConfiguration CapturedLogs(this LoggerSinkConfiguration sinks) => sinks.Sink(new CapturedLogs());
}

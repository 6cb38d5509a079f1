using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Domain.Papers;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Features.Papers;

/// <summary>What a warm-up did: the paper it drew (none when there is no paper), the pages' bytes and how long it took.</summary>
public sealed record PaperWarmUpResult(int? PaperId, int Bytes, double Milliseconds);

/// <summary>
/// Once, just after the portal starts serving, draws the latest committee paper from live data and paints it to
/// nowhere, in the background. A draft paper's PDF is mostly EF Core compiling each data section's queries the first
/// time they run in a process (about 0.6 s of a 0.8 s first paper; docs/performance.md); done here, the secretary's first
/// paper after a restart costs what a warm one does. Reads only, with the same queries a request runs (so the same compiled shapes): its scope ends without SaveChanges, so
/// nothing is stored or audited.
/// A failure is logged and changes nothing. Turned off with <c>Papers:WarmUpOnStart=false</c> (the test host does).
/// </summary>
public sealed class PaperWarmUp(IServiceScopeFactory scopes)
{
    public async Task<PaperWarmUpResult> RunAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var id = await db.CommitteePapers.OrderBy(p => p.Status == PaperStatus.Finalised).ThenByDescending(p => p.Id)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
        if (id is null)
        {
            return new PaperWarmUpResult(null, 0, watch.Elapsed.TotalMilliseconds);
        }

        var builder = scope.ServiceProvider.GetRequiredService<PaperDocumentBuilder>();
        var paper = await builder.LoadPaperAsync(id.Value, cancellationToken);
        if (paper is null)
        {
            return new PaperWarmUpResult(null, 0, watch.Elapsed.TotalMilliseconds);
        }

        var data = await builder.LiveDataAsync(paper, cancellationToken);
        var pdf = scope.ServiceProvider.GetRequiredService<IPdfRenderer>().Render(builder.Build(paper, data, DateTime.UtcNow));
        return new PaperWarmUpResult(paper.Id, pdf.Length, watch.Elapsed.TotalMilliseconds);
    }
}

/// <summary>Runs <see cref="PaperWarmUp"/> once after the portal has started, unless <c>Papers:WarmUpOnStart</c> is false.</summary>
public sealed class PaperWarmUpService(PaperWarmUp warmUp, IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<PaperWarmUpService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(configuration.GetValue<bool?>("Papers:WarmUpOnStart") ?? true))
        {
            return;
        }

        // After the server is listening: the warm-up never delays start-up or the first request.
        var started = new TaskCompletionSource();
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await Task.WhenAny(started.Task, Task.Delay(Timeout.Infinite, stoppingToken));
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            var result = await warmUp.RunAsync(stoppingToken);
            logger.LogInformation("Committee paper warm-up: paper {PaperId}, {Bytes} bytes, {Milliseconds:0} ms", result.PaperId, result.Bytes, result.Milliseconds);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Committee paper warm-up failed; the first paper will be drawn cold");
        }
    }
}

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
/// nowhere, then builds every data section, in the background. A draft paper's PDF is mostly EF Core compiling each
/// data section's queries the first time they run in a process (about 0.6 s of a 0.8 s first paper; docs/performance.md); done here, the secretary's first
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
        var builder = scope.ServiceProvider.GetRequiredService<PaperDocumentBuilder>();
        var paper = id is null ? null : await builder.LoadPaperAsync(id.Value, cancellationToken);
        var bytes = 0;
        if (paper is not null)
        {
            var data = await builder.LiveDataAsync(paper, cancellationToken);
            bytes = scope.ServiceProvider.GetRequiredService<IPdfRenderer>().Render(builder.Build(paper, data, DateTime.UtcNow)).Length;
        }

        // Every data section the secretary may add, with and without its detail, as at the latest paper's meeting (or
        // today): the latest paper may not use them all, and the next paper asked for may be another.
        var today = paper?.Meeting?.Date ?? DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var section in scope.ServiceProvider.GetRequiredService<PaperDataSections>().All)
        {
            await section.BuildAsync(today, new PaperSectionOptions(false), cancellationToken);
            if (section.DetailOption is not null)
            {
                await section.BuildAsync(today, new PaperSectionOptions(true), cancellationToken);
            }
        }

        return new PaperWarmUpResult(paper?.Id, bytes, watch.Elapsed.TotalMilliseconds);
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

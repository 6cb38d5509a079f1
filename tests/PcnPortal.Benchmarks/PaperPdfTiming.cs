using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web;
using PcnPortal.Web.Features.Papers;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Benchmarks;

/// <summary>
/// `-- paper-pdf &lt;paper id&gt; &lt;warm runs&gt; &lt;output.pdf&gt;`: renders one committee paper from live data in this (new) process,
/// as the portal does for a draft (load the paper, query its data sections, lay out, paint the tagged PDF), and prints
/// the first (cold) render and the warm renders, each timed in-process with a Stopwatch. The database comes from the
/// portal's configuration (Database__Provider, ConnectionStrings__Portal). Used by scripts/perf/paper-pdf.sh.
/// </summary>
public static class PaperPdfTiming
{
    public static async Task<int> RunAsync(int paperId, int warmRuns, string output)
    {
        var process = Stopwatch.StartNew();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.AddPortal(isCli: false);
        await using var app = builder.Build();
        var hostReady = process.Elapsed.TotalMilliseconds;

        var cold = await RenderAsync(app.Services, paperId, output);
        var warm = new List<(double Total, double Layout)>();
        for (var i = 0; i < warmRuns; i++)
        {
            warm.Add(await RenderAsync(app.Services, paperId, output));
        }

        static string Ms(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);
        var sorted = warm.Select(w => w.Total).Order().ToList();
        var median = sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
        var layoutMedian = warm.Count == 0 ? 0 : warm.Select(w => w.Layout).Order().ElementAt(warm.Count / 2);
        Console.WriteLine($"host built {Ms(hostReady)} ms | cold render {Ms(cold.Total)} ms (of which layout and paint {Ms(cold.Layout)} ms) | " +
            $"warm median {Ms(median)} ms (layout and paint {Ms(layoutMedian)} ms), min {Ms(sorted.FirstOrDefault())}, max {Ms(sorted.LastOrDefault())} over {warm.Count}");
        Console.WriteLine($"cold_ms={Ms(cold.Total)} warm_median_ms={Ms(median)} process_ms={Ms(process.Elapsed.TotalMilliseconds)}");
        return 0;
    }

    /// <summary>One render as a draft paper's PDF request does it; returns the whole and the layout-and-paint part.</summary>
    private static async Task<(double Total, double Layout)> RenderAsync(IServiceProvider services, int paperId, string output)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateAsyncScope();
        var papers = scope.ServiceProvider.GetRequiredService<PaperDocumentBuilder>();
        var renderer = scope.ServiceProvider.GetRequiredService<IPdfRenderer>();
        var paper = await papers.LoadPaperAsync(paperId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No paper {paperId} in the database.");
        var data = await papers.LiveDataAsync(paper, CancellationToken.None);
        var layoutStart = watch.Elapsed.TotalMilliseconds;
        var pdf = renderer.Render(papers.Build(paper, data, DateTime.UtcNow));
        var total = watch.Elapsed.TotalMilliseconds;
        await File.WriteAllBytesAsync(output, pdf);
        return (total, total - layoutStart);
    }
}

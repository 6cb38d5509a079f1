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
        if (Environment.GetEnvironmentVariable("PAPER_PDF_AFTER_STARTUP") == "1")
        {
            // What the portal does before it serves its first request (Program.cs): migrate (nothing pending here) and
            // ensure the reference data. The first render is then the first paper a secretary asks for after a start.
            await PcnPortal.Web.Infrastructure.DemoData.DemoDataRunner.PrepareDatabaseAsync(app.Services);
            Console.WriteLine($"portal start-up steps done {process.Elapsed.TotalMilliseconds - hostReady:0} ms after the host was built");
            hostReady = process.Elapsed.TotalMilliseconds;
        }

        if (Environment.GetEnvironmentVariable("PAPER_PDF_WARM_UP") == "1")
        {
            // What the portal then does in the background once it is listening (PaperWarmUpService): draw the latest
            // draft paper to nowhere. The first render below is then the first paper a secretary asks for after that.
            var warmUp = await app.Services.GetRequiredService<PaperWarmUp>().RunAsync(CancellationToken.None);
            Console.WriteLine($"warm-up drew paper {warmUp.PaperId} in {warmUp.Milliseconds:0} ms");
            hostReady = process.Elapsed.TotalMilliseconds;
        }


        if (Environment.GetEnvironmentVariable("PAPER_PDF_STAGES") == "1")
        {
            Console.WriteLine($"host built {hostReady:0} ms | first render by stage: {await StagesAsync(app.Services, paperId)}");
            return 0;
        }

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

    /// <summary>
    /// With PAPER_PDF_STAGES=1, instead of the timing: the first render in the process one stage at a time (the paper,
    /// each data section, the glossary, layout and paint), to show where a cold render's time goes.
    /// </summary>
    private static async Task<string> StagesAsync(IServiceProvider services, int paperId)
    {
        var stages = new List<string>();
        var watch = Stopwatch.StartNew();
        void Stage(string name)
        {
            stages.Add($"{name} {watch.Elapsed.TotalMilliseconds:0}");
            watch.Restart();
        }

        await using var scope = services.CreateAsyncScope();
        var papers = scope.ServiceProvider.GetRequiredService<PaperDocumentBuilder>();
        var sections = scope.ServiceProvider.GetRequiredService<PaperDataSections>();
        _ = scope.ServiceProvider.GetRequiredService<PcnPortal.Web.Infrastructure.Data.PortalDbContext>().Model;
        Stage("database model");
        var paper = await papers.LoadPaperAsync(paperId, CancellationToken.None)
            ?? throw new InvalidOperationException($"No paper {paperId} in the database.");
        Stage("paper");
        foreach (var section in paper.Sections.Where(s => s.Kind == PcnPortal.Domain.Papers.PaperSectionKind.Data))
        {
            await sections.Find(section.DataKey)!.BuildAsync(section.AsAt ?? paper.Meeting!.Date,
                new PaperSectionOptions(section.ShowDetail, section.AllEngland), CancellationToken.None);
            Stage(section.DataKey!);
        }

        var data = await papers.LiveDataAsync(paper, CancellationToken.None);
        Stage("all sections again and the glossary");
        var model = papers.Build(paper, data, DateTime.UtcNow);
        Stage("document model");
        scope.ServiceProvider.GetRequiredService<IPdfRenderer>().Render(model);
        Stage("layout and paint");
        return string.Join(", ", stages) + " (ms)";
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

using BenchmarkDotNet.Running;

namespace PcnPortal.Benchmarks;

/// <summary>
/// `-- generate &lt;folder&gt;` writes national-size input files for the import and page benchmarks
/// (scripts/perf/*.sh); `-- paper-pdf &lt;paper id&gt; &lt;warm runs&gt; &lt;output.pdf&gt;` times a committee paper's PDF in a new
/// process (<see cref="PaperPdfTiming"/>); anything else runs BenchmarkDotNet (e.g. `-- --filter *Arrs*`).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 4 && args[0] == "paper-pdf")
        {
            return await PaperPdfTiming.RunAsync(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), args[3]);
        }

        if (args.Length == 2 && args[0] == "generate")
        {
            NationalDataGenerator.WriteAll(args[1]);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

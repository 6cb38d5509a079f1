using BenchmarkDotNet.Running;

namespace PcnPortal.Benchmarks;

/// <summary>
/// `-- generate &lt;folder&gt;` writes national-size input files for the import and page benchmarks
/// (scripts/perf/*.sh); anything else runs BenchmarkDotNet (e.g. `-- --filter *Arrs*`).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 2 && args[0] == "generate")
        {
            NationalDataGenerator.WriteAll(args[1]);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}

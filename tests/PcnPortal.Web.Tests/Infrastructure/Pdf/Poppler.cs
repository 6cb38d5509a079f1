using System.Diagnostics;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

/// <summary>
/// Runs poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm). CI installs them (apt-get install -y poppler-utils);
/// a missing tool fails the test with a message saying so rather than passing silently.
/// </summary>
internal static class Poppler
{
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"'{tool}' is not on PATH. The PDF tests need poppler-utils: apt-get update && apt-get install -y poppler-utils", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{tool} did not finish within 60 seconds.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} exited with {process.ExitCode}: {stderr.Result}");
            }

            return stdout.Result;
        }
    }

    /// <summary>Writes the PDF to a temporary file, runs the tool on it (file path last unless "{pdf}" is given) and deletes the file.</summary>
    public static string RunOn(byte[] pdf, string tool, params string[] args)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pcnportal-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var withFile = args.Contains("{pdf}") ? args.Select(a => a == "{pdf}" ? path : a).ToArray() : [.. args, path];
            return Run(tool, withFile);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>pdftotext with layout preserved, to standard output; pages separated by form feeds.</summary>
    public static string Text(byte[] pdf, int? page = null)
    {
        var args = new List<string> { "-layout", "-enc", "UTF-8" };
        if (page is not null)
        {
            args.AddRange(["-f", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "-l", page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        args.AddRange(["{pdf}", "-"]);
        return RunOn(pdf, "pdftotext", [.. args]);
    }
}

using System.Diagnostics;
using PcnPortal.Web.Infrastructure.Pdf;
using Xunit.Abstractions;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

public class SamplePaperTests(ITestOutputHelper output)
{
    [Fact]
    public void Sample_RendersAndIsWrittenForVisualReview()
    {
        var model = SamplePaper.Build();
        var renderer = new PdfSharpRenderer();
        renderer.Render(model); // warm up fonts

        var watch = Stopwatch.StartNew();
        var pdf = renderer.Render(model, out var layout);
        watch.Stop();

        var path = Path.Combine(Path.GetTempPath(), "pdf-sample.pdf");
        File.WriteAllBytes(path, pdf);
        output.WriteLine($"{path}: {layout.PageCount} pages, {pdf.Length:N0} bytes, rendered in {watch.ElapsedMilliseconds} ms");

        var text = Poppler.Text(pdf);
        Assert.Contains("PART II – CONFIDENTIAL", text, StringComparison.Ordinal);
        Assert.Contains("£185,184.00", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", text, StringComparison.Ordinal);
        Assert.Contains("Figure 1: ARRS claims by quarter", text, StringComparison.Ordinal);
        Assert.True(layout.PageCount >= 6);
    }
}

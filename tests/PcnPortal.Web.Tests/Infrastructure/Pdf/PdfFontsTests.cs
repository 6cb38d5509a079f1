using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

public class PdfFontsTests
{
    [Fact]
    public void EnsureAvailable_WithFontsInOutput_LoadsTypefacesWithGlyphs()
    {
        PdfFonts.EnsureAvailable();

        Assert.All(Enum.GetValues<PdfFontStyle>(), style => Assert.True(PdfFonts.GlyphCount(style) > 100));
    }

    [Fact]
    public void Verify_FolderWithoutFonts_ThrowsSayingWhichFileAndHowToFix()
    {
        var empty = Directory.CreateTempSubdirectory("pcnportal-nofonts-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => PdfFonts.Verify(empty.FullName));

            Assert.Contains(PdfFonts.RegularFile, error.Message, StringComparison.Ordinal);
            Assert.Contains("dotnet build", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Verify_FileThatIsNotAFont_Throws()
    {
        var folder = Directory.CreateTempSubdirectory("pcnportal-badfonts-");
        try
        {
            foreach (var file in new[] { PdfFonts.RegularFile, PdfFonts.BoldFile, PdfFonts.ItalicFile })
            {
                File.WriteAllText(Path.Combine(folder.FullName, file), "not a font");
            }

            Assert.Throws<InvalidOperationException>(() => PdfFonts.Verify(folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

namespace PcnPortal.Web.Infrastructure.Pdf;

public static class PdfServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPdfRenderer"/> and checks the PDF fonts now, so a missing font stops start-up
    /// instead of producing PDFs without text.
    /// </summary>
    public static IServiceCollection AddPdfRendering(this IServiceCollection services)
    {
        PdfFonts.EnsureAvailable();
        services.AddSingleton<IPdfRenderer, PdfSharpRenderer>();
        return services;
    }
}

namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>Turns an engine-neutral <see cref="PdfDocumentModel"/> into PDF bytes. Same model, same bytes.</summary>
public interface IPdfRenderer
{
    byte[] Render(PdfDocumentModel model);
}

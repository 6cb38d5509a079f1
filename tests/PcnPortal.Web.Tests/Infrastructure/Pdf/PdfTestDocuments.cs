using System.Globalization;
using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

/// <summary>Builders for test documents with sensible defaults.</summary>
internal static class PdfTestDocuments
{
    public static readonly DateTime ProducedAt = new(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc);

    public static PdfDocumentModel Document(params PdfBlock[] blocks) => new()
    {
        Metadata = new PdfMetadata
        {
            Title = "ARRS position 2026/27",
            Author = "Primary Care Contracts Team",
            Subject = "Primary Care Commissioning Committee",
            Keywords = "PCN; ARRS; PCCC",
            ProducedAt = ProducedAt,
        },
        HeaderLeft = "Agenda item: 7",
        HeaderRight = "ARRS position 2026/27",
        FooterLeft = "Data as at 1 Nov 2026 · Version 2",
        Blocks = [.. blocks],
    };

    public static string Words(int count, int seed = 1)
    {
        string[] vocabulary = ["network", "practice", "funding", "the", "committee", "roles", "of", "and", "pharmacist", "allocation", "is", "to", "baseline", "recruitment", "plan"];
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
    }

    public static PdfTable MoneyTable(int rows) => new(
        [new PdfTableColumn("PCN", 3), new PdfTableColumn("ODS code", 1.2f, PdfAlignment.Centre), new PdfTableColumn("Claimed", 1.6f, PdfAlignment.Right), new PdfTableColumn("Maximum", 1.6f, PdfAlignment.Right)],
        [.. Enumerable.Range(1, rows).Select(i => (IReadOnlyList<PdfTableCell>)
        [
            new PdfTableCell($"Network {i:000}"),
            new PdfTableCell($"U{10000 + i}"),
            new PdfTableCell(Money(1234.56m * i)),
            new PdfTableCell(Money(2000m * i)),
        ])]);

    public static string Money(decimal value) => value.ToString("C2", CultureInfo.GetCultureInfo("en-GB"));
}

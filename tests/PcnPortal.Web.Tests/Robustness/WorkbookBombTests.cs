using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using PcnPortal.Web.Features.Registration;
using PcnPortal.Web.Infrastructure.Files;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>
/// Issue 15, item 4: hostile ePCN workbooks, built here at test time (nothing large is kept in the repository). A workbook whose
/// shared strings unpack to hundreds of megabytes, and cells past column XFD, are refused with a message, quickly and without
/// the memory they would have cost.
/// </summary>
public sealed class WorkbookBombTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A minimal valid workbook: the two ePCN sheets, both with the given sheet XML body, and shared strings written by <paramref name="sharedStrings"/>.</summary>
    private static byte[] Workbook(string sheetData, Action<Stream>? sharedStrings = null)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }

            var sharedType = sharedStrings is null ? string.Empty : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>";
            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/><Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" + sharedType + "</Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Add("xl/workbook.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"{Main}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"PCNDetails\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"PCN Core Partner Details\" sheetId=\"2\" r:id=\"rId3\"/></sheets></workbook>");
            var sharedRel = sharedStrings is null ? string.Empty : "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>";
            Add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>" + sharedRel + "</Relationships>");
            Add("xl/worksheets/sheet1.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>");
            Add("xl/worksheets/sheet2.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>{sheetData}</sheetData></worksheet>");
            if (sharedStrings is not null)
            {
                using var entry = zip.CreateEntry("xl/sharedStrings.xml", CompressionLevel.SmallestSize).Open();
                sharedStrings(entry);
            }
        }

        return memory.ToArray();
    }

    /// <summary>Shared strings that unpack to about <paramref name="megabytes"/> MB of one repeated long string.</summary>
    private static byte[] SharedStringBomb(int megabytes) => Workbook(
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
        stream =>
        {
            var head = Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
            stream.Write(head);
            var item = Encoding.UTF8.GetBytes("<si><t>" + new string('A', 1_000_000) + "</t></si>");
            for (var i = 0; i < megabytes; i++)
            {
                stream.Write(item);
            }

            stream.Write(Encoding.UTF8.GetBytes("</sst>"));
        });

    private static string Cell(string reference) => $"<row r=\"1\"><c r=\"{reference}\" t=\"inlineStr\"><is><t>PCN Code</t></is></c></row>";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes)
    {
        var token = (await client.GetDocumentAsync("/pcns/import")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "Upload", "ePCN.xlsx");
        return await client.PostAsync("/pcns/import", content);
    }

    [Fact]
    public void SharedStringsUnpackingToHundredsOfMegabytes_AreRefusedWithoutTheMemory()
    {
        var bytes = SharedStringBomb(400);
        Assert.True(bytes.Length < 3 * 1024 * 1024, $"the bomb is {bytes.Length:N0} bytes packed");
        GC.Collect();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var result = EpcnWorkbookParser.Parse(new MemoryStream(bytes));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Contains(result.Problems, p => p.Message.Contains("unpacks to more than 64 MB", StringComparison.Ordinal) && p.Message.Contains("sharedStrings.xml", StringComparison.Ordinal));
        Assert.True(allocated < 64L * 1024 * 1024, $"{allocated:N0} bytes allocated refusing it");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("ZZZZZ1")]
    [InlineData("ZZZZZZZ1")]
    [InlineData("XFE1")]
    public void CellsPastColumnXfd_AreRefused(string reference)
    {
        var result = EpcnWorkbookParser.Parse(new MemoryStream(Workbook(Cell(reference))));

        Assert.Contains(result.Problems, p => p.Message.Contains($"a cell at {reference}, past column XFD", StringComparison.Ordinal));
    }

    [Fact]
    public void ColumnXfd_IsTheLastColumnRead()
    {
        Assert.Equal(0, XlsxWorkbookReader.ColumnIndex("A1"));
        Assert.Equal(16_383, XlsxWorkbookReader.ColumnIndex("XFD1048576"));
        Assert.Throws<XlsxLimitException>(() => XlsxWorkbookReader.ColumnIndex("XFE1"));
    }

    [Fact]
    public async Task ImportPage_RefusesABombWithTheMessage_NotA500()
    {
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts));
        var auditBefore = await factory.AuditCountAsync();

        foreach (var bytes in new[] { SharedStringBomb(100), Workbook(Cell("ZZZZZZZ1")) })
        {
            var response = await UploadAsync(client, bytes);

            Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
            Assert.NotEmpty((await response.ReadDocumentAsync()).ErrorSummary());
            Assert.Contains("It is refused", (await response.ReadDocumentAsync()).Body!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(auditBefore, await factory.AuditCountAsync());
    }
}

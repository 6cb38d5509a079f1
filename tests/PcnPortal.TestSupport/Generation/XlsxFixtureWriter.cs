using DocumentFormat.OpenXml.Packaging;

namespace PcnPortal.TestSupport.Generation;

/// <summary>Builds ePCN workbooks of each vintage's shape in memory (via <see cref="SimpleXlsxWriter"/>, Open XML SDK).</summary>
public static class XlsxFixtureWriter
{
    public static MemoryStream Workbook(params XlsxSheet[] sheets) => new(SimpleXlsxWriter.ToBytes(sheets));

    /// <summary>Stamps the workbook's created date (docProps/core.xml), as ODS does when it extracts a vintage.</summary>
    public static MemoryStream CreatedOn(MemoryStream workbook, DateOnly created)
    {
        var copy = new MemoryStream();
        workbook.Position = 0;
        workbook.CopyTo(copy);
        using (var document = SpreadsheetDocument.Open(copy, true))
        {
            document.PackageProperties.Created = created.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        copy.Position = 0;
        return copy;
    }

    public static XlsxSheet Sheet(string name, object?[] header, params object?[][] rows) => new(name, header, rows);

    /// <summary>2019: CCG columns, YYYYMMDD dates (as numbers and text), cross-boundary flag 1/0.</summary>
    public static MemoryStream Vintage2019(object?[][]? pcnRows = null, object?[][]? partnerRows = null) => Workbook(
        Sheet("PCNDetails", ["PCN Code", "PCN Name", "Current CCG Code", "CCG Name", "Open Date", "Close Date"], pcnRows ??
        [
            ["U12345", "DURHAM DALES (1) PCN", "00J", "NHS NORTH DURHAM CCG", 20190701, null],
            ["U23456", "PHOENIX PCN", "15C", "NHS BNSSG CCG", "20190701", "20210331"],
            ["U", "Unallocated", null, null, "20190701", null],
        ]),
        Sheet("PCN Core Partner Details", ["Partner Organisation Code", "Partner Name", "Practice Parent CCG Code", "PCN Code", "PCN Name", "Practice to PCN Relationship Start Date", "Practice to PCN Relationship End Date", "Cross Boundary"], partnerRows ??
        [
            ["A83001", "THE DALES SURGERY", "00J", "U12345", "DURHAM DALES (1) PCN", 20190701, null, 0],
            ["L81002", "BISHOPSTON SURGERY", "15C", "U23456", "PHOENIX PCN", "20190701", "20210331", 1],
            ["A83999", "UNALLOCATED SURGERY", "00J", "U", "Unallocated", "20190701", null, 0],
        ]));

    /// <summary>2021: "PCN Details" sheet, 01JAN2021-style and 01-Sep-20 dates, line breaks and odd spacing in headers.</summary>
    public static MemoryStream Vintage2021() => Workbook(
        Sheet("PCN Details", ["PCN\nCode", "PCN  Name", "Current\nCCG Code", "CCG\r\nName", "Open\nDate", "Close\nDate"],
            ["U12345", "DURHAM DALES (1) PCN", "00J", "NHS COUNTY DURHAM CCG", "01JUL2019", null],
            ["U34567", "BATH & NORTH EAST PCN", "92G", "NHS BSW CCG", "01-Sep-20", null]),
        Sheet("PCN Core Partner  Details", ["Partner\nOrganisation\nCode", "Partner\nName", "Practice Parent\nCCG Code", "PCN\nCode", "PCN\nName", "Practice to PCN\nRelationship\nStart Date", "Practice to PCN\nRelationship\nEnd Date", "Practice CCG and PCN CCG Match?"],
            ["A83001", "THE DALES SURGERY", "00J", "U12345", "DURHAM DALES (1) PCN", "01JAN2021", null, "TRUE"],
            ["L81010", "BATHEASTON SURGERY", "11E", "U34567", "BATH & NORTH EAST PCN", "01Jan2022", null, "FALSE"]));

    /// <summary>2023: Sub ICB Location columns (some 5-character codes), ISO dates and Excel serial dates.</summary>
    public static MemoryStream Vintage2023() => Workbook(
        Sheet("PCNDetails", ["PCN Code", "PCN Name", "Current Sub ICB Loc Code", "Sub ICB Location Name", "Open Date", "Close Date"],
            ["U12345", "DURHAM DALES (1) PCN", "84H", "NHS NORTH EAST AND NORTH CUMBRIA ICB - 84H", "2019-07-01", null],
            ["U45678", "SOLENT CENTRAL PCN", "10R00", "NHS HAMPSHIRE AND ISLE OF WIGHT ICB - 10R", 43647d, "2026-04-01"]),
        new XlsxSheet("PCN Core Partner Details", NationalFileGenerator.PartnerHeader,
        [
            ["A83001", "THE DALES SURGERY", "84H", "NHS NENC", "U12345", "DURHAM DALES (1) PCN", "84H", "NHS NENC", 20190701, null, "TRUE"],
            ["J82001", "SOLENT SURGERY", "10R00", "NHS HIOW", "U45678", "SOLENT CENTRAL PCN", "10R00", "NHS HIOW", 43647, null, "TRUE"],
        ]));
}

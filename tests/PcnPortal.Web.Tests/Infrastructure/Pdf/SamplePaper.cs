using PcnPortal.Web.Infrastructure.Pdf;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

/// <summary>A realistic PCCC paper: cover sheet, contents, numbered sections, money table, heatmap, chart, risks, glossary.</summary>
internal static class SamplePaper
{
    public static PdfDocumentModel Build()
    {
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph(new PdfTextRun("Primary Care Commissioning Committee (PCCC)", Bold: true)),
            new PdfParagraph("Date: 24 November 2026 · Time: 9.30am – 11.20am · Location: virtual meeting"),
            new PdfKeyValueTable(
                new PdfKeyValueRow("Agenda number", "7"),
                new PdfKeyValueRow("Title", "Additional Roles Reimbursement Scheme (ARRS) position 2026/27"),
                new PdfKeyValueRow("Purpose", "Decision"),
                new PdfKeyValueRow("Key points for discussion", [
                    new PdfParagraph("This paper provides an update on the following:"),
                    new PdfBulletList("Workforce baseline", "PCN additional roles claimed to month 7", new PdfBulletItem("Maturity matrices", "Self-assessments received: 15 of 18"), "Financial implications for the ICB"),
                ]),
                new PdfKeyValueRow("Recommendations", [new PdfParagraph("The Committee is asked to ", new PdfTextRun("approve", Bold: true), " the reallocation of unclaimed ARRS funding set out in section 3.")]),
                new PdfKeyValueRow("Previously considered by", "Primary Care Operational Group, October 2026"),
                new PdfKeyValueRow("Management of declared interest", "Members of PCCC who work in a PCN in receipt of DES funding declared an interest."),
                new PdfKeyValueRow("Risk and assurance", "If PCNs cannot recruit, unclaimed funding returns to NHS England. Mitigations are listed in section 5."),
                new PdfKeyValueRow("Financial / resource implications", "The maximum ARRS sum for 2026/27 is £18,432,110.00; £12,904,551.27 is forecast to be claimed."),
                new PdfKeyValueRow("Author(s)", "Alex Example, Senior Contract Manager, Primary Care"),
                new PdfKeyValueRow("Sponsoring director", "Sam Example, Director of Primary Care")),
            new PdfPageBreak(),
            new PdfContentsList(),
            new PdfHeading(1, "Background", "1"),
            new PdfParagraph(PdfTestDocuments.Words(120, 11)),
            new PdfParagraph(PdfTestDocuments.Words(80, 12)),
            new PdfHeading(1, "PCN update", "2"),
            new PdfHeading(2, "Workforce baseline", "2.1"),
            new PdfParagraph(PdfTestDocuments.Words(90, 13)),
            new PdfBulletList(
                "Clinical pharmacists: 41.2 WTE in post",
                new PdfBulletItem("Social prescribing link workers: 28.0 WTE", "of which 3.0 WTE are shared between two PCNs"),
                "First contact physiotherapists: 19.6 WTE"),
            new PdfHeading(2, "Claims to month 7", "2.2"),
            new PdfParagraph("Table 1 lists every PCN's claims against its maximum ARRS sum. Amounts are in pounds."),
            MoneyTable(150),
            new PdfHeading(1, "Maturity self-assessment", "3"),
            new PdfParagraph("Darker cells show a more mature domain. Shades stay distinct when printed in greyscale; each cell also carries its score."),
            Heatmap(),
            new PdfHeading(2, "Claims by quarter", "3.1"),
            Chart(),
            new PdfHeading(1, "Risk implications", "4"),
            RiskTable(),
            new PdfHeading(1, "Glossary of terms and abbreviations", "5"),
            new PdfTable([new PdfTableColumn("Term", 1), new PdfTableColumn("Meaning", 5)],
            [
                ["PCN", "Primary Care Network: GP practices working together, typically covering 30,000 to 50,000 patients."],
                ["ARRS", "Additional Roles Reimbursement Scheme."],
                ["WTE", "Whole-time equivalent."],
                ["<script>", "Markup typed by a user is printed literally: <script>alert(1)</script>"],
            ])
            { ShowHeader = false },
        };

        return new PdfDocumentModel
        {
            Metadata = new PdfMetadata
            {
                Title = "ARRS position 2026/27",
                Author = "Primary Care Contracts Team",
                Subject = "PCCC 24 November 2026, agenda item 7",
                Keywords = "PCN; ARRS; PCCC",
                ProducedAt = PdfTestDocuments.ProducedAt,
            },
            HeaderLeft = "Agenda item: 7",
            HeaderRight = "Additional Roles Reimbursement Scheme (ARRS) position 2026/27",
            FooterLeft = "Data as at 1 Nov 2026 · Version 2",
            ConfidentialMarking = "PART II – CONFIDENTIAL",
            Blocks = blocks,
        };
    }

    private static PdfTable MoneyTable(int rows)
    {
        var table = PdfTestDocuments.MoneyTable(rows);
        return new PdfTable(table.Columns, table.Rows) { Caption = "Table 1: ARRS claims to month 7 by PCN" };
    }

    private static PdfTable Heatmap()
    {
        string[] domains = ["Leadership", "Data and PHM", "Integrating care", "Workforce", "Estates"];
        var columns = new List<PdfTableColumn> { new("PCN", 2) };
        columns.AddRange(domains.Select(d => new PdfTableColumn(d, 1, PdfAlignment.Centre)));
        var rows = Enumerable.Range(1, 12).Select(p =>
        {
            var cells = new List<PdfTableCell> { new($"Network {p:000}") };
            cells.AddRange(domains.Select((_, d) =>
            {
                var score = ((p * 7) + (d * 3)) % 5;
                return new PdfTableCell((score + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) { Shade = (PdfShade)(score + 1) };
            }));
            return (IReadOnlyList<PdfTableCell>)cells;
        }).ToList();
        return new PdfTable(columns, rows) { Caption = "Table 2: maturity by domain (1 = foundation, 5 = thriving)" };
    }

    private static PdfTable RiskTable() => new(
        [new PdfTableColumn("Risk", 2.2f), new PdfTableColumn("Mitigating actions", 3.2f), new PdfTableColumn("Current score", 1, PdfAlignment.Centre), new PdfTableColumn("Target score", 1, PdfAlignment.Centre)],
        [
            [
                "If PCNs cannot recruit to additional roles, unclaimed funding returns to NHS England",
                new PdfTableCell(new PdfBulletList("Monthly recruitment tracker shared with PCNs", "Shared roles across PCNs", "Workforce hub support for advertising")),
                new PdfTableCell("12") { Shade = PdfShade.High },
                new PdfTableCell("6") { Shade = PdfShade.Low },
            ],
            [
                "Claims above the maximum sum",
                new PdfTableCell(new PdfParagraph("Rule ARRS-CAP stops claims above the maximum before payment.")),
                new PdfTableCell("8") { Shade = PdfShade.Medium },
                new PdfTableCell("4") { Shade = PdfShade.Lowest },
            ],
        ]);

    private static PdfBarChart Chart() => new(
        ["Q1", "Q2", "Q3", "Q4"],
        [new PdfChartSeries("Claimed", [2410, 3120, 3380, 3995], v => $"£{v:#,##0}k"), new PdfChartSeries("Planned", [2500, 3000, 3500, 4000], v => $"£{v:#,##0}k")])
    {
        Caption = "Figure 1: ARRS claims by quarter, £ thousands",
        AltText = "Bar chart of ARRS claims by quarter 2026/27 in £ thousands: Q1 2,410; Q2 3,120; Q3 3,380; Q4 3,995.",
    };
}

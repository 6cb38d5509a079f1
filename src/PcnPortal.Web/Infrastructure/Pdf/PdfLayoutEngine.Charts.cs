namespace PcnPortal.Web.Infrastructure.Pdf;

public sealed partial class PdfLayoutEngine
{
    private sealed partial class Run
    {
        private const float ChartTextSize = 7.5f;
        private const uint White = 0xFFFFFFFF;

        /// <summary>A chart's drawing in figure coordinates (0,0 = top-left of the figure) and its height.</summary>
        private sealed record ChartDrawing(List<PdfDrawOp> Ops, float Height);

        private float CaptionLineHeight => (t.BodySize * t.LineSpacing) + 2;

        private float ChartHeight(PdfChart chart) => (chart.Caption is null ? 0 : CaptionLineHeight) + Draw(chart).Height;

        private ChartDrawing Draw(PdfChart chart) => chart switch
        {
            PdfBarChart bars => DrawBars(bars),
            PdfHeatmap heatmap => DrawHeatmap(heatmap),
            _ => throw new NotSupportedException($"Chart type {chart.GetType().Name} is not supported."),
        };

        private void PlaceChart(int index, PdfChart chart)
        {
            if (string.IsNullOrWhiteSpace(chart.AltText))
            {
                throw new ArgumentException("A chart needs alternative text stating what it shows and its key numbers.", nameof(chart));
            }

            var drawing = Draw(chart);
            var total = (chart.Caption is null ? 0 : CaptionLineHeight) + drawing.Height;
            if (!PageIsEmpty && total > Remaining)
            {
                NewPage();
            }

            var top = y;
            if (chart.Caption is not null)
            {
                var line = FlowOf([new PdfParagraph(new PdfTextRun(chart.Caption, Bold: true))], Width, t.BodySize, true, PdfAlignment.Left, 0)[0];
                Tag(PdfTag.P);
                DrawLine(line, Left, y, t.TextColour);
                End();
                y += CaptionLineHeight;
            }

            page.Ops.Add(new PdfTagOp(PdfTag.Figure) { AltText = chart.AltText, Left = Left, Top = y, Right = Left + Width, Bottom = y + drawing.Height });
            foreach (var op in drawing.Ops)
            {
                page.Ops.Add(Offset(op, Left, y));
            }

            End();
            y += drawing.Height;
            page.ItemList.Add(new PdfPlacedItem(PdfItemKind.Figure, index, chart.Caption ?? chart.AltText, Left, top, Width, y - top));
        }

        private static PdfDrawOp Offset(PdfDrawOp op, float dx, float dy) => op switch
        {
            PdfTextOp text => text with { X = text.X + dx, Baseline = text.Baseline + dy },
            PdfRectOp rect => rect with { Left = rect.Left + dx, Right = rect.Right + dx, Top = rect.Top + dy, Bottom = rect.Bottom + dy },
            PdfLineOp line => line with { X1 = line.X1 + dx, X2 = line.X2 + dx, Y1 = line.Y1 + dy, Y2 = line.Y2 + dy },
            _ => op,
        };

        /// <summary>Text lines wrapped to a width (at most <paramref name="maxLines"/>, the last cut with an ellipsis).</summary>
        private List<string> ChartLines(string text, PdfFontStyle style, float size, float width, int maxLines)
        {
            var lines = m.Wrap([new PdfTextRun(text, Bold: style == PdfFontStyle.Bold)], size, width).Select(l => l.PlainText).ToList();
            if (lines.Count > maxLines)
            {
                lines = lines.Take(maxLines).ToList();
                lines[^1] = Truncate(lines[^1] + " …", style, size, width);
            }

            return lines;
        }

        private void ChartText(List<PdfDrawOp> ops, string text, float x, float baseline, PdfFontStyle style, float size, uint colour, PdfAlignment align = PdfAlignment.Left)
        {
            var w = m.Measure(text, style, size);
            var left = align switch
            {
                PdfAlignment.Right => x - w,
                PdfAlignment.Centre => x - (w / 2),
                _ => x,
            };
            ops.Add(new PdfTextOp(left, baseline, text, style, size, colour));
        }

        private void Legend(List<PdfDrawOp> ops, float top, IEnumerable<(uint Fill, uint Stroke, float StrokeWidth, string Label)> entries)
        {
            var x = 0f;
            var size = ChartTextSize;
            foreach (var (fill, stroke, strokeWidth, label) in entries)
            {
                var w = m.Measure(label, PdfFontStyle.Regular, size);
                if (x > 0 && x + 14 + w > Width)
                {
                    x = 0;
                    top += 13;
                }

                ops.Add(new PdfRectOp(x, top + 1, x + 10, top + 9, fill, stroke, strokeWidth));
                ChartText(ops, label, x + 14, top + 8, PdfFontStyle.Regular, size, t.TextColour);
                x += 14 + w + 14;
            }
        }

        private float LegendHeight(IEnumerable<string> labels)
        {
            var x = 0f;
            var rows = 1;
            foreach (var label in labels)
            {
                var w = m.Measure(label, PdfFontStyle.Regular, ChartTextSize);
                if (x > 0 && x + 14 + w > Width)
                {
                    x = 0;
                    rows++;
                }

                x += 14 + w + 14;
            }

            return rows * 13;
        }

        // ---------- bar chart ----------
        private ChartDrawing DrawBars(PdfBarChart chart)
        {
            var ops = new List<PdfDrawOp>();
            var size = ChartTextSize;
            var lineHeight = size * 1.25f;
            var labelWidth = Width * 0.3f;
            var barArea = Width - labelWidth - 8;
            var valueSpace = chart.Series.SelectMany(s => s.Labels).Select(l => m.Measure(l, PdfFontStyle.Regular, size)).DefaultIfEmpty(0).Max() + 6;
            var barMax = Math.Max(20, barArea - valueSpace);
            var max = chart.Series.SelectMany(s => s.Values).Where(v => v > 0).DefaultIfEmpty(1).Max();
            const float barHeight = 8f;
            const float barGap = 2f;
            const float groupGap = 6f;
            var fills = new[] { t.NhsBlue, White };
            var strokes = new[] { t.NhsBlue, 0xFF231F20 };

            var yy = 2f;
            var axisX = labelWidth + 8;
            for (var c = 0; c < chart.Categories.Count; c++)
            {
                var bars = chart.Series.Count;
                var groupHeight = Math.Max((bars * barHeight) + ((bars - 1) * barGap), 0);
                var labels = ChartLines(chart.Categories[c], PdfFontStyle.Regular, size, labelWidth, 2);
                var labelHeight = labels.Count * lineHeight;
                var height = Math.Max(groupHeight, labelHeight);
                var labelTop = yy + ((height - labelHeight) / 2);
                for (var l = 0; l < labels.Count; l++)
                {
                    ChartText(ops, labels[l], labelWidth, labelTop + ((l + 1) * lineHeight) - 2, PdfFontStyle.Regular, size, t.TextColour, PdfAlignment.Right);
                }

                var barTop = yy + ((height - groupHeight) / 2);
                for (var s = 0; s < bars; s++)
                {
                    var value = chart.Series[s].Values[c];
                    var length = value <= 0 ? 0 : (float)(value / max * barMax);
                    if (length > 0)
                    {
                        ops.Add(new PdfRectOp(axisX, barTop, axisX + Math.Max(length, 1), barTop + barHeight, fills[s], strokes[s], s == 0 ? 0 : 1f));
                    }

                    ChartText(ops, chart.Series[s].Labels[c], axisX + length + 4, barTop + barHeight - 1.5f, PdfFontStyle.Regular, size, t.TextColour);
                    barTop += barHeight + barGap;
                }

                yy += height + groupGap;
            }

            ops.Add(new PdfLineOp(axisX, 0, axisX, yy - groupGap + 2, t.SecondaryTextColour, 0.75f));
            yy += 4;
            Legend(ops, yy, chart.Series.Select((s, i) => (fills[i], strokes[i], i == 0 ? 0f : 1f, i == 0 ? $"{s.Name} (filled bar)" : $"{s.Name} (outlined bar)")));
            yy += LegendHeight(chart.Series.Select((s, i) => i == 0 ? $"{s.Name} (filled bar)" : $"{s.Name} (outlined bar)")) + 2;
            return new ChartDrawing(ops, yy);
        }

        // ---------- heatmap ----------
        private ChartDrawing DrawHeatmap(PdfHeatmap map)
        {
            var ops = new List<PdfDrawOp>();
            var size = ChartTextSize;
            var lineHeight = size * 1.2f;
            var unit = Width / (map.RowLabelWidth + Math.Max(1, map.Columns.Count));
            var labelWidth = unit * map.RowLabelWidth;
            var columnWidth = unit;
            var inner = columnWidth - 4;

            // Column headers wrapped to at most five lines (a maturity domain name such as "Working in partnership with people and
            // communities" takes four), bottom-aligned.
            var headers = map.Columns.Select(c => ChartLines(c, PdfFontStyle.Bold, size, inner, 5)).ToList();
            var headerHeight = (headers.Select(h => h.Count).DefaultIfEmpty(1).Max() * lineHeight) + 4;
            for (var c = 0; c < headers.Count; c++)
            {
                var centre = labelWidth + (c * columnWidth) + (columnWidth / 2);
                var offset = headerHeight - 4 - (headers[c].Count * lineHeight);
                for (var l = 0; l < headers[c].Count; l++)
                {
                    ChartText(ops, headers[c][l], centre, offset + ((l + 1) * lineHeight) - 2, PdfFontStyle.Bold, size, t.TextColour, PdfAlignment.Centre);
                }
            }

            // Cell text wrapped to two lines; the row height fits the tallest cell or row label.
            var cellLines = map.Cells.Select(r => r.Select(c => ChartLines(c.Text, PdfFontStyle.Regular, size, inner, 2)).ToList()).ToList();
            var rowLabels = map.Rows.Select(r => ChartLines(r, PdfFontStyle.Regular, size, labelWidth - 6, 2)).ToList();
            var yy = headerHeight;
            for (var r = 0; r < map.Rows.Count; r++)
            {
                var lines = Math.Max(rowLabels[r].Count, cellLines[r].Select(c => c.Count).DefaultIfEmpty(1).Max());
                var rowHeight = (lines * lineHeight) + 5;
                var labelTop = yy + ((rowHeight - (rowLabels[r].Count * lineHeight)) / 2);
                for (var l = 0; l < rowLabels[r].Count; l++)
                {
                    ChartText(ops, rowLabels[r][l], 0, labelTop + ((l + 1) * lineHeight) - 2, PdfFontStyle.Regular, size, t.TextColour);
                }

                for (var c = 0; c < map.Columns.Count; c++)
                {
                    var cell = map.Cells[r][c];
                    var x = labelWidth + (c * columnWidth);
                    var fill = cell.Shade == PdfShade.None ? White : t.ShadeColour(cell.Shade);
                    ops.Add(new PdfRectOp(x, yy, x + columnWidth, yy + rowHeight, fill, White, 1f));
                    var colour = t.ShadeNeedsLightText(cell.Shade) ? White : t.TextColour;
                    var text = cellLines[r][c];
                    var textTop = yy + ((rowHeight - (text.Count * lineHeight)) / 2);
                    for (var l = 0; l < text.Count; l++)
                    {
                        ChartText(ops, text[l], x + (columnWidth / 2), textTop + ((l + 1) * lineHeight) - 2, PdfFontStyle.Regular, size, colour, PdfAlignment.Centre);
                    }
                }

                yy += rowHeight;
            }

            yy += 6;
            Legend(ops, yy, map.Legend.Select(e => (e.Shade == PdfShade.None ? White : t.ShadeColour(e.Shade), t.BorderColour, 0.5f, e.Label)));
            yy += LegendHeight(map.Legend.Select(e => e.Label)) + 2;
            return new ChartDrawing(ops, yy);
        }
    }
}

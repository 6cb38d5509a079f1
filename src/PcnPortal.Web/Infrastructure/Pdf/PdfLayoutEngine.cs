namespace PcnPortal.Web.Infrastructure.Pdf;

/// <summary>
/// Lays a <see cref="PdfDocumentModel"/> out on A4 pages to completion (so page totals and heading pages are known)
/// before anything is drawn. Measures with the fonts PDFsharp draws with; produces engine-neutral draw operations,
/// including the structure (tags) and artefact markers of a tagged PDF.
/// </summary>
public sealed partial class PdfLayoutEngine
{
    private const uint White = 0xFFFFFFFF;
    private const uint Transparent = 0x00000000;

    private readonly PdfTheme theme;

    public PdfLayoutEngine(PdfTheme? theme = null) => this.theme = theme ?? PdfTheme.Default;

    public PdfLayout Layout(PdfDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var run = new Run(model, theme);
        return run.Execute();
    }

    private sealed record FlowLine(
        float Top,
        float Height,
        float Size,
        PdfFontStyle BaselineStyle,
        IReadOnlyList<PdfSegment> Segments,
        float OffsetX,
        string? Bullet,
        float BulletX,
        PdfItemKind Kind,
        string PlainText,
        float Width,
        bool SpaceAfter,
        int Block,
        int Item,
        int Level)
    {
        public float Bottom => Top + Height;
    }

    private sealed record CellSpec(List<FlowLine> Lines, uint Fill, uint TextColour)
    {
        public float ContentHeight => Lines.Count == 0 ? 0 : Lines[^1].Bottom;
    }

    private sealed record TableSpec(
        int BlockIndex,
        float[] ColumnWidths,
        List<CellSpec>? Header,
        List<List<CellSpec>> Rows,
        PdfItemKind RowKind,
        string? Caption,
        List<string> RowTexts,
        string HeaderText);

    private sealed partial class Run : IDisposable
    {
        private readonly PdfDocumentModel model;
        private readonly PdfTheme t;
        private readonly PdfTextMeasurer m = new();
        private readonly List<PdfLaidOutPage> pages = [];
        private readonly List<PdfContentsEntry> contents = [];
        private readonly Dictionary<int, string> destinations = [];
        private PdfLaidOutPage page = null!;
        private float y;

        public Run(PdfDocumentModel model, PdfTheme theme)
        {
            this.model = model;
            t = theme;
            for (var i = 0; i < model.Blocks.Count; i++)
            {
                if (model.Blocks[i] is PdfHeading)
                {
                    destinations[i] = $"h{i}";
                }
            }
        }

        private float Left => t.MarginLeft;
        private float Width => t.ContentWidth;
        private float Remaining => t.ContentBottom - y;
        private bool PageIsEmpty => y <= t.ContentTop + 0.01f;

        public PdfLayout Execute()
        {
            NewPage();
            for (var i = 0; i < model.Blocks.Count; i++)
            {
                var block = model.Blocks[i];
                switch (block)
                {
                    case PdfHeading h: PlaceHeading(i, h); break;
                    case PdfParagraph p: PlaceFlow(i, FlowOf([p], Width, t.BodySize, false, PdfAlignment.Left, t.ParagraphGap)); Gap(t.ParagraphGap); break;
                    case PdfBulletList b: PlaceFlow(i, FlowOf([b], Width, t.BodySize, false, PdfAlignment.Left, t.ParagraphGap)); Gap(t.ParagraphGap); break;
                    case PdfTable table: PlaceTable(TableOf(i, table)); Gap(t.ParagraphGap + 4); break;
                    case PdfKeyValueTable kv: PlaceTable(TableOf(i, kv)); Gap(t.ParagraphGap + 4); break;
                    case PdfChart chart: PlaceChart(i, chart); Gap(t.ParagraphGap + 4); break;
                    case PdfPageBreak:
                        if (!PageIsEmpty)
                        {
                            NewPage();
                        }

                        break;
                    case PdfContentsList list: PlaceContents(i, list); break;
                    case PdfSpacer s:
                        if (s.HeightPoints > Remaining)
                        {
                            NewPage();
                        }
                        else
                        {
                            page.ItemList.Add(new PdfPlacedItem(PdfItemKind.Spacer, i, "", Left, y, Width, s.HeightPoints));
                            y += s.HeightPoints;
                        }

                        break;
                    default:
                        throw new NotSupportedException($"PDF block type {block.GetType().Name} is not supported by the layout engine.");
                }
            }

            Finish();
            return new PdfLayout(model, t, pages, contents);
        }

        private void Gap(float gap) => y = Math.Min(y + gap, t.ContentBottom);

        private void NewPage()
        {
            page = new PdfLaidOutPage(pages.Count + 1);
            pages.Add(page);
            y = t.ContentTop;
        }

        // ---------- running header, footer, marking ----------
        private void Finish()
        {
            var total = pages.Count;
            var pageOfDestination = contents.ToDictionary(c => c.Destination, c => c.PageNumber);
            foreach (var p in pages)
            {
                p.Ops.Add(PdfArtifactOp.Start);
                var size = t.RunningTextSize;
                var headerBaseline = t.MarginTop - 22;
                if (!string.IsNullOrEmpty(model.ConfidentialMarking))
                {
                    Centred(p, model.ConfidentialMarking, headerBaseline - 14, PdfItemKind.Marking);
                    Centred(p, model.ConfidentialMarking, t.PageHeight - 16, PdfItemKind.Marking);
                }

                var leftWidth = 0f;
                if (!string.IsNullOrEmpty(model.HeaderLeft))
                {
                    leftWidth = m.Measure(model.HeaderLeft, PdfFontStyle.Bold, size);
                    RunningText(p, model.HeaderLeft, Left, headerBaseline, PdfFontStyle.Bold, PdfItemKind.RunningHeader);
                }

                if (!string.IsNullOrEmpty(model.HeaderRight))
                {
                    var text = Truncate(model.HeaderRight, PdfFontStyle.Regular, size, Width - leftWidth - 24);
                    var w = m.Measure(text, PdfFontStyle.Regular, size);
                    RunningText(p, text, Left + Width - w, headerBaseline, PdfFontStyle.Regular, PdfItemKind.RunningHeader);
                }

                p.Ops.Add(new PdfLineOp(Left, headerBaseline + 6, Left + Width, headerBaseline + 6, t.BorderColour, 0.5f));

                var footerBaseline = t.ContentBottom + 26;
                p.Ops.Add(new PdfLineOp(Left, footerBaseline - 11, Left + Width, footerBaseline - 11, t.BorderColour, 0.5f));
                var pageText = $"Page {p.Number} of {total}";
                p.FooterRight = pageText;
                var pw = m.Measure(pageText, PdfFontStyle.Regular, size);
                if (!string.IsNullOrEmpty(model.FooterLeft))
                {
                    var text = Truncate(model.FooterLeft, PdfFontStyle.Regular, size, Width - pw - 24);
                    RunningText(p, text, Left, footerBaseline, PdfFontStyle.Regular, PdfItemKind.Footer);
                }

                RunningText(p, pageText, Left + Width - pw, footerBaseline, PdfFontStyle.Regular, PdfItemKind.Footer);
                p.Ops.Add(PdfArtifactOp.Stop);

                // Contents page numbers are only known now.
                for (var i = 0; i < p.Ops.Count; i++)
                {
                    if (p.Ops[i] is PdfTextOp { PageNumberOf: { } dest } op)
                    {
                        var number = pageOfDestination.TryGetValue(dest, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
                        var w = m.Measure(number, op.Style, op.Size);
                        p.Ops[i] = op with { Text = number, X = op.RightEdge - w };
                    }
                }
            }
        }

        private void RunningText(PdfLaidOutPage p, string text, float x, float baseline, PdfFontStyle style, PdfItemKind kind)
        {
            var size = t.RunningTextSize;
            p.Ops.Add(new PdfTextOp(x, baseline, text, style, size, t.SecondaryTextColour));
            p.ItemList.Add(new PdfPlacedItem(kind, -1, text, x, baseline - size, m.Measure(text, style, size), size * t.LineSpacing));
        }

        private void Centred(PdfLaidOutPage p, string text, float baseline, PdfItemKind kind)
        {
            var size = t.RunningTextSize + 1;
            var w = m.Measure(text, PdfFontStyle.Bold, size);
            var x = (t.PageWidth - w) / 2;
            p.Ops.Add(new PdfTextOp(x, baseline, text, PdfFontStyle.Bold, size, t.ConfidentialColour));
            p.ItemList.Add(new PdfPlacedItem(kind, -1, text, x, baseline - size, w, size * t.LineSpacing));
        }

        private string Truncate(string text, PdfFontStyle style, float size, float maxWidth)
        {
            if (m.Measure(text, style, size) <= maxWidth)
            {
                return text;
            }

            var count = m.FittingLength(text, style, size, Math.Max(0, maxWidth - m.Measure("…", style, size)));
            return text[..Math.Max(0, count)].TrimEnd() + "…";
        }

        // ---------- headings ----------
        private (float Size, float Before, float After, uint Colour) HeadingStyle(int level) => level switch
        {
            1 => (t.Heading1Size, 14f, 6f, t.NhsBlue),
            2 => (t.Heading2Size, 10f, 4f, t.NhsBlue),
            _ => (t.Heading3Size, 8f, 3f, t.TextColour),
        };

        private float HeadingHeight(PdfHeading h, bool atTop)
        {
            var (size, before, after, _) = HeadingStyle(h.Level);
            var lines = m.Wrap([new PdfTextRun(h.DisplayText, Bold: true)], size, Width);
            return (atTop ? 0 : before) + (lines.Count * size * t.LineSpacing) + after;
        }

        private void PlaceHeading(int index, PdfHeading h)
        {
            // Keep with next: the heading, any headings straight after it and the start of the following block share a page.
            var need = KeepTogetherHeight(index, PageIsEmpty);
            if (!PageIsEmpty && need > Remaining && need <= t.ContentHeight)
            {
                NewPage();
            }
            else if (!PageIsEmpty && need > t.ContentHeight && HeadingHeight(h, false) + (3 * t.BodySize * t.LineSpacing) > Remaining)
            {
                NewPage();
            }

            var (size, before, after, colour) = HeadingStyle(h.Level);
            if (!PageIsEmpty)
            {
                y += before;
            }

            var dest = destinations[index];
            page.Ops.Add(new PdfDestinationOp(Left, y, dest));
            var lines = m.Wrap([new PdfTextRun(h.DisplayText, Bold: true)], size, Width);
            var lineHeight = size * t.LineSpacing;
            var top = y;
            Tag(h.Level switch { 1 => PdfTag.H1, 2 => PdfTag.H2, _ => PdfTag.H3 });
            foreach (var line in lines)
            {
                var baseline = y + m.BaselineOffset(PdfFontStyle.Bold, size, lineHeight);
                DrawSegments(line.Segments, line.SpaceAfter, Left, baseline, size, colour);

                y += lineHeight;
            }

            End();
            page.ItemList.Add(new PdfPlacedItem(PdfItemKind.Heading, index, h.DisplayText, Left, top, Width, y - top));
            contents.Add(new PdfContentsEntry(index, h.Level, h.DisplayText, page.Number, dest));
            y += after;
        }

        private float KeepTogetherHeight(int index, bool atTop)
        {
            var h = (PdfHeading)model.Blocks[index];
            var height = HeadingHeight(h, atTop);
            if (index + 1 >= model.Blocks.Count)
            {
                return height;
            }

            return model.Blocks[index + 1] switch
            {
                PdfHeading => height + KeepTogetherHeight(index + 1, false),
                PdfParagraph or PdfBulletList => height + IntroHeight(index + 1),
                PdfTable table => height + TableStartHeight(TableOf(index + 1, table)),
                PdfKeyValueTable kv => height + TableStartHeight(TableOf(index + 1, kv)),
                PdfChart chart => height + ChartHeight(chart),
                PdfContentsList => height + (3 * t.BodySize * t.LineSpacing),
                _ => height,
            };
        }

        /// <summary>
        /// The start of a paragraph or list after a heading. A short introduction (up to 3 lines) that leads into a
        /// table or figure stays with the start of that table or figure too, so the heading is not separated from it.
        /// </summary>
        private float IntroHeight(int index)
        {
            var lines = FlowOf([model.Blocks[index]], Width, t.BodySize, false, PdfAlignment.Left, t.ParagraphGap);
            if (lines.Count <= 3 && index + 1 < model.Blocks.Count)
            {
                var lead = lines[^1].Bottom + t.ParagraphGap;
                var next = model.Blocks[index + 1] switch
                {
                    PdfTable table => TableStartHeight(TableOf(index + 1, table)),
                    PdfKeyValueTable kv => TableStartHeight(TableOf(index + 1, kv)),
                    PdfChart chart => ChartHeight(chart),
                    _ => -1f,
                };
                if (next >= 0)
                {
                    return lead + next;
                }
            }

            return FirstLinesHeight(lines, 2);
        }

        private static float FirstLinesHeight(List<FlowLine> lines, int count) =>
            lines.Count == 0 ? 0 : lines[Math.Min(count, lines.Count) - 1].Bottom;

        // ---------- paragraphs and bullets ----------
        private List<FlowLine> FlowOf(IReadOnlyList<PdfBlock> blocks, float width, float size, bool bold, PdfAlignment alignment, float blockGap)
        {
            var lines = new List<FlowLine>();
            var top = 0f;
            var lineHeight = size * t.LineSpacing;
            var style = bold ? PdfFontStyle.Bold : PdfFontStyle.Regular;

            void Add(List<PdfTextLine> wrapped, float indent, float available, string? bullet, float bulletX, PdfItemKind kind, PdfAlignment align, int block, int item, int level)
            {
                for (var i = 0; i < wrapped.Count; i++)
                {
                    var line = wrapped[i];
                    var offset = indent + align switch
                    {
                        PdfAlignment.Right => available - line.Width,
                        PdfAlignment.Centre => (available - line.Width) / 2,
                        _ => 0,
                    };
                    lines.Add(new FlowLine(top, lineHeight, size, style, line.Segments, offset, i == 0 ? bullet : null, bulletX, kind, line.PlainText, line.Width, line.SpaceAfter, block, item, level));
                    top += lineHeight;
                }
            }

            for (var b = 0; b < blocks.Count; b++)
            {
                if (b > 0)
                {
                    top += blockGap;
                }

                switch (blocks[b])
                {
                    case PdfParagraph p:
                        var align = p.Alignment == PdfAlignment.Left ? alignment : p.Alignment;
                        Add(m.Wrap(p.Runs, size, width, bold), 0, width, null, 0, PdfItemKind.TextLine, align, b, -1, -1);
                        break;
                    case PdfBulletList list:
                        var first = true;
                        var itemIndex = 0;
                        foreach (var (item, level) in Flatten(list.Items, 0))
                        {
                            if (!first)
                            {
                                top += size * 0.25f;
                            }

                            first = false;
                            var bulletX = level == 0 ? 2f : 16f;
                            var indent = level == 0 ? 13f : 27f;
                            var wrapped = m.Wrap(item.Runs, size, width - indent, bold);
                            Add(wrapped, indent, width - indent, level == 0 ? "•" : "–", bulletX, PdfItemKind.BulletLine, PdfAlignment.Left, b, itemIndex++, level);
                        }

                        break;
                    default:
                        throw new NotSupportedException($"{blocks[b].GetType().Name} cannot be used inside a table cell or cover-sheet row; use paragraphs and bullet lists.");
                }
            }

            return lines;
        }

        private static IEnumerable<(PdfBulletItem Item, int Level)> Flatten(IReadOnlyList<PdfBulletItem> items, int level)
        {
            foreach (var item in items)
            {
                yield return (item, Math.Min(level, 1));
                foreach (var child in Flatten(item.Children, level + 1))
                {
                    yield return child;
                }
            }
        }

        private void PlaceFlow(int index, List<FlowLine> lines)
        {
            if (lines.Count == 0)
            {
                return;
            }

            var origin = y - lines[0].Top;
            var flow = new FlowState(Wrap: true);
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                var top = origin + line.Top;
                var fitsHere = top + line.Height <= t.ContentBottom + 0.01f;

                // Avoid an orphan: do not leave a lone first line of a multi-line block at the foot of a page.
                var orphan = i == 0 && lines.Count > 1 && fitsHere && origin + lines[1].Bottom > t.ContentBottom + 0.01f;
                if ((!fitsHere || orphan) && !PageIsEmptyAt(top))
                {
                    NewPage();
                    origin = y - line.Top;
                    top = y;
                }

                DrawLine(line, Left, top, t.TextColour, flow);
                page.ItemList.Add(new PdfPlacedItem(line.Kind, index, line.PlainText, Left + line.OffsetX, top, line.Width, line.Height));
                y = top + line.Height;
            }

            CloseFlow(flow);
        }

        private bool PageIsEmptyAt(float top) => PageIsEmpty && top <= t.ContentTop + 0.01f;

        /// <summary>
        /// Draws one line of a flow. With <paramref name="flow"/> it also writes the structure: a paragraph (when the flow
        /// wraps paragraphs) or list, item, label and body, nested for sub-items; without it the line is untagged
        /// (inside an artefact or an element that holds the text directly).
        /// </summary>
        private void DrawLine(FlowLine line, float left, float top, uint colour, FlowState? flow = null)
        {
            var baseline = top + m.BaselineOffset(line.BaselineStyle, line.Size, line.Height);
            if (flow is not null)
            {
                if (line.Block != flow.Block)
                {
                    CloseFlow(flow);
                    flow.Block = line.Block;
                    if (line.Item < 0 && flow.Wrap)
                    {
                        Tag(PdfTag.P);
                        flow.ParagraphOpen = true;
                    }
                }

                if (line.Item >= 0 && line.Bullet is not null)
                {
                    OpenListItem(flow, line.Level);
                    Tag(PdfTag.Lbl);
                    page.Ops.Add(new PdfTextOp(left + line.BulletX, baseline, line.Bullet, PdfFontStyle.Regular, line.Size, colour));
                    End();
                    Tag(PdfTag.LBody);
                    flow.ItemOpen = true;
                }
            }
            else if (line.Bullet is not null)
            {
                page.Ops.Add(new PdfTextOp(left + line.BulletX, baseline, line.Bullet, PdfFontStyle.Regular, line.Size, colour));
            }

            DrawSegments(line.Segments, line.SpaceAfter, left + line.OffsetX, baseline, line.Size, colour);
        }

        /// <summary>
        /// Draws a line's segments. The spaces between segments and at a soft line break are written as space characters
        /// (invisible, placed where the gap is), so text extraction and screen readers keep the words apart.
        /// </summary>
        private void DrawSegments(IReadOnlyList<PdfSegment> segments, bool spaceAfter, float x, float baseline, float size, uint colour)
        {
            for (var i = 0; i < segments.Count; i++)
            {
                var s = segments[i];
                var text = s.Text;
                var left = x + s.X;
                if (i > 0 && PdfTextLine.NeedsSpace(segments[i - 1], s))
                {
                    text = " " + text;
                    left -= m.Measure(" ", s.Style, size);
                }

                if (i == segments.Count - 1 && spaceAfter)
                {
                    text += " ";
                }

                page.Ops.Add(new PdfTextOp(left, baseline, text, s.Style, size, colour));
            }
        }

        private sealed record FlowState(bool Wrap)
        {
            public int Block { get; set; } = -1;
            public bool ParagraphOpen { get; set; }
            public int ListDepth { get; set; }
            public bool ItemOpen { get; set; }
        }

        private void Tag(PdfTag tag) => page.Ops.Add(new PdfTagOp(tag));

        private void End() => page.Ops.Add(PdfEndTagOp.Instance);

        private void OpenListItem(FlowState flow, int level)
        {
            if (flow.ListDepth == 0)
            {
                Tag(PdfTag.L);
                flow.ListDepth = 1;
                flow.ItemOpen = false;
            }

            while (flow.ListDepth > level + 1)
            {
                if (flow.ItemOpen)
                {
                    End(); // LBody
                    End(); // LI
                }

                End(); // nested L
                flow.ListDepth--;
                flow.ItemOpen = true;
            }

            if (flow.ListDepth < level + 1 && flow.ItemOpen)
            {
                Tag(PdfTag.L); // a sub-list inside the open item's body
                flow.ListDepth++;
                flow.ItemOpen = false;
            }

            if (flow.ItemOpen)
            {
                End(); // LBody
                End(); // LI
            }

            Tag(PdfTag.LI);
            flow.ItemOpen = false;
        }

        private void CloseFlow(FlowState flow)
        {
            if (flow.ParagraphOpen)
            {
                End();
                flow.ParagraphOpen = false;
            }

            while (flow.ListDepth > 0)
            {
                if (flow.ItemOpen)
                {
                    End(); // LBody
                    End(); // LI
                }

                End(); // L
                flow.ListDepth--;
                flow.ItemOpen = flow.ListDepth > 0;
            }

            flow.Block = -1;
        }

        // ---------- tables ----------
        private TableSpec TableOf(int index, PdfTable table)
        {
            var widths = ColumnWidths(table);
            List<CellSpec>? header = null;
            if (table.ShowHeader)
            {
                header = table.Columns.Select((c, ci) => new CellSpec(
                    FlowOf([new PdfParagraph(c.Header)], InnerWidth(widths[ci]), t.TableSize, true, c.Alignment, 2), t.NhsBlue, White)).ToList();
            }

            var rows = table.Rows.Select(row => row.Select((cell, ci) => new CellSpec(
                FlowOf(cell.Content, InnerWidth(widths[ci]), t.TableSize, cell.Bold, table.Columns[ci].Alignment, 3),
                t.ShadeColour(cell.Shade),
                t.ShadeNeedsLightText(cell.Shade) ? White : t.TextColour)).ToList()).ToList();
            var texts = table.Rows.Select(row => string.Join(" | ", row.Select(c => PlainText(c.Content)))).ToList();
            return new TableSpec(index, widths, header, rows, PdfItemKind.TableRow, table.Caption, texts, string.Join(" | ", table.Columns.Select(c => c.Header)));
        }

        /// <summary>
        /// Each column's share of the width, widened where needed so that no word of its header is broken ("Reimburs/ed"):
        /// the extra is taken from columns with room to spare, in proportion to that room. When the headers' longest
        /// words do not all fit across the page, the shares stand and a too-long word breaks.
        /// </summary>
        private float[] ColumnWidths(PdfTable table)
        {
            var total = table.Columns.Sum(c => Math.Max(0.01f, c.RelativeWidth));
            var widths = table.Columns.Select(c => Width * Math.Max(0.01f, c.RelativeWidth) / total).ToArray();
            if (!table.ShowHeader)
            {
                return widths;
            }

            var least = table.Columns.Select(c => c.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => m.Measure(w, PdfFontStyle.Bold, t.TableSize)).DefaultIfEmpty(0).Max() + (2 * t.CellPaddingX) + 0.5f).ToArray();
            var needed = widths.Select((w, i) => Math.Max(0, least[i] - w)).Sum();
            var room = widths.Select((w, i) => Math.Max(0, w - least[i])).Sum();
            if (needed <= 0 || needed > room)
            {
                return widths;
            }

            return [.. widths.Select((w, i) => w < least[i] ? least[i] : w - (needed * (w - least[i]) / room))];
        }

        private TableSpec TableOf(int index, PdfKeyValueTable kv)
        {
            var labelWidth = Width * Math.Clamp(kv.LabelRelativeWidth, 0.1f, 0.9f);
            var widths = new[] { labelWidth, Width - labelWidth };
            var rows = kv.Rows.Select(r => new List<CellSpec>
            {
                new(FlowOf([new PdfParagraph(r.Label)], InnerWidth(widths[0]), t.TableSize + 0.5f, true, PdfAlignment.Left, 3), t.LabelBackground, t.TextColour),
                new(FlowOf(r.Content, InnerWidth(widths[1]), t.TableSize + 0.5f, false, PdfAlignment.Left, 4), Transparent, t.TextColour),
            }).ToList();
            var texts = kv.Rows.Select(r => r.Label + " | " + PlainText(r.Content)).ToList();
            return new TableSpec(index, widths, null, rows, PdfItemKind.KeyValueRow, null, texts, "");
        }

        private static string PlainText(IReadOnlyList<PdfBlock> blocks) => string.Join(" ", blocks.Select(b => b switch
        {
            PdfParagraph p => string.Concat(p.Runs.Select(r => r.Text)),
            PdfBulletList l => string.Join(" ", Flatten(l.Items, 0).Select(i => string.Concat(i.Item.Runs.Select(r => r.Text)))),
            _ => "",
        }));

        private float InnerWidth(float columnWidth) => Math.Max(1, columnWidth - (2 * t.CellPaddingX));

        private float RowHeight(List<CellSpec> row) => row.Max(c => c.ContentHeight) + (2 * t.CellPaddingY);

        private float CaptionHeight(TableSpec table) => table.Caption is null ? 0 : (t.BodySize * t.LineSpacing) + 2;

        private float TableStartHeight(TableSpec table) =>
            CaptionHeight(table) + (table.Header is null ? 0 : RowHeight(table.Header)) + (table.Rows.Count == 0 ? 0 : Math.Min(RowHeight(table.Rows[0]), t.ContentHeight / 3));

        private void PlaceTable(TableSpec table)
        {
            if (!PageIsEmpty && TableStartHeight(table) > Remaining)
            {
                NewPage();
            }

            Tag(PdfTag.Table);
            if (table.Caption is not null)
            {
                var line = FlowOf([new PdfParagraph(new PdfTextRun(table.Caption, Bold: true))], Width, t.BodySize, true, PdfAlignment.Left, 0)[0];
                Tag(PdfTag.Caption);
                DrawLine(line, Left, y, t.TextColour);
                End();
                page.ItemList.Add(new PdfPlacedItem(PdfItemKind.TableCaption, table.BlockIndex, table.Caption, Left, y, line.Width, line.Height));
                y += CaptionHeight(table);
            }

            var headerHeight = table.Header is null ? 0 : RowHeight(table.Header);
            if (table.Header is not null)
            {
                Tag(PdfTag.THead);
                DrawRow(table, table.Header, null, false);
                End();
            }

            Tag(PdfTag.TBody);
            PlaceRows(table, headerHeight);
            End(); // TBody
            End(); // Table
        }

        private void PlaceRows(TableSpec table, float headerHeight)
        {
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var height = RowHeight(row);
                if (height <= Remaining + 0.01f)
                {
                    DrawRow(table, row, r, false);
                    continue;
                }

                if (height <= t.ContentHeight - headerHeight)
                {
                    ContinueTableOnNewPage(table);
                    DrawRow(table, row, r, false);
                    continue;
                }

                // Last resort: the row is taller than a page, so split it between lines.
                var remainingRow = row;
                var minimum = (t.TableSize * t.LineSpacing * 3) + (2 * t.CellPaddingY);
                if (Remaining < minimum)
                {
                    ContinueTableOnNewPage(table);
                }

                while (true)
                {
                    var available = Remaining - (2 * t.CellPaddingY);
                    var (head, tail) = SplitRow(remainingRow, available);
                    DrawRow(table, head, r, true);
                    if (tail.All(c => c.Lines.Count == 0))
                    {
                        break;
                    }

                    ContinueTableOnNewPage(table);
                    remainingRow = tail;
                    if (RowHeight(remainingRow) <= Remaining + 0.01f)
                    {
                        DrawRow(table, remainingRow, r, true);
                        break;
                    }
                }
            }
        }

        /// <summary>Starts a new page and repeats the header row there, as an artefact: the header cells are in the structure once.</summary>
        private void ContinueTableOnNewPage(TableSpec table)
        {
            NewPage();
            if (table.Header is not null)
            {
                page.Ops.Add(PdfArtifactOp.Start);
                DrawRow(table, table.Header, null, false, repeat: true);
                page.Ops.Add(PdfArtifactOp.Stop);
            }
        }

        private static (List<CellSpec> Head, List<CellSpec> Tail) SplitRow(List<CellSpec> row, float maxContentHeight)
        {
            var head = new List<CellSpec>();
            var tail = new List<CellSpec>();
            foreach (var cell in row)
            {
                var fit = cell.Lines.Where(l => l.Bottom <= maxContentHeight + 0.01f).ToList();
                if (fit.Count == 0 && cell.Lines.Count > 0 && row.All(c => c.Lines.Count == 0 || c.Lines[0].Bottom > maxContentHeight))
                {
                    fit = [cell.Lines[0]];
                }

                var rest = cell.Lines.Skip(fit.Count).ToList();
                var shift = rest.Count > 0 ? rest[0].Top : 0;
                head.Add(cell with { Lines = fit });
                tail.Add(cell with { Lines = rest.Select(l => l with { Top = l.Top - shift }).ToList() });
            }

            return (head, tail);
        }

        private void DrawRow(TableSpec table, List<CellSpec> row, int? rowIndex, bool split, bool repeat = false)
        {
            var height = RowHeight(row);
            var x = Left;
            var isHeader = rowIndex is null;
            if (!repeat)
            {
                Tag(PdfTag.TR);
            }

            for (var c = 0; c < row.Count; c++)
            {
                var cell = row[c];
                var w = table.ColumnWidths[c];
                var rowHeader = table.RowKind == PdfItemKind.KeyValueRow && c == 0;
                if (!repeat)
                {
                    page.Ops.Add(new PdfTagOp(isHeader || rowHeader ? PdfTag.TH : PdfTag.TD) { RowHeader = rowHeader });
                }

                page.Ops.Add(new PdfRectOp(x, y, x + w, y + height, cell.Fill, t.BorderColour, t.BorderWidth));

                // Text straight in the cell, unless it holds several paragraphs or a list: then paragraphs and lists.
                var flow = repeat ? null : new FlowState(Wrap: cell.Lines.Select(l => l.Block).Distinct().Count() > 1);
                foreach (var line in cell.Lines)
                {
                    DrawLine(line, x + t.CellPaddingX, y + t.CellPaddingY + line.Top, cell.TextColour, flow);
                }

                if (flow is not null)
                {
                    CloseFlow(flow);
                }

                if (!repeat)
                {
                    End();
                }

                x += w;
            }

            if (!repeat)
            {
                End();
            }

            var text = isHeader ? table.HeaderText : split
                ? string.Join(" | ", row.Select(c => string.Join(" ", c.Lines.Select(l => l.PlainText))))
                : table.RowTexts[rowIndex!.Value];
            page.ItemList.Add(new PdfPlacedItem(isHeader ? PdfItemKind.TableHeaderRow : table.RowKind, table.BlockIndex, text, Left, y, Width, height)
            {
                RowIndex = rowIndex,
                IsSplitRow = split,
            });
            y += height;
        }

        // ---------- contents ----------
        private void PlaceContents(int index, PdfContentsList list)
        {
            var titleSize = t.Heading1Size;
            var titleHeight = titleSize * t.LineSpacing;
            if (!PageIsEmpty && titleHeight + (3 * t.BodySize * t.LineSpacing) > Remaining)
            {
                NewPage();
            }

            Tag(PdfTag.TOC);
            Tag(PdfTag.P);
            DrawLine(FlowOf([new PdfParagraph(new PdfTextRun(list.Title, Bold: true))], Width, titleSize, true, PdfAlignment.Left, 0)[0], Left, y, t.NhsBlue);
            End();
            page.ItemList.Add(new PdfPlacedItem(PdfItemKind.ContentsTitle, index, list.Title, Left, y, Width, titleHeight));
            y += titleHeight + 6;

            const float numberColumn = 36f;
            var size = t.BodySize;
            for (var i = 0; i < model.Blocks.Count; i++)
            {
                if (model.Blocks[i] is not PdfHeading { IncludeInContents: true } h || h.Level > list.MaxLevel)
                {
                    continue;
                }

                var indent = (h.Level - 1) * 16f;
                var bold = h.Level == 1;
                var lines = FlowOf([new PdfParagraph(new PdfTextRun(h.DisplayText, Bold: bold))], Width - indent - numberColumn, size, bold, PdfAlignment.Left, 0);
                var entryHeight = lines[^1].Bottom + 3;
                if (entryHeight > Remaining)
                {
                    NewPage();
                }

                var top = y;
                var last = lines[^1];
                Tag(PdfTag.TOCI);
                page.Ops.Add(new PdfTagOp(PdfTag.Link)
                {
                    Destination = destinations[i],
                    AltText = $"Go to {h.DisplayText}",
                    Left = Left + indent,
                    Top = top,
                    Right = Left + Width,
                    Bottom = top + last.Bottom,
                });
                foreach (var line in lines)
                {
                    DrawLine(line, Left + indent, y + line.Top, t.TextColour);
                }

                var baseline = y + last.Top + m.BaselineOffset(PdfFontStyle.Regular, size, last.Height);
                var style = bold ? PdfFontStyle.Bold : PdfFontStyle.Regular;

                // Dotted leader from the end of the text to the page number.
                var dotsFrom = Left + indent + last.OffsetX + last.Width + 4;
                var dotsTo = Left + Width - numberColumn + 8;
                var dot = m.Measure(". ", PdfFontStyle.Regular, size);
                if (dotsTo - dotsFrom > dot * 2)
                {
                    var count = (int)((dotsTo - dotsFrom) / dot);
                    var leader = string.Concat(Enumerable.Repeat(". ", count)).TrimEnd();
                    page.Ops.Add(PdfArtifactOp.Start);
                    page.Ops.Add(new PdfTextOp(dotsTo - m.Measure(leader, PdfFontStyle.Regular, size), baseline, leader, PdfFontStyle.Regular, size, t.BorderColour));
                    page.Ops.Add(PdfArtifactOp.Stop);
                }

                page.Ops.Add(new PdfTextOp(0, baseline, "", style, size, t.TextColour) { PageNumberOf = destinations[i], RightEdge = Left + Width });
                End(); // Link
                End(); // TOCI
                page.ItemList.Add(new PdfPlacedItem(PdfItemKind.ContentsEntry, index, h.DisplayText, Left + indent, top, Width - indent, last.Bottom));
                y += entryHeight;
            }

            End(); // TOC
            Gap(t.ParagraphGap * 2);
        }

        public void Dispose() => m.Dispose();
    }
}

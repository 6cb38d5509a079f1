namespace PcnPortal.Domain.Papers;

public enum PaperTextKind
{
    Paragraph,
    Bullets,
    SubHeading,
}

/// <summary>One block of free text: a paragraph, a run of bullets, or a sub-heading.</summary>
public sealed record PaperTextBlock(PaperTextKind Kind, IReadOnlyList<string> Lines);

/// <summary>
/// Parses the plain text people type: blank lines separate paragraphs, lines starting "- " are bullets,
/// lines starting "## " are sub-headings. Nothing else is interpreted: markup stays literal.
/// </summary>
public static class PaperText
{
    public static IReadOnlyList<PaperTextBlock> Parse(string? text)
    {
        var blocks = new List<PaperTextBlock>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return blocks;
        }

        var paragraph = new List<string>();
        var bullets = new List<string>();

        void Flush()
        {
            if (paragraph.Count > 0)
            {
                blocks.Add(new PaperTextBlock(PaperTextKind.Paragraph, [string.Join(' ', paragraph)]));
                paragraph = [];
            }

            if (bullets.Count > 0)
            {
                blocks.Add(new PaperTextBlock(PaperTextKind.Bullets, bullets));
                bullets = [];
            }
        }

        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                Flush();
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                blocks.Add(new PaperTextBlock(PaperTextKind.SubHeading, [line[3..].Trim()]));
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal) || line == "-")
            {
                if (paragraph.Count > 0)
                {
                    blocks.Add(new PaperTextBlock(PaperTextKind.Paragraph, [string.Join(' ', paragraph)]));
                    paragraph = [];
                }

                var item = line.Length > 2 ? line[2..].Trim() : string.Empty;
                if (item.Length > 0)
                {
                    bullets.Add(item);
                }
            }
            else
            {
                if (bullets.Count > 0)
                {
                    blocks.Add(new PaperTextBlock(PaperTextKind.Bullets, bullets));
                    bullets = [];
                }

                paragraph.Add(line);
            }
        }

        Flush();
        return blocks;
    }
}

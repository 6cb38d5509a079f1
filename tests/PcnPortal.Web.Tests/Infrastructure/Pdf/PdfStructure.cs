using System.Text.RegularExpressions;

namespace PcnPortal.Web.Tests.Infrastructure.Pdf;

/// <summary>One element of a tagged PDF's structure tree as printed by <c>pdfinfo -struct-text</c>, with the text inside it.</summary>
internal sealed record PdfStructureNode(string Tag, int Depth, List<string> Text, List<string> Attributes)
{
    public string AllText => string.Join(" ", Text);
}

/// <summary>Reads the structure tree of a PDF with poppler's <c>pdfinfo -struct-text</c>.</summary>
internal static partial class PdfStructure
{
    public static string Raw(byte[] pdf) => Poppler.RunOn(pdf, "pdfinfo", "-struct-text", "{pdf}");

    /// <summary>Every element in reading order; the text of an element includes the text of its descendants.</summary>
    public static List<PdfStructureNode> Read(byte[] pdf)
    {
        var nodes = new List<PdfStructureNode>();
        var open = new List<PdfStructureNode>();
        foreach (var line in Raw(pdf).Split('\n'))
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var depth = (line.Length - line.TrimStart().Length) / 2;
            var content = line.Trim();
            if (content.StartsWith('"'))
            {
                var text = content.Trim('"');
                foreach (var n in open.Where(n => n.Depth < depth))
                {
                    n.Text.Add(text);
                }

                continue;
            }

            if (content.StartsWith('/'))
            {
                open.LastOrDefault(n => n.Depth < depth)?.Attributes.Add(content);
                continue;
            }

            var match = Element().Match(content);
            if (!match.Success)
            {
                continue;
            }

            open.RemoveAll(n => n.Depth >= depth);
            var node = new PdfStructureNode(match.Groups[1].Value, depth, [], []);
            nodes.Add(node);
            open.Add(node);
        }

        return nodes;
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9]*)\b")]
    private static partial Regex Element();
}

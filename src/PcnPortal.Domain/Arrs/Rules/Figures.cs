namespace PcnPortal.Domain.Arrs.Rules;

/// <summary>The named figures a rule outcome carries with its explanation.</summary>
internal static class Figures
{
    public static Dictionary<string, string> Of(params (string Key, string Value)[] pairs)
    {
        var figures = new Dictionary<string, string>(pairs.Length, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            figures[key] = value;
        }

        return figures;
    }
}

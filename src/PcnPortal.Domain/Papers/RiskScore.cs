namespace PcnPortal.Domain.Papers;

/// <summary>Risk scoring (likelihood × impact, each 1–5) and the bands used to shade scores in papers.</summary>
public static class RiskScore
{
    public static bool IsValidFactor(int value) => value is >= 1 and <= 5;

    public static string Describe(int likelihood, int impact) => $"{likelihood}x{impact} = {likelihood * impact}";

    /// <summary>Low 1–3, moderate 4–6, high 8–12, extreme 15–25 (the usual NHS 5×5 matrix bands).</summary>
    public static string Band(int score) => score switch
    {
        <= 3 => "Low",
        <= 6 => "Moderate",
        <= 12 => "High",
        _ => "Extreme",
    };
}

namespace PcnPortal.Web.Tests.Features.Registration;

/// <summary>
/// The real published ODS files in shared/data/national (see its README). They are found by walking up from the test
/// assembly's folder to a folder holding shared/data/national: in a developer's worktree that is the workspace, and in CI
/// (a clone of main with shared/ copied beside it) the clone's parent.
/// </summary>
public static class RealNationalFile
{
    public const string Epcn202410 = "ePCN_2024-10.xlsx";

    /// <summary>The full path of a file in shared/data/national, or null when no such folder is above the tests.</summary>
    public static string? Find(string fileName)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "national", fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A fact over a real national file: skipped, saying so, only when the file is not above the test folder.</summary>
public sealed class RealNationalFileFactAttribute : FactAttribute
{
    public RealNationalFileFactAttribute(string fileName)
    {
        if (RealNationalFile.Find(fileName) is null)
        {
            Skip = $"shared/data/national/{fileName} was not found in any folder above {AppContext.BaseDirectory}: the real national file is not on this machine.";
        }
    }
}

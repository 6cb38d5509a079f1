using Microsoft.AspNetCore.Identity;

namespace PcnPortal.Web.Infrastructure.Security;

/// <summary>
/// Refuses common passwords: any password on the list shipped with the portal (about 30,000 of the most used passwords,
/// common-passwords.txt, embedded; no network call), and any such password with digits or symbols added at the end or start
/// (<c>Password12</c>, <c>Liverpool1!</c>). The published demo password is on the list, so nobody can choose it; the demo seeder
/// in Development sets the demo users' password without this check (see docs/security.md). Also refuses a password that
/// contains the account's email name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public const string Code = "CommonPassword";

    public const string Message = "Choose a password that is harder to guess: this one, or the word it is built on, is on the list of common passwords";

    public const string EmailMessage = "Choose a password that does not contain your email address or name";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the shipped list holds.</summary>
    public static int Count => List.Value.Count;

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Value.Contains(lower))
        {
            return true;
        }

        var core = lower.Trim("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\|`¬ ".ToCharArray());
        return core.Length >= 4 && List.Value.Contains(core);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        if (IsCommon(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = Code, Description = Message }));
        }

        var name = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0];
        if (name.Length >= 4 && password.Contains(name, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = Code, Description = EmailMessage }));
        }

        return Task.FromResult(IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("PcnPortal.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the build.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}

using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Pages.Account;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Robustness;

/// <summary>The portal's own password hasher, counting how many passwords it verifies.</summary>
public sealed class CountingPasswordHasher(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options) : PasswordHasher<PortalUser>(options)
{
    private static int _verified;

    public static int Verified => Volatile.Read(ref _verified);

    public override PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verified);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

public sealed class CountingHasherPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<PortalUser>, CountingPasswordHasher>());
    }
}

/// <summary>
/// Issue 15, item 5: the sign-in page must not tell an outsider which email addresses have accounts: an unknown, disabled or
/// locked account gets the same message as a wrong password, and costs a password hash check like a real one does. Failed
/// sign-ins and lockouts are in the audit log (item 7).
/// </summary>
public sealed class AccountEnumerationTests(CountingHasherPortalFactory factory) : IClassFixture<CountingHasherPortalFactory>
{
    private static Dictionary<string, string> Credentials(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    private async Task<IReadOnlyList<string>> AttemptAsync(HttpClient client, string email, string password) =>
        (await (await client.SubmitFormAsync("/account/sign-in", Credentials(email, password))).ReadDocumentAsync()).ErrorSummary();

    [Fact]
    public async Task UnknownDisabledLockedAndWrongPassword_AllGetTheSameAnswer()
    {
        var real = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        var disabled = await factory.Data.CreateUserAsync(PortalRoles.CommissionerContracts);
        await factory.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Id == disabled.Id)).IsDisabled = true;
            await db.SaveChangesAsync();
        });
        var client = factory.CreateAnonymousClient();
        var unknown = $"nobody.{TestData.Next()}@test.pcnportal.test";

        // Six attempts each: the real account locks after five; the unknown one cannot.
        var answers = new List<(string Who, IReadOnlyList<string> Errors)>();
        for (var i = 0; i < 6; i++)
        {
            answers.Add(("real", await AttemptAsync(client, real.Email, $"wrong-{i}")));
            answers.Add(("unknown", await AttemptAsync(client, unknown, $"wrong-{i}")));
        }

        answers.Add(("disabled", await AttemptAsync(client, disabled.Email, TestData.Password)));
        answers.Add(("locked, right password", await AttemptAsync(client, real.Email, TestData.Password)));

        Assert.All(answers, a => Assert.Equal([SignInModel.WrongDetailsMessage], a.Errors));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Account").Select(a => new { a.Action, a.EntityKey, a.After }).ToListAsync());
        Assert.Equal(5, audit.Count(a => a.EntityKey == real.Id && a.Action == "SignInFailed"));
        Assert.True(audit.Count(a => a.EntityKey == real.Id && a.Action == "LockedOut") >= 2);
        Assert.Contains(audit, a => a.EntityKey == "unknown" && a.Action == "SignInFailed" && a.After!.Contains(unknown, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownAccount_CostsAPasswordHashCheck_AndTakesAboutAsLongAsAWrongPassword()
    {
        var real = await factory.Data.CreateUserAsync(PortalRoles.CommissionerFinance);
        var client = factory.CreateAnonymousClient();
        await AttemptAsync(client, "warm.up@test.pcnportal.test", "warm-up-password");

        var before = CountingPasswordHasher.Verified;
        await AttemptAsync(client, $"nobody.{TestData.Next()}@test.pcnportal.test", "some-password-1");
        Assert.Equal(1, CountingPasswordHasher.Verified - before);

        // Wrong passwords for a real account (four, so it does not lock) against as many unknown accounts, interleaved.
        var realTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var i = 0; i < 4; i++)
        {
            var watch = Stopwatch.StartNew();
            await AttemptAsync(client, real.Email, $"wrong-{i}");
            realTimes.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            await AttemptAsync(client, $"nobody.{TestData.Next()}@test.pcnportal.test", $"wrong-{i}");
            unknownTimes.Add(watch.Elapsed.TotalMilliseconds);
        }

        // Before the fix an unknown account answered about 18 times faster (3 ms against 55 ms). A wrong password for a real
        // account also writes its failed-attempt count, which dominates on a busy shared machine: the margin is generous.
        var (realMedian, unknownMedian) = (realTimes.Order().ElementAt(2), unknownTimes.Order().ElementAt(2));
        Assert.True(unknownMedian > realMedian * 0.15, $"unknown account {unknownMedian:0.0} ms, wrong password {realMedian:0.0} ms");
    }
}

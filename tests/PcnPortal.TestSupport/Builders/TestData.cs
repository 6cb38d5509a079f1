using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.TestSupport;

public sealed record TestUser(string Id, string Email, string Role, string? PcnCode);

/// <summary>
/// Builders with sensible, unique defaults over a running portal's services (a WebApplicationFactory's
/// <c>Services</c>): a test names only what it cares about. Codes come from a process-wide counter so tests
/// sharing a database never collide. Split by area: users, PCNs and localities here; ARRS, maturity, OD funds
/// and papers in the other <c>TestData.*.cs</c> files.
/// </summary>
public sealed partial class TestData(IServiceProvider services)
{
    public const string Password = "Test-Password-123";

    private static int _counter = 10_000;

    public static int Next() => Interlocked.Increment(ref _counter);

    public static string NewPcnCode() => $"U{Next() % 100_000:00000}";

    public static string NewPracticeCode() => $"P{Next() % 100_000:00000}";

    /// <summary>Runs work against the database in its own scope, as the app would.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Runs work with one of the app's scoped services (and the database of the same scope).</summary>
    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task<TestUser> CreateUserAsync(string role, string? pcnCode = null, string? email = null)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        email ??= $"{role.ToLowerInvariant()}.{Next()}@test.pcnportal.test";
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}", PcnCode = pcnCode };
        var result = await users.CreateAsync(user, Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, role);
        return new TestUser(user.Id, email, role, pcnCode);
    }

    /// <summary>A PCN open since 1 July 2019 with the given member practices' registered list sizes (as at 1 January each year from 2019 to 2027).</summary>
    public async Task<Pcn> CreatePcnAsync(string? code = null, string? name = null, string ccgCode = "99Z", params int[] practiceListSizes)
    {
        code ??= NewPcnCode();
        name ??= $"Test Network {code} PCN";
        if (practiceListSizes.Length == 0)
        {
            practiceListSizes = [20_000, 20_000];
        }

        return await WithDbAsync(async db =>
        {
            var pcn = new Pcn { Code = code, Name = name, CcgCode = ccgCode, CcgName = "Test CCG", OpenDate = new DateOnly(2019, 7, 1) };
            db.Pcns.Add(pcn);
            foreach (var size in practiceListSizes)
            {
                var practice = new Practice { Code = NewPracticeCode(), Name = $"Practice {Next()}" };
                db.Practices.Add(practice);
                db.PcnMemberships.Add(new PcnMembership { Pcn = pcn, Practice = practice, StartDate = pcn.OpenDate });
                for (var year = 2019; year <= 2027; year++)
                {
                    db.PracticeListSizes.Add(new PracticeListSize { Practice = practice, AsAt = new DateOnly(year, 1, 1), Registered = size, Weighted = size * 1.05m });
                }
            }

            await db.SaveChangesAsync();
            return pcn;
        });
    }

    /// <summary>A new locality holding the given PCNs: filtering the register by it shows only them, however many other PCNs tests add.</summary>
    public async Task<int> CreateLocalityAsync(params Pcn[] pcns) => await WithDbAsync(async db =>
    {
        var locality = new Locality { Name = $"Test locality {Next()}" };
        db.Localities.Add(locality);
        await db.SaveChangesAsync();
        var ids = pcns.Select(p => p.Id).ToList();
        foreach (var pcn in await db.Pcns.Where(p => ids.Contains(p.Id)).ToListAsync())
        {
            pcn.LocalityId = locality.Id;
        }

        await db.SaveChangesAsync();
        return locality.Id;
    });

    /// <summary>A submitted, undecided request to make Payee Ltd (Y12345) the PCN's nominated payee from the effective date (default 1 April 2099).</summary>
    public Task<int> CreateChangeRequestAsync(Pcn pcn, string reason = "New payee", DateOnly? effectiveDate = null, DateTime? submittedAt = null) =>
        WithDbAsync(async db =>
        {
            var request = new PcnChangeRequest
            {
                PcnId = pcn.Id,
                Kind = PcnChangeKind.NominatedPayee,
                EffectiveDate = effectiveDate ?? new DateOnly(2099, 4, 1),
                OrganisationCode = "Y12345",
                OrganisationName = "Payee Ltd",
                Reason = reason,
                SubmittedBy = "m",
                SubmittedAt = submittedAt ?? default,
            };
            db.PcnChangeRequests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });
}

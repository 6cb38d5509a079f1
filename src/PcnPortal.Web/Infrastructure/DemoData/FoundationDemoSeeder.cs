using Microsoft.AspNetCore.Identity;
using PcnPortal.Domain.Registration;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Infrastructure.DemoData;

/// <summary>The demo CCG: localities, 18 PCNs, their member practices with list sizes, clinical directors and demo users.</summary>
internal sealed class FoundationDemoSeeder : IDemoSeeder
{
    public int Order => 0;

    public async Task SeedAsync(PortalDbContext db, DemoSeedContext context, CancellationToken cancellationToken)
    {
        var random = new Random(20190701);
        var localities = DemoCcg.Localities.Select(name => new Locality { Name = name }).ToList();
        db.Localities.AddRange(localities);

        var desStart = new DateOnly(2019, 7, 1);
        var practiceIndex = 0;
        var lastListYear = context.Today.Year;
        for (var i = 0; i < DemoCcg.Pcns.Count; i++)
        {
            var (code, name, locality, population) = DemoCcg.Pcns[i];
            var pcn = new Pcn
            {
                Code = code,
                Name = name,
                CcgCode = DemoCcg.Code,
                CcgName = DemoCcg.Name,
                Locality = localities[locality],
                OpenDate = desStart,
                NetworkAgreementSigned = new DateOnly(2019, 5, 10 + (i % 5)),
                DataSharingAgreementSigned = i == 4 ? null : new DateOnly(2019, 6, 3 + (i % 7)),
                MapNote = $"Covers the {name.Replace(" PCN", string.Empty, StringComparison.Ordinal)} area; boundary map agreed with the CCG in May 2019.",
            };
            db.Pcns.Add(pcn);

            // 1 to 11 practices, each between about 6,000 and 14,000 patients.
            var practiceCount = Math.Clamp((int)Math.Round(population / 10_000.0), 1, 11);
            var shares = Enumerable.Range(0, practiceCount).Select(_ => 0.7 + random.NextDouble()).ToArray();
            var totalShare = shares.Sum();
            for (var p = 0; p < practiceCount; p++)
            {
                var practice = new Practice
                {
                    Code = $"Y{90001 + practiceIndex:00000}"[..6],
                    Name = DemoCcg.PracticeNames[practiceIndex % DemoCcg.PracticeNames.Count],
                    Postcode = $"AV{1 + locality}{practiceIndex % 9} {1 + (practiceIndex % 8)}{(char)('A' + (practiceIndex % 20))}{(char)('B' + (practiceIndex % 23))}",
                    CcgCode = DemoCcg.Code,
                };
                practiceIndex++;
                db.Practices.Add(practice);
                db.PcnMemberships.Add(new PcnMembership { Pcn = pcn, Practice = practice, StartDate = desStart });

                var registered2019 = population * shares[p] / totalShare;
                var weighting = 0.88 + (random.NextDouble() * 0.3);
                for (var year = 2019; year <= lastListYear; year++)
                {
                    var growth = Math.Pow(1.008, year - 2019);
                    var registered = (int)Math.Round(registered2019 * growth);
                    db.PracticeListSizes.Add(new PracticeListSize
                    {
                        Practice = practice,
                        AsAt = new DateOnly(year, 1, 1),
                        Registered = registered,
                        Weighted = Math.Round((decimal)(registered * weighting), 2),
                    });
                }

                if (p == 0 && i != 17)
                {
                    pcn.NominatedPayeeCode = practice.Code;
                    pcn.NominatedPayeeName = practice.Name;
                }
            }

            if (i != 16)
            {
                var director = DemoCcg.ClinicalDirectorNames[i];
                db.ClinicalDirectors.Add(new ClinicalDirector
                {
                    Pcn = pcn,
                    Name = director,
                    Profession = director.Contains("pharmacist", StringComparison.Ordinal) ? "Pharmacist"
                        : director.Contains("nurse", StringComparison.Ordinal) ? "Nurse" : "GP",
                    Email = $"cd.{code.ToLowerInvariant()}@{DemoCcg.EmailDomain}",
                    From = desStart,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await SeedUsersAsync(context, cancellationToken);
    }

    private static async Task SeedUsersAsync(DemoSeedContext context, CancellationToken cancellationToken)
    {
        var users = context.Services.GetRequiredService<UserManager<PortalUser>>();
        var roles = context.Services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        (string Email, string Name, string Role, string? Pcn)[] demoUsers =
        [
            ($"admin@{DemoCcg.EmailDomain}", "Alex Admin", PortalRoles.Administrator, null),
            ($"contracts@{DemoCcg.EmailDomain}", "Chris Contracts", PortalRoles.CommissionerContracts, null),
            ($"finance@{DemoCcg.EmailDomain}", "Faye Finance", PortalRoles.CommissionerFinance, null),
            ($"secretary@{DemoCcg.EmailDomain}", "Sam Secretary", PortalRoles.CommitteeSecretary, null),
            ($"panel@{DemoCcg.EmailDomain}", "Pat Panel", PortalRoles.PanelMember, null),
            ($"manager@{DemoCcg.EmailDomain}", "Morgan Manager", PortalRoles.PcnManager, DemoCcg.FirstPcnCode),
            ($"cd@{DemoCcg.EmailDomain}", "Dr Amara Okafor", PortalRoles.ClinicalDirector, DemoCcg.FirstPcnCode),
            ($"manager2@{DemoCcg.EmailDomain}", "Jordan Manager", PortalRoles.PcnManager, DemoCcg.SecondPcnCode),
        ];
        foreach (var (email, name, role, pcn) in demoUsers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PcnCode = pcn };
            var created = await context.CreateUserAsync(users, user);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", created.Errors.Select(e => e.Description))}. Outside Development set DemoData:Password to a password that passes the portal's password rules.");
            }

            await users.AddToRoleAsync(user, role);
        }
    }
}

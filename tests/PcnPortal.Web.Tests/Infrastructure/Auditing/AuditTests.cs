using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure.Auditing;

public sealed class AuditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AddingAUser_WritesAuditRowsNamingTheAdministrator()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var admin = await factory.Data.CreateUserAsync(PortalRoles.Administrator);
        var client = factory.CreateClientFor(admin);
        var email = $"new.manager.{TestData.Next()}@test.pcnportal.test";

        var response = await client.SubmitFormAsync("/admin/users/add", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "New Manager",
            ["Input.Role"] = PortalRoles.PcnManager,
            ["Input.PcnCode"] = pcn.Code,
            ["Input.Password"] = "New-Manager-Pass1",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var rows = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Actor == admin.Email).ToListAsync());
        var userRow = Assert.Single(rows, r => r.Entity == "PortalUser" && r.Action == "Added");
        Assert.Contains(email, userRow.After, StringComparison.Ordinal);
        Assert.Contains(pcn.Code, userRow.After, StringComparison.Ordinal);
        Assert.DoesNotContain("AQAAAA", userRow.After, StringComparison.Ordinal);
        Assert.Contains(rows, r => r.Entity == "IdentityUserRole" && r.Action == "Added");
    }

    [Fact]
    public async Task ChangingAPcn_RecordsBeforeAndAfterValues()
    {
        var pcn = await factory.Data.CreatePcnAsync(name: "Before Name PCN");

        await factory.WithDbAsync(async db =>
        {
            var entity = await db.Pcns.SingleAsync(p => p.Code == pcn.Code);
            entity.Name = "After Name PCN";
            await db.SaveChangesAsync();
        });

        var row = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Entity == "Pcn" && a.EntityKey == pcn.Id.ToString() && a.Action == "Modified"));
        Assert.Contains("Before Name PCN", row.Before, StringComparison.Ordinal);
        Assert.Contains("After Name PCN", row.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkSave_WritesOneAuditRowPerEntity_WithKeysAndValues_InTheSaveTransaction()
    {
        var prefix = $"B{TestData.Next() % 100:00}"; // codes B00000 to B99249: six characters, like ODS codes
        var practices = await factory.WithDbAsync(async db =>
        {
            var added = Enumerable.Range(0, 250).Select(i => new PcnPortal.Domain.Registration.Practice { Code = $"{prefix}{i:000}", Name = $"Bulk practice {i}" }).ToList();
            db.Practices.AddRange(added);
            await db.SaveChangesAsync();
            return added.Select(p => (p.Id, p.Code)).ToList();
        });

        var rows = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Entity == "Practice" && a.Action == "Added" && a.After!.Contains(prefix)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(practices.Select(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.EntityKey));
        Assert.All(rows.Zip(practices), x => Assert.Contains($"\"Code\":\"{x.Second.Code}\"", x.First.After, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Equal("system", r.Actor));
        Assert.All(rows, r => Assert.Null(r.Before));

        // A save that fails writes neither its changes nor their audit rows.
        var auditBefore = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());
        await factory.WithDbAsync(async db =>
        {
            db.Practices.Add(new PcnPortal.Domain.Registration.Practice { Code = $"{prefix}X", Name = "Kept out" });
            db.Practices.Add(new PcnPortal.Domain.Registration.Practice { Code = practices[0].Code, Name = "Duplicate code" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        });
        Assert.Equal(auditBefore, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Practices.AnyAsync(p => p.Code == $"{prefix}X")));
    }

    [Fact]
    public async Task ConcurrentEdits_SecondSaveIsRefused()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        await factory.WithDbAsync(async first =>
        {
            var mine = await first.Pcns.SingleAsync(p => p.Code == pcn.Code);
            await factory.WithDbAsync(async second =>
            {
                var theirs = await second.Pcns.SingleAsync(p => p.Code == pcn.Code);
                theirs.MapNote = "Saved first";
                await second.SaveChangesAsync();
            });
            mine.MapNote = "Saved second";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
        });
    }
}

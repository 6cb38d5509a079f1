using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PcnPortal.Web.Infrastructure.Cli;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Infrastructure;

/// <summary>The portal with the container checking every registration when it is built (ValidateOnBuild, ValidateScopes).</summary>
public sealed class ValidatingPortalFactory : PortalFactory
{
    public IReadOnlyList<ServiceDescriptor> Registrations { get; private set; } = [];

    protected override IHost CreateHost(IHostBuilder builder)
    {
        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => Registrations = [.. services]);
    }
}

/// <summary>
/// Each feature registers its services explicitly (<c>AddRegistration</c>, <c>AddArrs</c>, ...). A service that is used but not
/// registered fails here, not on the first request: every page model and command-line verb is built from the container.
/// </summary>
public sealed class ServiceRegistrationTests(ValidatingPortalFactory factory) : IClassFixture<ValidatingPortalFactory>
{
    private static readonly Type[] PortalTypes = typeof(Program).Assembly.GetTypes();

    [Fact]
    public void The_container_validates_scopes()
    {
        // Without validation a scoped service resolves from the root and the other checks here would prove less.
        Assert.Throws<InvalidOperationException>(() => factory.Services.GetRequiredService<PortalDbContext>());
    }

    [Fact]
    public void Every_page_model_can_be_built()
    {
        var pages = PortalTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(PageModel).IsAssignableFrom(t)).ToList();
        using var scope = factory.Services.CreateScope();

        var failures = new List<string>();
        foreach (var page in pages)
        {
            try
            {
                ActivatorUtilities.CreateInstance(scope.ServiceProvider, page);
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{page.FullName}: {ex.Message}");
            }
        }

        Assert.True(pages.Count > 50, $"only {pages.Count} page models found");
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_service_the_portal_registers_can_be_resolved()
    {
        var own = factory.Registrations.Where(d => d.ServiceType.Assembly == typeof(Program).Assembly && !d.ServiceType.IsGenericTypeDefinition).ToList();
        using var scope = factory.Services.CreateScope();

        var failures = new List<string>();
        foreach (var serviceType in own.Select(d => d.ServiceType).Distinct())
        {
            try
            {
                Assert.NotEmpty(scope.ServiceProvider.GetServices(serviceType));
            }
            catch (InvalidOperationException ex)
            {
                failures.Add($"{serviceType.FullName}: {ex.Message}");
            }
        }

        Assert.Contains(own, d => d.ServiceType.Name == "ArrsAssessmentService");
        Assert.Empty(failures);
    }

    [Fact]
    public void Every_reference_data_seeder_is_registered()
    {
        var seeders = PortalTypes.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IReferenceDataSeeder).IsAssignableFrom(t)).ToHashSet();
        using var scope = factory.Services.CreateScope();

        var registered = scope.ServiceProvider.GetServices<IReferenceDataSeeder>().Select(s => s.GetType()).ToHashSet();

        Assert.Contains(seeders, t => t.Name == "ArrsReferenceDataSeeder");
        Assert.Equal(seeders.OrderBy(t => t.FullName), registered.OrderBy(t => t.FullName));
    }

    [Fact]
    public async Task Every_verb_can_be_built_in_the_command_line_host()
    {
        // Verbs run in a host without the web-only services (PDF rendering, committee papers).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Portal"] = factory.ConnectionString,
            ["DemoData:Enabled"] = "false",
        });
        builder.Host.UseDefaultServiceProvider(options =>
        {
            options.ValidateOnBuild = true;
            options.ValidateScopes = true;
        });
        builder.AddPortal(isCli: true);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();

        var verbs = CliRunner.Verbs().ToList();

        Assert.True(verbs.Count >= 7, $"only {verbs.Count} verbs found");
        Assert.All(verbs, v => Assert.IsAssignableFrom<ICliVerb>(scope.ServiceProvider.GetRequiredService(v.Type)));
        // ARRS and access requirement figures; the DES payment rates belong to the committee papers, which the CLI host leaves out.
        Assert.Equal(3, scope.ServiceProvider.GetServices<IReferenceDataSeeder>().Count());
    }
}

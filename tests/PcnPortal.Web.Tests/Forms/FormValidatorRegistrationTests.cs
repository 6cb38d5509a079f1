using System.Reflection;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using PcnPortal.Web.Infrastructure.Web.Forms;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Forms;

/// <summary>One form style: every form a page binds has a FluentValidation validator that the container can give the page.</summary>
public sealed class FormValidatorRegistrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>The form types bound by page models: classes of the web assembly on a [BindProperty] property (DateParts is a part of a form, not a form).</summary>
    public static TheoryData<string> FormTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in BoundFormTypes().Select(t => t.AssemblyQualifiedName!).Distinct().Order(StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Fact]
    public void PagesBindForms() => Assert.True(BoundFormTypes().Count() >= 35, $"Only {BoundFormTypes().Count()} form types found: the reflection below is not finding the pages.");

    [Theory]
    [MemberData(nameof(FormTypes))]
    public void EveryBoundForm_HasARegisteredValidator(string formType)
    {
        var type = Type.GetType(formType, throwOnError: true)!;
        using var scope = factory.Services.CreateScope();

        var validator = scope.ServiceProvider.GetService(typeof(IValidator<>).MakeGenericType(type));

        Assert.True(validator is not null, $"{type.FullName} is bound by a page but has no IValidator<{type.Name}> registered: add a validator beside the page.");
    }

    private static IEnumerable<Type> BoundFormTypes()
    {
        var web = typeof(PageModelForms).Assembly;
        return web.GetTypes()
            .Where(t => typeof(PageModel).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public))
            .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null)
            .Select(p => p.PropertyType)
            .Where(t => t.IsClass && t.Assembly == web && t != typeof(DateParts));
    }
}

using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web;

namespace PcnPortal.Web.Tests.Foundation;

public sealed class PortalAreasTests
{
    [Fact]
    public void Each_area_is_listed_once_by_title_and_by_url()
    {
        Assert.Equal(PortalAreas.All.Count, PortalAreas.All.Select(a => a.Title).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(PortalAreas.All.Count, PortalAreas.All.Select(a => a.Url).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Each_area_names_a_policy_the_portal_defines()
    {
        var policies = typeof(PortalPolicies).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.All(PortalAreas.All, a => Assert.Contains(a.Policy, policies));
    }
}

using System.Net;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Forms;

/// <summary>The NHS.UK date input end to end: the boxes posted, the specific message, the box marked and the summary's link to it.</summary>
public sealed class DateInputPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Staff(string day, string month, string year) => new()
    {
        ["Input.StaffRef"] = "ESR-" + TestData.Next(),
        ["Input.Name"] = "Sam Patel",
        ["Input.RoleCode"] = "CLINICAL_PHARMACIST",
        ["Input.Employer"] = "Test Payee Ltd",
        ["Input.Wte"] = "1",
        ["Input.StartDate.Day"] = day,
        ["Input.StartDate.Month"] = month,
        ["Input.StartDate.Year"] = year,
    };

    [Theory]
    [InlineData("31", "2", "2024", "The start date must be a real date", "Input_StartDate_Day")]
    [InlineData("1", "", "2024", "The start date must include a month", "Input_StartDate_Month")]
    [InlineData("1", "4", "24", "Year must include 4 numbers", "Input_StartDate_Year")]
    [InlineData("", "", "", "Enter the start date", "Input_StartDate_Day")]
    public async Task Post_BadStartDate_ShowsTheNhsMessageOnTheWrongBox(string day, string month, string year, string message, string wrongBox)
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var response = await client.SubmitFormAsync("/claims/staff/add", Staff(day, month, year));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = await response.ReadDocumentAsync();
        Assert.Equal([message], document.ErrorSummary());
        Assert.Equal("#" + wrongBox, document.QuerySelector(".nhsuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Contains(message, document.QuerySelector("#Input_StartDate-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("nhsuk-input--error", document.QuerySelector("#" + wrongBox)!.ClassName, StringComparison.Ordinal);
        Assert.Equal(day, document.QuerySelector("#Input_StartDate_Day")!.GetAttribute("value") ?? "");
        Assert.Equal(0, await factory.WithDbAsync(db => db.ArrsStaff.CountAsync(s => s.Pcn!.Code == pcn.Code)));
    }

    [Fact]
    public async Task Post_GoodDate_IsSavedFromTheThreeBoxes()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));

        var response = await client.SubmitFormAsync("/claims/staff/add", Staff("9", "March", "2024"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateOnly(2024, 3, 9), await factory.WithDbAsync(db => db.ArrsStaff.Where(s => s.Pcn!.Code == pcn.Code).Select(s => s.StartDate).SingleAsync()));
    }

    [Fact]
    public async Task Post_FieldAndRuleErrors_AreListedInFieldOrder()
    {
        var pcn = await factory.Data.CreatePcnAsync();
        var client = factory.CreateClientFor(await factory.Data.CreateUserAsync(PortalRoles.PcnManager, pcn.Code));
        var form = Staff("1", "4", "2024");
        form["Input.StaffRef"] = "";
        form["Input.Wte"] = "2";
        form["Input.EndDate.Day"] = "1";
        form["Input.EndDate.Month"] = "1";
        form["Input.EndDate.Year"] = "2020";

        var response = await client.SubmitFormAsync("/claims/staff/add", form);

        var links = (await response.ReadDocumentAsync()).QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#Input_StaffRef", "#Input_Wte", "#Input_EndDate_Day"], links);
    }
}

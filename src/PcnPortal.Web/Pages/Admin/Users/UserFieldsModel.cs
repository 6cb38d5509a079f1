namespace PcnPortal.Web.Pages.Admin.Users;

public sealed record PcnOption(string Code, string Name);

public sealed record UserFieldsModel(UserForm Form, IReadOnlyList<PcnOption> Pcns);

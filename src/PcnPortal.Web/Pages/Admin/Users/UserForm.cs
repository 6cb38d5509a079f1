using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PcnPortal.Web.Infrastructure.Data;
using PcnPortal.Web.Infrastructure.Security;

namespace PcnPortal.Web.Pages.Admin.Users;

/// <summary>The fields an administrator sets for a user, shared by the add and change pages.</summary>
public class UserForm
{
    public string DisplayName { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string? PcnCode { get; set; }
}

public sealed class AddUserForm : UserForm
{
    public string Email { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;
}

public sealed class ChangeUserForm : UserForm
{
    public bool IsDisabled { get; set; }

    public bool Unlock { get; set; }
}

internal static class UserFormRules
{
    public static void Apply<T>(AbstractValidator<T> validator, PortalDbContext db)
        where T : UserForm
    {
        validator.RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name")
            .MaximumLength(200).WithMessage("Name must be 200 characters or fewer");
        validator.RuleFor(x => x.Role).Must(r => PortalRoles.All.Contains(r)).WithMessage("Select a role");
        validator.RuleFor(x => x.PcnCode)
            .NotEmpty().When(x => PortalRoles.IsPcnScoped(x.Role)).WithMessage("Select the PCN this person works for")
            .MustAsync(async (code, ct) => code is null || await db.Pcns.AnyAsync(p => p.Code == code, ct))
            .When(x => PortalRoles.IsPcnScoped(x.Role)).WithMessage("Select a PCN from the list");
    }
}

public sealed class AddUserFormValidator : AbstractValidator<AddUserForm>
{
    public AddUserFormValidator(PortalDbContext db)
    {
        UserFormRules.Apply(this, db);
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter the person's email address")
            .EmailAddress().WithMessage("Enter an email address in the correct format, like name@example.nhs.uk")
            .MustAsync(async (email, ct) => !await db.Users.AnyAsync(u => u.NormalizedEmail == email.ToUpperInvariant(), ct))
            .WithMessage("A user with this email address already exists");
        RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a first password for the person")
            .MinimumLength(10).WithMessage("Password must be at least 10 characters");
    }
}

public sealed class ChangeUserFormValidator : AbstractValidator<ChangeUserForm>
{
    public ChangeUserFormValidator(PortalDbContext db) => UserFormRules.Apply(this, db);
}

using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PcnPortal.Domain.Maturity;
using PcnPortal.Web.Features.Maturity;
using PcnPortal.Web.Infrastructure.Security;
using PcnPortal.Web.Infrastructure.Web.Forms;

namespace PcnPortal.Web.Pages.Maturity.Returns;

[Authorize(Policy = PortalPolicies.PcnUser)]
public sealed class DomainModel(MaturityReturnService returns, IValidator<DomainAnswerInput> validator) : PageModel
{
    [BindProperty]
    public DomainAnswerInput Input { get; set; } = new();

    public MaturityReturn Return { get; private set; } = null!;

    public MaturityDomain Domain { get; private set; }

    public IReadOnlyList<MatrixDescriptor> Descriptors { get; private set; } = [];

    public MaturityAnswer? PreviousAnswer { get; private set; }

    public MaturityReturn? Previous { get; private set; }

    public string? ConflictMessage { get; private set; }

    public MaturityDomain? NextDomain
    {
        get
        {
            var i = MaturityDomains.All.ToList().IndexOf(Domain);
            return i + 1 < MaturityDomains.All.Count ? MaturityDomains.All[i + 1] : null;
        }
    }

    public async Task<IActionResult> OnGetAsync(int id, string domain, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(id, domain, tracking: false, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        FillFromReturn();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string domain, string? next, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(id, domain, tracking: true, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        var validation = await validator.ValidateAsync(Input, cancellationToken);
        if (!validation.IsValid)
        {
            return this.PageWithErrors(validation);
        }

        var result = await returns.SaveDomainAsync(Return, Domain, Input, cancellationToken);
        if (result.Saved)
        {
            TempData["Success"] = $"{Domain.DisplayName()} saved.";
            return Redirect(next is not null && NextDomain is { } n ? $"/maturity/returns/{id}/domains/{n.Code()}" : $"/maturity/returns/{id}");
        }

        if (result.Conflict)
        {
            // Someone else saved first: show what is now stored and keep nothing of this post.
            var latest = await returns.FindAsync(id, tracking: false, cancellationToken);
            Return = latest!;
            ModelState.Clear();
            FillFromReturn();
            ConflictMessage = $"{result.ChangedBy ?? "Someone else"} changed this return while you were editing it. The latest answers are shown below; your changes have not been saved. Make them again if they are still needed.";
            ModelState.AddModelError("Input.Position", "This return was changed by someone else. Check the latest answers and save again.");
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return this.PageWithErrors(result.Errors);
    }

    private async Task<IActionResult?> LoadAsync(int id, string domain, bool tracking, CancellationToken cancellationToken)
    {
        if (!MaturityDomains.TryParseCode(domain, out var d))
        {
            return NotFound();
        }

        var ret = await returns.FindAsync(id, tracking, cancellationToken);
        if (ret is null)
        {
            return NotFound();
        }

        if (!returns.CanEdit(ret))
        {
            // Submitted returns are read-only for the PCN.
            return Redirect($"/maturity/returns/{id}");
        }

        Return = ret;
        Domain = d;
        Descriptors = await returns.DescriptorsAsync(ret.Round!.MatrixVersionId, d, cancellationToken);
        Previous = await returns.PreviousAsync(ret, cancellationToken);
        PreviousAnswer = Previous?.AnswerFor(d);
        return null;
    }

    private void FillFromReturn()
    {
        var a = Return.AnswerFor(Domain);
        Input = new DomainAnswerInput
        {
            Position = a?.Position?.Code(),
            NotAssessedReason = a?.NotAssessedReason,
            Evidence = a?.Evidence,
            WhatWorkedWell = a?.WhatWorkedWell,
            ToContinue = a?.ToContinue,
            SupportNeeded = a?.SupportNeeded,
            Version = Return.Version,
        };
    }
}

/// <summary>A domain answer: a position from the list, a reason when Not assessed, text within the limits (the service checks the same on save).</summary>
public sealed class DomainAnswerInputValidator : AbstractValidator<DomainAnswerInput>
{
    public DomainAnswerInputValidator()
    {
        RuleFor(f => f).Custom((input, context) =>
        {
            foreach (var error in MaturityReturnService.Validate(input))
            {
                context.AddFailure(error.Key, error.Message);
            }
        });
    }
}

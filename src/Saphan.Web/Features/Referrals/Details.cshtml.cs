using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Referrals;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Referrals;

/// <summary>One referral: its state, its history, the steps this side may take, and for the receiver the projected person and service notes.</summary>
[Authorize(Policy = Policies.CasesRead)]
public sealed class DetailsModel(ReferralCommands referrals) : PageModel
{
    public ReferralView Referral { get; private set; } = null!;
    public ProjectedCaseView? Person { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTransitionAsync(Guid id, string? to, string? reason, string? version, CancellationToken cancellationToken)
    {
        try
        {
            await referrals.TransitionAsync(User.ToActor(), id, new TransitionInput { To = to, Reason = reason, Version = version }, cancellationToken);
            return Redirect("/Referrals/Details/" + id);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (ValidationException invalid)
        {
            Problem = string.Join(" ", invalid.Errors.SelectMany(e => e.Value));
        }
        catch (ReferralConflictException conflict)
        {
            Problem = conflict.Message;
        }
        catch (ReferralRefusedException refused)
        {
            Problem = refused.Message;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            Problem = "The referral was changed by someone else at the same time. Read it again and retry.";
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? text, CancellationToken cancellationToken)
    {
        try
        {
            await referrals.AddNoteAsync(User.ToActor(), id, text, cancellationToken);
            return Redirect("/Referrals/Details/" + id + "#notes");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
        catch (ValidationException invalid)
        {
            Problem = string.Join(" ", invalid.Errors.SelectMany(e => e.Value));
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Referral = await referrals.GetAsync(User.ToActor(), id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (Referral.ToOrganisationId == User.ToActor().OrganisationId && ReferralProjections.For(Referral.ServiceType, Referral.Status).Count > 0)
        {
            Person = await referrals.GetCaseAsync(User.ToActor(), id, cancellationToken);
        }

        return true;
    }
}

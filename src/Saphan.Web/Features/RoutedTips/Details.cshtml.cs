using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.RoutedTips;

/// <summary>
/// One tip routed to the partner: what happened (every opening audited), acknowledge, turn into a case (case writers)
/// or an investigation (law enforcement). Another organisation's tip is "not found".
/// </summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class DetailsModel(TipRouting routing) : PageModel
{
    public RoutedTipView Tip { get; private set; } = null!;
    public bool CanInvestigate => User.IsInRole(Roles.LawEnforcement);
    public IEnumerable<string> Errors { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            Tip = await routing.GetAsync(User.ToActor(), id, cancellationToken);
            return Page();
        }, cancellationToken);

    public Task<IActionResult> OnPostAcknowledgeAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await routing.AcknowledgeAsync(User.ToActor(), id, cancellationToken);
            return Redirect("/RoutedTips/Details/" + id);
        }, cancellationToken);

    public Task<IActionResult> OnPostReplyAsync(Guid id, string? decision, string? replyReason, string? replyNote, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            await routing.ReplyAsync(User.ToActor(), id, decision, replyReason, replyNote, cancellationToken);
            return Redirect("/RoutedTips/Details/" + id);
        }, cancellationToken);

    public Task<IActionResult> OnPostCaseAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            var converted = await routing.ConvertToCaseAsync(User.ToActor(), id, cancellationToken);
            return Redirect("/Cases/Details/" + converted.CaseId);
        }, cancellationToken);

    public Task<IActionResult> OnPostInvestigationAsync(Guid id, string? reference, CancellationToken cancellationToken) =>
        RunAsync(id, async () =>
        {
            var converted = await routing.ConvertToInvestigationAsync(User.ToActor(), id, reference, cancellationToken);
            return Redirect("/Justice/LegalCase/" + converted.LegalCaseId);
        }, cancellationToken);

    private async Task<IActionResult> RunAsync(Guid id, Func<Task<IActionResult>> action, CancellationToken cancellationToken)
    {
        try
        {
            return await action();
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
            Errors = invalid.Errors.Values.SelectMany(m => m);
            Tip = await routing.GetAsync(User.ToActor(), id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

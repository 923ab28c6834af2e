using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Tips;

/// <summary>One tip for hotline staff: its text (every opening audited), status, assignment and internal notes.</summary>
public sealed class DetailsModel(GetTip get, UpdateTip update, AddTipNote addNote, TipRouting routing) : PageModel
{
    public TipView Tip { get; private set; } = null!;
    public Guid Me => User.ToActor().UserId;
    public IEnumerable<string> NoteErrors { get; private set; } = [];
    public IEnumerable<string> RouteErrors { get; private set; } = [];
    /// <summary>Partners covering the tip's province, police first when someone is in danger or children are at risk.</summary>
    public IReadOnlyList<PartnerSuggestion> Partners { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await LoadAsync(id, cancellationToken);
            return Page();
        });

    public Task<IActionResult> OnPostRouteAsync(Guid id, Guid? organisationId, string? routeNote, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => routing.RouteAsync(User.ToActor(), id, organisationId, routeNote, cancellationToken), errors => RouteErrors = errors, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(Guid id, Guid routeId, string? withdrawReason, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => routing.WithdrawAsync(User.ToActor(), routeId, withdrawReason, cancellationToken), errors => RouteErrors = errors, cancellationToken);

    private async Task LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Tip = await get.HandleAsync(User.ToActor(), id, cancellationToken);
        // The page's read of the tip is audited once, as tip.viewed; the suggestions come from the same read.
        Partners = await routing.SuggestAsync(User.ToActor(), id, null, cancellationToken, audit: false);
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id, string? status, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await update.HandleAsync(User.ToActor(), id, new UpdateTip.Input(status, StatusSent: true), cancellationToken);
            return Redirect("/Tips/Details/" + id);
        });

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var actor = User.ToActor();
            await update.HandleAsync(actor, id, new UpdateTip.Input(AssignedOperatorId: actor.UserId.ToString(), AssigneeSent: true), cancellationToken);
            return Redirect("/Tips/Details/" + id);
        });

    public Task<IActionResult> OnPostNoteAsync(Guid id, string? note, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => addNote.HandleAsync(User.ToActor(), id, note, cancellationToken), errors => NoteErrors = errors, cancellationToken);

    /// <summary>A change from a form: back to the tip when it worked, else the page again with the form's errors (400).</summary>
    private Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, Action<IEnumerable<string>> showErrors, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            try
            {
                await change();
                return Redirect("/Tips/Details/" + id);
            }
            catch (ValidationException invalid)
            {
                showErrors(invalid.Errors.Values.SelectMany(m => m));
                await LoadAsync(id, cancellationToken);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            }
        });

    private async Task<IActionResult> RunAsync(Func<Task<IActionResult>> action)
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
        catch (ValidationException)
        {
            return BadRequest();
        }
    }
}

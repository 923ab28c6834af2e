using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.FollowUps;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.FollowUps;

/// <summary>Records a follow-up's outcome on a phone-sized form. Case writers of the case's organisation only (404 otherwise).</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class RecordModel(FollowUpCommands followUps, TimeProvider clock) : PageModel
{
    public FollowUpView FollowUp { get; private set; } = null!;
    [BindProperty] public string? DoneOn { get; set; }
    [BindProperty] public List<string> Outcomes { get; set; } = [];
    [BindProperty] public string? Note { get; set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        DoneOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var saved = await followUps.RecordAsync(User.ToActor(), id, DoneOn, Outcomes, Note, cancellationToken);
            return Redirect("/Cases/Details/" + saved.CaseId + "#follow-ups");
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            FollowUp = await followUps.GetAsync(User.ToActor(), id, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Trainings;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Trainings;

/// <summary>The organisation's training sessions and a form to record one (org admins and supervisors; others 403).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(TrainingRecords trainings, TimeProvider clock) : PageModel
{
    [BindProperty] public TrainingInput Form { get; set; } = new();
    public IReadOnlyList<TrainingView> Sessions { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (!TrainingRecords.CanUse(User.ToActor()))
        {
            return Forbid();
        }

        Saved = saved;
        Form.HeldOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Sessions = await trainings.ListAsync(User.ToActor(), null, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (!TrainingRecords.CanUse(actor))
        {
            return Forbid();
        }

        try
        {
            await trainings.RecordAsync(actor, Form, cancellationToken);
            return Redirect("/Trainings?saved=true#sessions");
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Sessions = await trainings.ListAsync(actor, null, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

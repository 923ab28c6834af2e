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

    /// <summary>The session being corrected, or null when the form records a new one.</summary>
    [BindProperty] public Guid? EditId { get; set; }

    public IReadOnlyList<TrainingView> Sessions { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>What the last change was: "saved", "corrected" or "deleted" (from the redirect), else null.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, string? done, Guid? edit, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (!TrainingRecords.CanUse(actor))
        {
            return Forbid();
        }

        Done = saved ? "saved" : done is "corrected" or "deleted" ? done : null;
        Form.HeldOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (edit is { } id)
        {
            try
            {
                var session = await trainings.GetAsync(actor, id, cancellationToken);
                EditId = id;
                Form = new TrainingInput
                {
                    HeldOn = session.HeldOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    Topic = session.Topic,
                    Province = session.Province,
                    Audience = session.Audience,
                    Female = session.Participants.Female,
                    Male = session.Participants.Male,
                    TransgenderNonconforming = session.Participants.TransgenderNonconforming,
                    Unknown = session.Participants.Unknown,
                };
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }

        Sessions = await trainings.ListAsync(actor, null, cancellationToken);
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
            if (EditId is { } id)
            {
                await trainings.CorrectAsync(actor, id, Form, cancellationToken);
                return Redirect("/Trainings?done=corrected#sessions");
            }

            await trainings.RecordAsync(actor, Form, cancellationToken);
            return Redirect("/Trainings?saved=true#sessions");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Sessions = await trainings.ListAsync(actor, null, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (!TrainingRecords.CanUse(actor))
        {
            return Forbid();
        }

        try
        {
            await trainings.DeleteAsync(actor, id, cancellationToken);
            return Redirect("/Trainings?done=deleted#sessions");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

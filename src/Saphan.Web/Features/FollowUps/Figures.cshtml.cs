using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.FollowUps;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.FollowUps;

/// <summary>Aftercare outcome figures: supervisors and org admins their organisation's, network admins and analysts every organisation's (counts only).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class FiguresModel(FollowUpCommands followUps) : PageModel
{
    public IReadOnlyList<OutcomeFigures> Figures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Figures = await followUps.FiguresAsync(User.ToActor(), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Gaps;

/// <summary>
/// Who missed or is late on a pathway step (supervisors and org admins: their organisation's cases by reference;
/// network admins and analysts: counts only), and services needed in a province that exist nowhere there.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(GetGaps gaps) : PageModel
{
    public GapsView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            View = await gaps.HandleAsync(User.ToActor(), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}

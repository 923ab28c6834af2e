using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.RoutedTips;

/// <summary>A partner's queue of tips the hotline routed to it (no free text in the list); listing is audited.</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class IndexModel(TipRouting routing) : PageModel
{
    public IReadOnlyList<RoutedTipSummary> Tips { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Tips = await routing.QueueAsync(User.ToActor(), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}

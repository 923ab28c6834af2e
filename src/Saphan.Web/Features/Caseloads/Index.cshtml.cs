using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Caseloads;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Caseloads;

/// <summary>Each worker's open cases, overdue tasks and referrals, urgent flags and an eight-week trend; overload is flagged.</summary>
[Authorize(Policy = Policies.CasesRead)]
public sealed class IndexModel(GetCaseloads caseloads) : PageModel
{
    public CaseloadView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            View = await caseloads.HandleAsync(User.ToActor(), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}

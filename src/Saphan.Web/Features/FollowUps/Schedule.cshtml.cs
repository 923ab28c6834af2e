using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.FollowUps;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.FollowUps;

/// <summary>Schedules the standard follow-ups (3, 6, 12 months after identification) from the case page. Case writers only.</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class ScheduleModel(FollowUpCommands followUps) : PageModel
{
    public IActionResult OnGet(Guid caseId) => Redirect("/Cases/Details/" + caseId + "#follow-ups");

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            await followUps.ScheduleStandardAsync(User.ToActor(), caseId, cancellationToken);
            return Redirect("/Cases/Details/" + caseId + "#follow-ups");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

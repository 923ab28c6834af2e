using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Saphan.Core.Data;
using Saphan.Core.Features.Screenings;
using Saphan.Core.Features.Tasks;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Screenings;

/// <summary>
/// The case's urgent flag at the top of the case page: an open urgent task on the case. A suicide-risk task is
/// health data, so it raises the flag only for the roles that see health results. The caller has read the case.
/// </summary>
public sealed class UrgentFlagViewComponent(SaphanDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var health = UserClaimsPrincipal.ToActor().HasAnyRole(ScreeningAccess.HealthRoles);
        string[] kinds = health ? [] : [.. TaskValueSets.Kind.Values.Select(v => v.Code).Where(k => k != TaskValueSets.SuicideRisk)];
        var urgent = await ListTasks.CaseHasOpenUrgentAsync(db, caseId, HttpContext.RequestAborted, kinds);
        return urgent ? View("/Features/Screenings/_UrgentFlag.cshtml", caseId) : new ContentViewComponentResult("");
    }
}

using Microsoft.AspNetCore.Mvc;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Consents;

/// <summary>Shown on the case details page: <c>@await Component.InvokeAsync("ConsentPanel", new { caseId })</c>.</summary>
public sealed class ConsentPanelViewComponent(GetConsents getConsents) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var consents = await getConsents.HandleAsync(UserClaimsPrincipal.ToActor(), caseId, HttpContext.RequestAborted);
        var canRecord = Roles.CaseWriters.Any(UserClaimsPrincipal.IsInRole);
        return View("/Features/Consents/_ConsentPanel.cshtml",
            new ConsentPanelModel(consents, canRecord, new ConsentFormModel(caseId, new ConsentForm(), new Dictionary<string, string[]>())));
    }
}

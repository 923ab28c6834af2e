using Microsoft.AspNetCore.Mvc;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Screenings;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Screenings;

/// <summary>Shown on the case details page: the urgent flag and the screenings the reader may see.</summary>
public sealed class ScreeningPanelViewComponent(ListScreenings list) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var screenings = await list.HandleAsync(UserClaimsPrincipal.ToActor(), caseId, HttpContext.RequestAborted);
        return View("/Features/Screenings/_ScreeningPanel.cshtml", new ScreeningPanelModel(screenings, Roles.CaseWriters.Any(UserClaimsPrincipal.IsInRole) && ViewData["CaseClosed"] is not true));
    }
}

public sealed record ScreeningPanelModel(CaseScreeningsView Screenings, bool CanRecord);

using Microsoft.AspNetCore.Mvc;
using Saphan.Core.Features.FollowUps;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.FollowUps;

/// <summary>Shown on the case details page: the case's follow-ups (3, 6, 12 months) with their outcomes.</summary>
public sealed class FollowUpPanelViewComponent(FollowUpCommands followUps) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var list = await followUps.ListAsync(UserClaimsPrincipal.ToActor(), caseId, HttpContext.RequestAborted);
        return View("/Features/FollowUps/_FollowUpPanel.cshtml", new FollowUpPanelModel(caseId, list, Roles.CaseWriters.Any(UserClaimsPrincipal.IsInRole)));
    }
}

public sealed record FollowUpPanelModel(Guid CaseId, IReadOnlyList<FollowUpView> FollowUps, bool CanWrite);

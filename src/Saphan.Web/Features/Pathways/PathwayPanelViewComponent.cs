using Microsoft.AspNetCore.Mvc;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Pathways;

/// <summary>Shown on the case details page: <c>@await Component.InvokeAsync("PathwayPanel", new { caseId })</c>.</summary>
public sealed class PathwayPanelViewComponent(PathwayCommands pathways) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var ct = HttpContext.RequestAborted;
        var view = await pathways.ForCaseAsync(UserClaimsPrincipal.ToActor(), caseId, ct);
        var canWrite = Roles.CaseWriters.Any(UserClaimsPrincipal.IsInRole) && ViewData["CaseClosed"] is not true;
        var templates = canWrite ? await pathways.ListAsync(currentOnly: true, ct) : [];
        return View("/Features/Pathways/_PathwayPanel.cshtml", new PathwayPanelModel(caseId, view, canWrite, templates));
    }
}

public sealed record PathwayPanelModel(Guid CaseId, CasePathwayView? Pathway, bool CanWrite, IReadOnlyList<PathwayView> Templates);

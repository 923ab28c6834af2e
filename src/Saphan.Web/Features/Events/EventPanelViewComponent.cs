using Microsoft.AspNetCore.Mvc;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Events;

/// <summary>Shown on the case details page: <c>@await Component.InvokeAsync("EventPanel", new { caseId })</c>.</summary>
public sealed class EventPanelViewComponent(ListEvents listEvents) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId)
    {
        var events = await listEvents.HandleAsync(UserClaimsPrincipal.ToActor(), caseId, HttpContext.RequestAborted);
        return View("/Features/Events/_EventPanel.cshtml", new EventPanelModel(caseId, events, Roles.CaseWriters.Any(UserClaimsPrincipal.IsInRole) && ViewData["CaseClosed"] is not true));
    }
}

public sealed record EventPanelModel(Guid CaseId, IReadOnlyList<EventView> Events, bool CanAdd);

using Microsoft.AspNetCore.Mvc;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.CaseRecord;

/// <summary>On the case page: <c>@await Component.InvokeAsync("CaseRecordPanel", new { caseId })</c> — vulnerability, support plan, comments, closure.</summary>
public sealed class CaseRecordPanelViewComponent(CaseRecordPanelLoader loader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid caseId) =>
        View("/Features/CaseRecord/_CaseRecordPanel.cshtml", await loader.LoadAsync(UserClaimsPrincipal.ToActor(), caseId, HttpContext.RequestAborted));
}

using Microsoft.AspNetCore.Mvc;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Completeness;

namespace Saphan.Web.Features.Completeness;

/// <summary>On the case page: the standard record's fields and sections not yet filled. The page has read the case.</summary>
public sealed class MissingPanelViewComponent(SaphanDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(CaseView view) =>
        View("/Features/Completeness/_MissingPanel.cshtml", await CaseCompleteness.MissingAsync(db, view, HttpContext.RequestAborted));
}

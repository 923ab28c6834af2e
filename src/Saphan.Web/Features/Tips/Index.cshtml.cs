using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Tips;

/// <summary>The hotline's triage queue: most urgent first, then the longest waiting. Shows no free text.</summary>
public sealed class IndexModel(SearchTips search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public TipPage Result { get; private set; } = new([], 1, 25, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Status = Status is SearchTips.Any || TipStatuses.IsKnown(Status) ? Status : SearchTips.Open;
        Province = Provinces.IsKnown(Province) ? Province : null;
        try
        {
            Result = await search.HandleAsync(User.ToActor(), new SearchTips.Query(Status, Province, Math.Max(PageNumber, 1), 25), cancellationToken);
            return Page();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Tips;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.RoutedTips;

/// <summary>
/// The organisation's declared coverage for tip routing: the provinces it covers and the kinds of tip it takes. Its
/// org admins only (403 for others); each organisation edits only its own.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CoverageModel(TipRouting routing) : PageModel
{
    public CoverageView Coverage { get; private set; } = null!;
    [BindProperty] public List<string> Provinces { get; set; } = [];
    [BindProperty] public List<string> TipTypes { get; set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (!TipRouting.CanEditCoverage(User.ToActor()))
        {
            return Forbid();
        }

        Saved = saved;
        Coverage = await routing.GetCoverageAsync(User.ToActor(), cancellationToken);
        Provinces = [.. Coverage.Provinces];
        TipTypes = [.. Coverage.TipTypes];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (!TipRouting.CanEditCoverage(actor))
        {
            return Forbid();
        }

        try
        {
            await routing.SaveCoverageAsync(actor, Provinces, TipTypes, cancellationToken);
            return Redirect("/RoutedTips/Coverage?saved=true");
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Coverage = await routing.GetCoverageAsync(actor, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>One legal case: stage, charges, verdict, hearings, witnesses with their support, assets and compensation.</summary>
[Authorize(Policy = Policies.Justice)]
public sealed class LegalCaseModel(LegalCases legalCases) : PageModel
{
    [BindProperty] public string? Stage { get; set; }
    public LegalCaseView LegalCase { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStageAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await legalCases.UpdateAsync(User.ToActor(), id, new LegalCaseInput(null, Stage, null, null, null, null, null), cancellationToken);
            return Redirect("/Justice/LegalCase/" + id);
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            LegalCase = await legalCases.GetAsync(User.ToActor(), id, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Pathways;

/// <summary>The case page's pathway forms post here: put the case on a pathway, mark a step. Case writers of the case's organisation only.</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class CaseModel(PathwayCommands pathways) : PageModel
{
    public Guid CaseId { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IActionResult OnGet(Guid caseId) => Redirect("/Cases/Details/" + caseId + "#pathway");

    public Task<IActionResult> OnPostAssignAsync(Guid caseId, Guid? pathwayId, CancellationToken cancellationToken) =>
        RunAsync(caseId, () => pathways.AssignAsync(User.ToActor(), caseId, pathwayId, cancellationToken));

    public Task<IActionResult> OnPostMarkAsync(Guid caseId, string? step, string? mark, CancellationToken cancellationToken) =>
        RunAsync(caseId, () => pathways.MarkAsync(User.ToActor(), caseId, step ?? "", mark, cancellationToken));

    private async Task<IActionResult> RunAsync(Guid caseId, Func<Task<CasePathwayView>> action)
    {
        CaseId = caseId;
        try
        {
            await action();
            return Redirect("/Cases/Details/" + caseId + "#pathway");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}

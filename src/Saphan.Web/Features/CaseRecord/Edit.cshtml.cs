using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.CaseRecord;
using Saphan.Core.Features.Cases;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.CaseRecord;

/// <summary>
/// Receives the case record's forms from the case page (one handler per form). Saved: back to the case page at that
/// section. Refused: this page shows the sections again with the typed values and the errors (400).
/// </summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class EditModel(CaseRecordPanelLoader loader, SaveVictimContext saveVictim, SaveVulnerability saveVulnerability, SupportPlans plans, CaseComments comments, CaseClosure closure, GetCase getCase)
    : PageModel
{
    [BindProperty] public VictimForm Victim { get; set; } = new();
    [BindProperty] public VulnerabilityForm Vulnerability { get; set; } = new();
    [BindProperty] public PlanForm Plan { get; set; } = new();
    [BindProperty] public ActionForm Action { get; set; } = new();
    [BindProperty] public string? CommentText { get; set; }
    [BindProperty] public ClosureForm Closure { get; set; } = new();
    [BindProperty] public string? ReopenReason { get; set; }
    [BindProperty] public string? ActionStatus { get; set; }

    public Guid CaseId { get; private set; }
    public string PersonName { get; private set; } = "";
    public CaseRecordPanelModel Panel { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, null, new Dictionary<string, string[]>(), cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostVictimAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "victim", () => saveVictim.HandleAsync(User.ToActor(), caseId, Victim.ToInput(CaseRecordAccess.MaySeeSensitive(User.ToActor())), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostVulnerabilityAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "vulnerability", () => saveVulnerability.HandleAsync(User.ToActor(), caseId, Vulnerability.ToInput(CaseRecordAccess.MaySeeHealth(User.ToActor())), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPlanAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "plan", () => plans.SaveAsync(User.ToActor(), caseId, Plan.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostActionAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "action", () => plans.AddActionAsync(User.ToActor(), caseId, Action.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostActionStatusAsync(Guid caseId, Guid actionId, CancellationToken cancellationToken)
    {
        var input = new PlanActionInput { Status = ActionStatus };
        input.Present.Add("status");
        return RunAsync(caseId, "plan", () => plans.ChangeActionAsync(User.ToActor(), caseId, actionId, input, cancellationToken), cancellationToken);
    }

    public Task<IActionResult> OnPostCommentAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "comment", () => comments.AddAsync(User.ToActor(), caseId, CommentText, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCloseAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "closure", () => closure.CloseAsync(User.ToActor(), caseId, Closure.ToInput(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(Guid caseId, CancellationToken cancellationToken) =>
        RunAsync(caseId, "reopen", () => closure.ReopenAsync(User.ToActor(), caseId, ReopenReason, cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync<T>(Guid caseId, string section, Func<Task<T>> save, CancellationToken cancellationToken)
    {
        try
        {
            await save();
            return Redirect("/Cases/Details/" + caseId + "#" + (section is "action" ? "plan" : section is "reopen" ? "closure" : section));
        }
        catch (ValidationException invalid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(caseId, section, invalid.Errors, cancellationToken) ? Page() : NotFound();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }
    }

    private async Task<bool> LoadAsync(Guid caseId, string? failed, IDictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        CaseId = caseId;
        try
        {
            PersonName = (await getCase.HandleAsync(User.ToActor(), caseId, cancellationToken)).Person.GivenName;
            Panel = await loader.LoadAsync(User.ToActor(), caseId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (failed is not null)
        {
            Panel.FailedSection = failed;
            Panel.Errors = errors;
            switch (failed)
            {
                case "victim": Panel.VictimForm = Victim; break;
                case "vulnerability": Panel.VulnerabilityForm = Vulnerability; break;
                case "plan": Panel.PlanForm = Plan; break;
                case "action": Panel.ActionForm = Action; break;
                case "comment": Panel.CommentText = CommentText; break;
                case "closure": Panel.ClosureForm = Closure; break;
                case "reopen": Panel.ReopenReason = ReopenReason; break;
            }
        }

        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>One operation: its victim-protection plan and prosecution lead, and approval (refused until both exist).</summary>
[Authorize(Policy = Policies.Justice)]
public sealed class OperationModel(Operations operations) : PageModel
{
    [BindProperty] public int? ShelterPlaces { get; set; }
    [BindProperty] public int? Interpreters { get; set; }
    [BindProperty] public int? ChildSpecialists { get; set; }
    [BindProperty] public string? MedicalArrangements { get; set; }
    [BindProperty] public string? ProsecutionLead { get; set; }
    public OperationView Operation { get; private set; } = null!;
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, fill: true, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPlanAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => operations.SetPlanAsync(User.ToActor(), id,
            new OperationPlanInput(ShelterPlaces, Interpreters, ChildSpecialists, MedicalArrangements, ProsecutionLead), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => operations.ApproveAsync(User.ToActor(), id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostExecuteAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => operations.ExecuteAsync(User.ToActor(), id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => operations.CancelAsync(User.ToActor(), id, cancellationToken), cancellationToken);

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return Redirect("/Justice/Operation/" + id);
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

        return await LoadAsync(id, fill: false, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, bool fill, CancellationToken cancellationToken)
    {
        try
        {
            Operation = await operations.GetAsync(User.ToActor(), id, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (fill)
        {
            ShelterPlaces = Operation.ShelterPlaces;
            Interpreters = Operation.Interpreters;
            ChildSpecialists = Operation.ChildSpecialists;
            MedicalArrangements = Operation.MedicalArrangements;
            ProsecutionLead = Operation.ProsecutionLead;
        }

        return true;
    }
}

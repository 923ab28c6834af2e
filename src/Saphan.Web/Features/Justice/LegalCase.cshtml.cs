using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>
/// One legal case: stage, charges, judgment (verdict, sentence, appeal), hearings, witnesses with their support, assets
/// (entered in baht, stored in satang) and compensation, and sharing with another organisation's law enforcement.
/// A case shared with the reader's organisation is shown read only.
/// </summary>
[Authorize(Policy = Policies.Justice)]
public sealed class LegalCaseModel(LegalCases legalCases, LegalCaseSharing sharing) : PageModel
{
    [BindProperty] public string? Stage { get; set; }
    [BindProperty] public string? Verdict { get; set; }
    [BindProperty] public int? SentenceMonths { get; set; }
    [BindProperty] public string? FineBaht { get; set; }
    [BindProperty] public string? AppealLodgedOn { get; set; }
    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? HearingNote { get; set; }
    [BindProperty] public Guid? WitnessCaseId { get; set; }
    [BindProperty] public string? Coordinator { get; set; }
    [BindProperty] public string? InterpreterLanguage { get; set; }
    [BindProperty] public string? ProtectionMeasures { get; set; }
    [BindProperty] public string? AssetDescription { get; set; }
    [BindProperty] public string? AssetStatus { get; set; }
    [BindProperty] public string? AssetValueBaht { get; set; }
    [BindProperty] public string? AssetRecordedOn { get; set; }
    [BindProperty] public Guid? CompensationCaseId { get; set; }
    [BindProperty] public string? ClaimedBaht { get; set; }
    [BindProperty] public string? AwardedBaht { get; set; }
    [BindProperty] public string? PaidBaht { get; set; }
    [BindProperty] public Guid? ShareOrganisationId { get; set; }
    [BindProperty] public Guid? ShareId { get; set; }

    public LegalCaseView LegalCase { get; private set; } = null!;
    public IReadOnlyList<CaseChoice> Cases { get; private set; } = [];
    public IReadOnlyList<LegalCaseShareView> Shares { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name, string Type)> ShareTargets { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>Which form the errors belong to, so they are shown beside it.</summary>
    public string? ErrorForm { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostStageAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "stage", () => legalCases.UpdateAsync(User.ToActor(), id, new LegalCaseInput(null, Stage, null, null, null, null, null), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostJudgmentAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "judgment", () =>
        {
            var fine = Amount(FineBaht, "fineSatang");
            return legalCases.UpdateAsync(User.ToActor(), id, new LegalCaseInput(null, null, null, string.IsNullOrEmpty(Verdict) ? null : Verdict, SentenceMonths, fine,
                string.IsNullOrWhiteSpace(AppealLodgedOn) ? null : AppealLodgedOn), cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostHearingAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "hearing", () => legalCases.AddHearingAsync(User.ToActor(), id, new HearingInput(HeldOn, HearingNote), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostWitnessAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "witness", () => legalCases.AddWitnessAsync(User.ToActor(), id,
            new WitnessInput(WitnessCaseId, Coordinator, InterpreterLanguage, ProtectionMeasures), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostAssetAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "asset", () =>
        {
            var value = Amount(AssetValueBaht, "valueSatang");
            return legalCases.AddAssetAsync(User.ToActor(), id, new AssetInput(AssetDescription, AssetStatus, value, AssetRecordedOn, null), cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostCompensationAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "compensation", () =>
        {
            var claimed = Amount(ClaimedBaht, "claimedSatang");
            var awarded = Amount(AwardedBaht, "awardedSatang");
            var paid = Amount(PaidBaht, "paidSatang");
            return legalCases.SetCompensationAsync(User.ToActor(), id, new CompensationInput(CompensationCaseId, claimed, awarded, paid), cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostShareAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "share", () => sharing.ShareAsync(User.ToActor(), id, ShareOrganisationId, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "share", () => sharing.RevokeAsync(User.ToActor(), id, ShareId ?? Guid.Empty, cancellationToken), cancellationToken);

    public IEnumerable<string> ErrorsFor(string form) => ErrorForm == form ? Errors.SelectMany(e => e.Value) : [];

    /// <summary>Baht typed on the page → satang; a typo is reported under the API's field name, before anything is stored.</summary>
    private static long? Amount(string? baht, string field)
    {
        if (!Baht.TryParse(baht, out var satang))
        {
            throw new ValidationException(new Dictionary<string, string[]> { [field] = ["An amount in baht, such as 1,250,000.50."] });
        }

        return satang;
    }

    private async Task<IActionResult> ChangeAsync(Guid id, string form, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return Redirect("/Justice/LegalCase/" + id);
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            ErrorForm = form;
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
        }
        catch (NotFoundException)
        {
            return false;
        }

        if (!LegalCase.Shared)
        {
            var actor = User.ToActor();
            Cases = await legalCases.CaseChoicesAsync(actor, cancellationToken);
            Shares = await sharing.ListAsync(actor, id, cancellationToken);
            ShareTargets = await sharing.TargetsAsync(actor, cancellationToken);
        }

        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>One suspect: identifiers, links to cases, and the network of suspects sharing identifiers with them.</summary>
[Authorize(Policy = Policies.Justice)]
public sealed class SuspectModel(Suspects suspects, SearchCases searchCases) : PageModel
{
    [BindProperty] public string? IdentifierType { get; set; } = "phone";
    [BindProperty] public string? IdentifierValue { get; set; }
    [BindProperty] public Guid? LinkCaseId { get; set; }
    public SuspectView Suspect { get; private set; } = null!;
    public NetworkView Network { get; private set; } = new([], []);
    public IReadOnlyList<CaseSummary> Cases { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostIdentifierAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => suspects.AddIdentifierAsync(User.ToActor(), id, new IdentifierInput(IdentifierType, IdentifierValue), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(Guid id, CancellationToken cancellationToken) =>
        await ChangeAsync(id, () => suspects.AddLinkAsync(User.ToActor(), id, new SuspectLinkInput(LinkCaseId, null, null), cancellationToken), cancellationToken);

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];

    private async Task<IActionResult> ChangeAsync(Guid id, Func<Task> change, CancellationToken cancellationToken)
    {
        try
        {
            await change();
            return Redirect("/Justice/Suspect/" + id);
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
            Suspect = await suspects.GetAsync(User.ToActor(), id, cancellationToken);
            Network = await suspects.NetworkAsync(User.ToActor(), id, cancellationToken);
            Cases = (await searchCases.HandleAsync(User.ToActor(), new SearchCases.Query(PageSize: 100), cancellationToken)).Items;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

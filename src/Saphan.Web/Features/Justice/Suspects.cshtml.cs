using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>The organisation's suspects and a form to add one. Law enforcement only; every view is audited.</summary>
[Authorize(Policy = Policies.Justice)]
public sealed class SuspectsModel(Suspects suspects) : PageModel
{
    [BindProperty] public string? Kind { get; set; } = "person";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> SuspectRoles { get; set; } = [];
    public IReadOnlyList<SuspectSummary> Items { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await suspects.ListAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await suspects.CreateAsync(User.ToActor(), new SuspectInput(Kind, Name, SuspectRoles, null), cancellationToken);
            return Redirect("/Justice/Suspect/" + created.Id);
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Items = await suspects.ListAsync(User.ToActor(), cancellationToken);
            return Page();
        }
    }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}

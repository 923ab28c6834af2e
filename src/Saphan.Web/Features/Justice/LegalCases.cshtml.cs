using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>The organisation's legal cases and a form to open one. Law enforcement only; every view is audited.</summary>
[Authorize(Policy = Policies.Justice)]
public sealed class LegalCasesModel(LegalCases legalCases) : PageModel
{
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public List<string> Charges { get; set; } = [];
    public IReadOnlyList<LegalCaseSummary> Items { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await legalCases.ListAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await legalCases.CreateAsync(User.ToActor(), new LegalCaseInput(Reference, null, Charges, null, null, null, null), cancellationToken);
            return Redirect("/Justice/LegalCase/" + created.Id);
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Items = await legalCases.ListAsync(User.ToActor(), cancellationToken);
            return Page();
        }
    }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}

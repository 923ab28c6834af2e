using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Justice;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Justice;

/// <summary>Raids and rescues of the organisation, and a form to plan one. Law enforcement only.</summary>
[Authorize(Policy = Policies.Justice)]
public sealed class OperationsModel(Operations operations) : PageModel
{
    [BindProperty] public string? Type { get; set; } = "rescue";
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Province { get; set; }
    [BindProperty] public string? PlannedOn { get; set; }
    public IReadOnlyList<OperationView> Items { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Items = await operations.ListAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var created = await operations.CreateAsync(User.ToActor(), new OperationInput(Type, Name, Province, PlannedOn, null), cancellationToken);
            return Redirect("/Justice/Operation/" + created.Id);
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            Items = await operations.ListAsync(User.ToActor(), cancellationToken);
            return Page();
        }
    }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var e) ? e : [];
}

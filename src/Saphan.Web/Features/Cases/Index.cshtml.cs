using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Cases;

/// <summary>
/// The organisation's case list. Status and province filter by the address bar; a search for a name,
/// document or phone number is posted, so that the person's identifiers never appear in a URL.
/// </summary>
public sealed class IndexModel(SearchCases search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty] public string? Q { get; set; }

    public CasePage Result { get; private set; } = new([], 1, 25, 0);
    public bool CanCreate => Roles.CaseWriters.Any(User.IsInRole);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task OnPostAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var status = Core.Features.Reference.ValueSets.CaseStatus.Contains(Status) ? Status : null;
        var province = Core.Features.Reference.Provinces.IsKnown(Province) ? Province : null;
        var text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, 200)];
        Result = await search.HandleAsync(User.ToActor(), new SearchCases.Query(text, status, province, null, Math.Max(PageNumber, 1), 25), cancellationToken);
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Cases;

public sealed class DetailsModel(GetCase getCase) : PageModel
{
    public CaseView Case { get; private set; } = null!;
    public bool CanEdit => Roles.CaseWriters.Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Case = await getCase.HandleAsync(User.ToActor(), id, cancellationToken);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}

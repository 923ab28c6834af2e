using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Pathways;

/// <summary>The care pathway templates (no personal data: every member reads them); network admins edit them.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(PathwayCommands pathways) : PageModel
{
    public IReadOnlyList<PathwayView> Pathways { get; private set; } = [];
    public bool CanEdit => PathwayCommands.CanEditTemplates(User.ToActor());

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pathways = await pathways.ListAsync(currentOnly: false, cancellationToken);
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Repository;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Repository;

/// <summary>The org admin's repository page: publish the organisation's encodings, and choose whether it is named in counts.</summary>
[Authorize(Policy = Policies.RepositoryPublish)]
public sealed class PublishModel(RepositorySettings settings, PublishToRepository publish) : PageModel
{
    public OrganisationRepositoryView View { get; private set; } = null!;
    public PublishResult? Published { get; private set; }
    public string? Problem { get; private set; }
    [BindProperty] public bool NamedInCounts { get; set; }
    [TempData] public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => View = await settings.GetAsync(User.ToActor(), cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        try
        {
            Published = await publish.HandleAsync(actor, actor.OrganisationId, cancellationToken);
        }
        catch (NetworkKeyMissingException missing)
        {
            Problem = missing.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        // A publication that went through used the key: no need to read the key file again to say it is configured.
        View = await settings.GetAsync(actor, cancellationToken, Published is null ? null : true);
        return Page();
    }

    public async Task<IActionResult> OnPostNamingAsync(CancellationToken cancellationToken)
    {
        await settings.SetNamedAsync(User.ToActor(), NamedInCounts, cancellationToken);
        Saved = "naming";
        return RedirectToPage();
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Services;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Services;

/// <summary>
/// Publishes a new service of the user's organisation, or changes one of its services. Org admins and supervisors
/// (the roles the API allows); another organisation's service answers 404.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(ServiceDirectory directory) : PageModel
{
    [BindProperty] public ServiceInput Form { get; set; } = new();
    public Guid? Id { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!ServiceDirectory.CanManage(User.ToActor()))
        {
            return Forbid();
        }

        Id = id;
        if (id is { } existing)
        {
            var view = await OwnAsync(existing, cancellationToken);
            if (view is null)
            {
                return NotFound();
            }

            Form = new ServiceInput
            {
                Type = view.Type, Name = view.Name, Provinces = [.. view.Provinces], Languages = [.. view.Languages], Genders = [.. view.Genders],
                MinAge = view.MinAge, MaxAge = view.MaxAge, Nationalities = [.. view.Nationalities], Capacity = view.Capacity, Available = view.Available,
                ContactRoute = view.ContactRoute,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        if (!ServiceDirectory.CanManage(actor))
        {
            return Forbid();
        }

        Id = id;
        Form.Provinces ??= [];
        Form.Languages ??= [];
        Form.Genders ??= [];
        Form.Nationalities ??= [];
        try
        {
            var saved = id is { } existing
                ? await directory.UpdateAsync(actor, existing, Form, cancellationToken)
                : await directory.CreateAsync(actor, Form, cancellationToken);
            return Redirect("/Services?Type=" + saved.Type + "#services");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<ServiceView?> OwnAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var view = await directory.GetAsync(User.ToActor(), id, cancellationToken);
            return view.OrganisationId == User.ToActor().OrganisationId ? view : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Consents;

/// <summary>Records a consent decision from the case page's form; shows the form again, with its errors, when it is refused.</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class RecordModel(RecordConsent record, GetCase getCase) : PageModel
{
    [BindProperty] public ConsentForm Form { get; set; } = new();
    public Guid CaseId { get; private set; }
    public string PersonName { get; private set; } = "";
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        CaseId = caseId;
        try
        {
            await record.HandleAsync(User.ToActor(), caseId, Form.ToInput(), cancellationToken);
            return Redirect("/Cases/Details/" + caseId + "#consents");
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        CaseId = caseId;
        try
        {
            var view = await getCase.HandleAsync(User.ToActor(), caseId, cancellationToken);
            PersonName = view.Person.GivenName;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

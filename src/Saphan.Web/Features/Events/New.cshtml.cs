using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Standard;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Events;

/// <summary>
/// Adds a recruitment, transit or exploitation event to a case. The form is drawn from the dictionary's
/// section for the type (labels, help, value sets); the use case validates it as it does the API's body.
/// </summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class NewModel(CreateEvent create, GetCase getCase) : PageModel
{
    /// <summary>Form fields are named "f." + the field's API name.</summary>
    public const string Prefix = "f.";

    public Guid CaseId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string Type { get; private set; } = "recruitment";
    public StandardSection Section { get; private set; } = null!;
    public Dictionary<string, List<string>> Values { get; } = new(StringComparer.Ordinal);
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public IReadOnlyList<string> ValuesOf(string name) => Values.TryGetValue(name, out var values) ? values : [];

    public async Task<IActionResult> OnGetAsync(Guid caseId, string? type, CancellationToken cancellationToken)
    {
        SetType(type);
        return await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid caseId, string? type, CancellationToken cancellationToken)
    {
        SetType(Request.Form["type"].ToString() is { Length: > 0 } posted ? posted : type);
        var input = new EventInput { Type = Type };
        foreach (var field in Section.Fields)
        {
            var name = EventInput.NameOf(field);
            var values = Request.Form[Prefix + name].Select(v => v ?? "").Where(v => v.Trim().Length > 0).ToList();
            Values[name] = values;
            input.Values[name] = [.. values];
        }

        try
        {
            await create.HandleAsync(User.ToActor(), caseId, input, cancellationToken);
            return Redirect("/Cases/Details/" + caseId + "#events");
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

    private void SetType(string? type)
    {
        Type = EventInput.SectionOf(type) is null ? "recruitment" : type!;
        Section = EventInput.SectionOf(Type)!;
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        CaseId = caseId;
        try
        {
            PersonName = (await getCase.HandleAsync(User.ToActor(), caseId, cancellationToken)).Person.GivenName;
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }
}

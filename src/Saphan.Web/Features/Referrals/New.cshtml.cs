using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Referrals;
using Saphan.Core.Features.Services;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Referrals;

/// <summary>Refers a case: the directory, filtered by the person's profile (province, gender, age, nationality) and optionally a service type.</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class NewModel(GetCase getCase, ServiceDirectory directory, ReferralCommands referrals) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty] public Guid? ServiceId { get; set; }
    [BindProperty] public string Urgency { get; set; } = "normal";
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ConsentOverride { get; set; }
    public Guid CaseId { get; private set; }
    public string PersonName { get; private set; } = "";
    public IReadOnlyList<ServiceView> Services { get; private set; } = [];
    public string? Problem { get; private set; }
    public bool IsSupervisor => User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        try
        {
            var input = new ReferralInput { ServiceId = ServiceId?.ToString(), Urgency = Urgency, Reason = Reason, ConsentOverride = ConsentOverride };
            var created = await referrals.CreateAsync(User.ToActor(), caseId, input, cancellationToken);
            return Redirect("/Referrals/Details/" + created.Id);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationException invalid)
        {
            Problem = string.Join(" ", invalid.Errors.Select(e => e.Key + ": " + string.Join(" ", e.Value)));
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (ReferralRefusedException refused)
        {
            Problem = refused.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        CaseId = caseId;
        CaseView view;
        try
        {
            view = await getCase.HandleAsync(User.ToActor(), caseId, cancellationToken);
        }
        catch (NotFoundException)
        {
            return false;
        }

        PersonName = view.Person.GivenName;
        var p = view.Person;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = p.BirthDate is { } birth ? today.Year - birth.Year - (birth.AddYears(today.Year - birth.Year) > today ? 1 : 0) : p.AgeAtIdentification;
        var candidates = await directory.SearchAsync(User.ToActor(), new ServiceFilter(Type, view.Province, null, p.Gender, age), cancellationToken);
        Services = candidates.Where(s => s.Nationalities.Count == 0 || p.Citizenship.Any(s.Nationalities.Contains)).ToList();
        return true;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Screenings;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Screenings;

/// <summary>Choose an instrument, answer its items, see the score and what its band means.</summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class NewModel(RecordScreening record, GetCase getCase) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Instrument { get; set; }
    [BindProperty] public List<int?> Answers { get; set; } = [];
    public Guid CaseId { get; private set; }
    public string PersonName { get; private set; } = "";
    public int? Age { get; private set; }
    public ScreeningInstrument? Chosen { get; private set; }
    public IReadOnlyList<ScreeningInstrument> Available { get; private set; } = [];
    public ScreeningView? Result { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid caseId, CancellationToken cancellationToken) =>
        await LoadAsync(caseId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid caseId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(caseId, cancellationToken))
        {
            return NotFound();
        }

        // Unanswered radio groups post nothing: pad to the item count so the error names the item.
        var answers = Chosen is null ? Answers : [.. Enumerable.Range(0, Chosen.Items.Count).Select(i => i < Answers.Count ? Answers[i] : null)];
        try
        {
            Result = await record.HandleAsync(User.ToActor(), caseId, new ScreeningInput { Instrument = Instrument, Answers = answers }, cancellationToken);
            return Page();
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
        }
        catch (ForbiddenException)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid caseId, CancellationToken cancellationToken)
    {
        CaseId = caseId;
        try
        {
            var view = await getCase.HandleAsync(User.ToActor(), caseId, cancellationToken);
            PersonName = view.Person.GivenName;
            Age = view.Person.BirthDate is { } birth ? AgeOn(birth) : view.Person.EstimatedAge;
        }
        catch (NotFoundException)
        {
            return false;
        }

        var actor = User.ToActor();
        Available = [.. ScreeningInstruments.All.Where(i => ScreeningAccess.MaySee(actor, i.Category) && (i.UnderAge is null || Age is null || Age < i.UnderAge))];
        Chosen = Available.FirstOrDefault(i => string.Equals(i.Code, Instrument, StringComparison.OrdinalIgnoreCase));
        return true;
    }

    private static int AgeOn(DateOnly birth)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = today.Year - birth.Year;
        return birth.AddYears(age) > today ? age - 1 : age;
    }

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];
}

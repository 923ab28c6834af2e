using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Cases;

/// <summary>One form for a new case and for changing an existing one; the use cases validate both.</summary>
public sealed class EditModel(CreateCase create, UpdateCase update, GetCase get, SaphanDbContext db) : PageModel
{
    [BindProperty] public CaseForm Form { get; set; } = new();
    public Guid? Id { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public IReadOnlyList<(Guid Id, string Name)> Staff { get; private set; } = [];

    public IEnumerable<string> ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is { } existing)
        {
            try
            {
                Form = CaseForm.From(await get.HandleAsync(User.ToActor(), existing, cancellationToken));
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        else
        {
            Form.IdentifiedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Form.AssignedWorkerId = User.ToActor().UserId.ToString();
        }

        await LoadStaffAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Id = id;
        var input = Form.ToInput();
        try
        {
            var saved = id is { } existing
                ? await update.HandleAsync(User.ToActor(), existing, input, cancellationToken)
                : await create.HandleAsync(User.ToActor(), input, cancellationToken);
            return Redirect("/Cases/Details/" + saved.Id);
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
        await LoadStaffAsync(cancellationToken);
        return Page();
    }

    private async Task LoadStaffAsync(CancellationToken cancellationToken)
    {
        var organisation = User.ToActor().OrganisationId;
        Staff = (await db.Users.AsNoTracking().Where(u => u.OrganisationId == organisation)
                .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}

/// <summary>The form's fields as the browser posts them.</summary>
public sealed class CaseForm
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public string? OtherNames { get; set; }
    public string? BirthDate { get; set; }
    public string? EstimatedAge { get; set; }
    public string? Gender { get; set; } = "unknown";
    public List<string> Citizenship { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public List<DocumentInput> Documents { get; set; } = [];
    public string? IdentifiedOn { get; set; }
    public string? IdentificationRoute { get; set; } = "other";
    public string? Province { get; set; }
    public string? Status { get; set; } = "active";
    /// <summary>Required when the status chosen closes the case.</summary>
    public string? ClosureReason { get; set; }
    public string? AssignedWorkerId { get; set; }
    public string? Summary { get; set; }

    public static CaseForm From(CaseView view) => new()
    {
        GivenName = view.Person.GivenName,
        FamilyName = view.Person.FamilyName,
        OtherNames = string.Join('\n', view.Person.OtherNames),
        BirthDate = view.Person.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        EstimatedAge = view.Person.EstimatedAge?.ToString(CultureInfo.InvariantCulture),
        Gender = view.Person.Gender,
        Citizenship = [.. view.Person.Citizenship],
        Languages = [.. view.Person.Languages],
        Phone = view.Person.Phone,
        Address = view.Person.Address,
        Documents = view.Person.IdentityDocuments.Select(d => new DocumentInput { Type = d.Type, Number = d.Number, IssuingCountry = d.IssuingCountry }).ToList(),
        IdentifiedOn = view.IdentifiedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IdentificationRoute = view.IdentificationRoute,
        Province = view.Province,
        Status = view.Status,
        AssignedWorkerId = view.AssignedWorkerId?.ToString(),
        Summary = view.Summary,
    };

    public CaseInput ToInput()
    {
        var age = EstimatedAge?.Trim();
        var person = new PersonInput
        {
            GivenName = GivenName,
            FamilyName = FamilyName,
            OtherNames = (OtherNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            BirthDate = BirthDate,
            EstimatedAge = int.TryParse(age, NumberStyles.None, CultureInfo.InvariantCulture, out var years) ? years : null,
            Gender = Gender,
            Citizenship = Citizenship,
            Languages = Languages,
            Phone = Phone,
            Address = Address,
            // Blank rows of the form are not documents.
            IdentityDocuments = Documents.Where(d => !string.IsNullOrWhiteSpace(d.Type) || !string.IsNullOrWhiteSpace(d.Number)).ToList(),
        };
        var input = new CaseInput
        {
            Person = person,
            IdentifiedOn = IdentifiedOn,
            IdentificationRoute = IdentificationRoute,
            Province = Province,
            Status = Status,
            AssignedWorkerId = AssignedWorkerId,
            Summary = Summary,
            ClosureReason = ClosureReason,
        }.AllPresent();
        if (!string.IsNullOrWhiteSpace(age) && person.EstimatedAge is null)
        {
            // A non-number age must not silently clear the field: report it as the API would.
            person.EstimatedAge = -1;
        }

        return input;
    }
}

using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Pathways;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Pathways;

/// <summary>Edits a care pathway template (network admins only): saving stores the next version.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(PathwayCommands pathways) : PageModel
{
    /// <summary>Empty rows offered below the template's steps, to add steps.</summary>
    public const int BlankRows = 2;

    public PathwayView Pathway { get; private set; } = null!;
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? NameThai { get; set; }
    [BindProperty] public List<StepRow> Steps { get; set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!PathwayCommands.CanEditTemplates(User.ToActor()))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Name = Pathway.Name;
        NameThai = Pathway.NameThai;
        Steps = [.. Pathway.Steps.Select(s => new StepRow { Code = s.Code, ServiceTypes = [.. s.ServiceTypes], ExpectedDays = s.ExpectedDays, From = s.From })];
        Steps.AddRange(Enumerable.Range(0, BlankRows).Select(_ => new StepRow()));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!PathwayCommands.CanEditTemplates(User.ToActor()))
        {
            return Forbid();
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // A row without a step code is an unused blank row (or a step removed).
        var steps = Steps.Where(s => !string.IsNullOrWhiteSpace(s.Code))
            .Select(s => new PathwayStepInput(s.Code, s.ServiceTypes ?? [], s.ExpectedDays, s.From)).ToList();
        try
        {
            await pathways.EditAsync(User.ToActor(), id, new PathwayInput(null, Name, NameThai, steps), cancellationToken);
            return Redirect("/Pathways");
        }
        catch (ValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Pathway = await pathways.GetAsync(id, cancellationToken);
            return true;
        }
        catch (NotFoundException)
        {
            return false;
        }
    }

    public sealed class StepRow
    {
        public string? Code { get; set; }
        public List<string>? ServiceTypes { get; set; } = [];
        public int? ExpectedDays { get; set; }
        public string? From { get; set; } = "identification";
    }
}

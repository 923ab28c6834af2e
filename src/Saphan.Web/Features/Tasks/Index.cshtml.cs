using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Tasks;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Tasks;

/// <summary>The signed-in user's open tasks, urgent first, each with a form to complete it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ListTasks list, CompleteTask complete) : PageModel
{
    public IReadOnlyList<TaskView> Tasks { get; private set; } = [];
    public Guid? FailedTaskId { get; private set; }
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    [BindProperty] public Guid TaskId { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tasks = await list.HandleAsync(User.ToActor(), cancellationToken, culture: CultureInfo.CurrentUICulture);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await complete.HandleAsync(User.ToActor(), TaskId, Note, cancellationToken);
            return Redirect("/Tasks");
        }
        catch (ValidationException invalid)
        {
            FailedTaskId = TaskId;
            Errors = invalid.Errors;
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await OnGetAsync(cancellationToken);
        return Page();
    }
}

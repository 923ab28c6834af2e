using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Identity;

namespace Saphan.Web.Features;

public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        Roles.CaseReaders.Any(User.IsInRole) ? RedirectToPage("/Cases/Index") : Page();
}

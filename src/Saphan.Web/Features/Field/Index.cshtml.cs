using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Field;

/// <summary>
/// The offline field form: a shell that holds no record. Its script builds the intake and screening forms from the
/// dictionary and the instruments, keeps entries in the browser (IndexedDB) and sends them when a connection is back.
/// </summary>
[Authorize(Policy = Policies.CasesWrite)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}

using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Services;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Services;

/// <summary>The network's service directory with filters, and its 3W CSV export. Any signed-in member reads it.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(ServiceDirectory directory) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Language { get; set; }
    public IReadOnlyList<ServiceView> Services { get; private set; } = [];
    public bool CanManage => ServiceDirectory.CanManage(User.ToActor());
    public Guid OrganisationId => User.ToActor().OrganisationId;

    private ServiceFilter Filter => new(Type, Province, Language);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Services = await directory.SearchAsync(User.ToActor(), Filter, cancellationToken);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var services = await directory.SearchAsync(User.ToActor(), Filter, cancellationToken);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ServiceDirectory.ToCsv(services))).ToArray(), "text/csv; charset=utf-8", "saphan-services-3w.csv");
    }
}

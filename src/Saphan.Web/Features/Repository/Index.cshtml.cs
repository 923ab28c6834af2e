using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Repository;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Repository;

/// <summary>The analyst's view of the repository: distinct people, overlap, journeys and de-identified records.</summary>
[Authorize(Policy = Policies.Repository)]
public sealed class IndexModel(RepositoryAnalysis analysis) : PageModel
{
    public RepositorySummary Summary { get; private set; } = null!;
    public RecordPage Records { get; private set; } = null!;

    public async Task OnGetAsync(int? p, CancellationToken cancellationToken)
    {
        var view = await analysis.ViewAsync(User.ToActor(), p ?? 1, cancellationToken);
        Summary = view.Summary;
        Records = view.Records;
    }
}

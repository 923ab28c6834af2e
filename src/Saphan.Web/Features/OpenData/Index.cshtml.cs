using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Repository;

namespace Saphan.Web.Features.OpenData;

/// <summary>Public: the network's figures with small cells suppressed, and the downloads. No sign-in (AnonymousEndpoints).</summary>
public sealed class IndexModel(Saphan.Core.Features.Repository.OpenData openData) : PageModel
{
    public OpenFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Figures = await openData.FiguresAsync(cancellationToken);
}

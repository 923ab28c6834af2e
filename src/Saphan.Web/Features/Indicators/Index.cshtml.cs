using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Indicators;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Indicators;

/// <summary>
/// Dashboards: the quarter's indicators for the user's organisation or the whole network, trends over the last eight
/// quarters, breakdowns and a province table, with every definition. Same roles and rules as the API.
/// </summary>
[Authorize(Roles = "supervisor,org_admin,network_admin,analyst")]
public sealed class IndexModel(GetIndicators indicators, TimeProvider clock) : PageModel
{
    public const int TrendQuarters = 8;

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    public IReadOnlyList<string> Scopes { get; private set; } = [];
    public IReadOnlyList<string> Periods { get; private set; } = [];
    public IndicatorSet? Set { get; private set; }
    public IReadOnlyList<IndicatorTrendPoint> Trend { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var actor = User.ToActor();
        var current = Quarter.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        Periods = current.Trailing(12).Reverse().Select(q => q.ToString()).ToList();
        Scopes = GetIndicators.ScopesFor(actor);
        // The last complete quarter: the one a quarterly report is about.
        Period ??= current.Previous.ToString();
        Scope ??= Scopes.Count > 0 ? Scopes[0] : null;
        var errors = new ValidationErrors();
        var (quarter, scope) = GetIndicators.Parse(Period, Scope, errors);
        if (errors.Any || !Scopes.Contains(scope))
        {
            Errors = errors.ToDictionary();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Set = await indicators.HandleAsync(actor, quarter, scope, cancellationToken);
        Trend = await indicators.TrendAsync(actor, quarter, TrendQuarters, scope, cancellationToken);
        return Page();
    }

    public IndicatorValue? Find(string code) => Set?.Indicators.FirstOrDefault(i => i.Definition.Code == code);

    /// <summary>The series of an indicator's totals over the trend's quarters (null where suppressed or hidden).</summary>
    public IReadOnlyList<double?> Series(string code) =>
        Trend.Select(p => p.Indicators.FirstOrDefault(i => i.Definition.Code == code)?.Total?.Value).ToList();
}

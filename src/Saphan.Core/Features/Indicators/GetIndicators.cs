using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;

namespace Saphan.Core.Features.Indicators;

/// <summary>The indicators of one quarter in one scope, as the API, the dashboards and the reports show them.</summary>
public sealed record IndicatorSet(
    string Period,
    string Scope,
    Guid? OrganisationId,
    string? OrganisationName,
    DateOnly From,
    DateOnly To,
    int SuppressedBelow,
    IReadOnlyList<IndicatorValue> Indicators,
    long ElapsedMilliseconds);

/// <summary>One quarter's totals (no breakdowns), for trends.</summary>
public sealed record IndicatorTrendPoint(string Period, IReadOnlyList<IndicatorValue> Indicators);

/// <summary>
/// Who may see which indicators: an organisation's supervisors and org admins see their own organisation's figures
/// (scope "org"); network admins and analysts see the whole network's (scope "network": counts only, cells under 11
/// suppressed, no organisation named). Health-derived indicators are hidden from org admins, as health results are
/// (docs/security.md). Every look is audited.
/// </summary>
public sealed class GetIndicators(SaphanDbContext db)
{
    public const string OrgScope = "org";
    public const string NetworkScope = "network";
    public static readonly IReadOnlyList<string> OrganisationRoles = [Roles.Supervisor, Roles.OrgAdmin];
    public static readonly IReadOnlyList<string> NetworkRoles = [Roles.NetworkAdmin, Roles.Analyst];
    public static readonly IReadOnlyList<string> AllRoles = [.. OrganisationRoles, .. NetworkRoles];

    /// <summary>Reads "2026Q1" and "org" | "network", naming the parameter that is wrong.</summary>
    public static (Quarter Quarter, string Scope) Parse(string? period, string? scope, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!Quarter.TryParse(period, out var quarter))
        {
            errors.Add("period", "Give a quarter as YYYYQn, for example 2026Q1 (Common Era year, quarter 1 to 4).");
        }

        if (scope is not (OrgScope or NetworkScope))
        {
            errors.Add("scope", "Use org or network.");
        }

        return (quarter, scope ?? "");
    }

    /// <summary>The scopes an actor may ask for, in the order offered.</summary>
    public static IReadOnlyList<string> ScopesFor(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var scopes = new List<string>();
        if (actor.HasAnyRole(OrganisationRoles))
        {
            scopes.Add(OrgScope);
        }

        if (actor.HasAnyRole(NetworkRoles))
        {
            scopes.Add(NetworkScope);
        }

        return scopes;
    }

    public async Task<IndicatorSet> HandleAsync(Actor actor, Quarter quarter, string scope, CancellationToken cancellationToken)
    {
        var (organisationId, includeHealth) = Authorise(actor, scope);
        var set = await ComputeAsync(quarter, organisationId, includeHealth, cancellationToken);
        db.Audit(actor, "indicators.viewed", "indicators", organisationId ?? Guid.Empty, $"{quarter} {scope}");
        await db.SaveChangesAsync(cancellationToken);
        return set;
    }

    public async Task<IReadOnlyList<IndicatorTrendPoint>> TrendAsync(Actor actor, Quarter last, int quarters, string scope, CancellationToken cancellationToken)
    {
        var (organisationId, includeHealth) = Authorise(actor, scope);
        return await TrendForAsync(last, quarters, organisationId, includeHealth, cancellationToken);
    }

    /// <summary>For the command line (acting for the system): an organisation's indicators, or the network's when null.</summary>
    public async Task<IndicatorSet> ComputeAsync(Quarter quarter, Guid? organisationId, bool includeHealth, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        string? name = null;
        if (organisationId is { } org)
        {
            name = await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException("Organisation");
        }

        var values = await IndicatorEngine.ComputeAsync(db, quarter, organisationId, organisationId is null, breakdowns: true, includeHealth, cancellationToken);
        return new IndicatorSet(quarter.ToString(), organisationId is null ? NetworkScope : OrgScope, organisationId, name, quarter.Start, quarter.End.AddDays(-1),
            IndicatorEngine.SmallCell, values, clock.ElapsedMilliseconds);
    }

    public async Task<IReadOnlyList<IndicatorTrendPoint>> TrendForAsync(Quarter last, int quarters, Guid? organisationId, bool includeHealth, CancellationToken cancellationToken)
    {
        var trend = await IndicatorEngine.TrendAsync(db, last.Trailing(Math.Clamp(quarters, 1, 12)), organisationId, organisationId is null, includeHealth, cancellationToken);
        return [.. trend.Select(p => new IndicatorTrendPoint(p.Quarter.ToString(), p.Values))];
    }

    private static (Guid? Organisation, bool IncludeHealth) Authorise(Actor actor, string scope)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return scope switch
        {
            OrgScope when actor.HasAnyRole(OrganisationRoles) => (actor.OrganisationId, actor.HasAnyRole([Roles.Supervisor])),
            NetworkScope when actor.HasAnyRole(NetworkRoles) => (null, true),
            _ => throw new ForbiddenException(),
        };
    }
}

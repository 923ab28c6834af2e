using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.CaseRecord;
using Saphan.Core.Features.Identity;

namespace Saphan.Web.Features.CaseRecord;

/// <summary>The vulnerability form as the browser posts it (every field, so it replaces the assessment).</summary>
public sealed class VulnerabilityForm
{
    public string? AssessedOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public List<string> Individual { get; set; } = [];
    public string? IncomeBand { get; set; }
    public string? DebtThb { get; set; }
    public List<string> DebtTo { get; set; } = [];
    public string? Dependants { get; set; }
    public List<string> Community { get; set; } = [];
    public string? Details { get; set; }

    public VulnerabilityInput ToInput(bool health) => new()
    {
        AssessedOn = AssessedOn, Individual = health ? Individual : null, IncomeBand = IncomeBand, DebtText = DebtThb, DebtTo = DebtTo,
        DependantsText = Dependants, Community = Community, Details = Details,
    };

    public static VulnerabilityForm From(VulnerabilityView view) => !view.Recorded ? new VulnerabilityForm() : new VulnerabilityForm
    {
        AssessedOn = view.AssessedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Individual = [.. view.Individual ?? []],
        IncomeBand = view.Household.IncomeBand,
        DebtThb = view.Household.DebtThb?.ToString("0.##", CultureInfo.InvariantCulture),
        DebtTo = [.. view.Household.DebtTo],
        Dependants = view.Household.Dependants?.ToString(CultureInfo.InvariantCulture),
        Community = [.. view.Community],
        Details = view.Details,
    };
}

/// <summary>
/// The victim context form: every field it shows, so it replaces what was recorded; health needs and arrested-or-charged
/// (PDPA s.26) are shown and sent only for a role that may see them.
/// </summary>
public sealed class VictimForm
{
    public string? TraffickingStatus { get; set; }
    public string? TraffickingStatusDecidedBy { get; set; }
    public string? NrmIdentifiedOn { get; set; }
    /// <summary>"true", "false" or empty (not recorded).</summary>
    public string? NrmMultidisciplinaryTeam { get; set; }
    public List<string> HealthNeeds { get; set; } = [];
    public string? ArrestedOrCharged { get; set; }

    public VictimContextInput ToInput(bool sensitive) => new()
    {
        TraffickingStatus = TraffickingStatus,
        TraffickingStatusDecidedBy = TraffickingStatusDecidedBy,
        NrmIdentifiedOn = NrmIdentifiedOn,
        NrmMultidisciplinaryTeam = NrmMultidisciplinaryTeam,
        HealthNeeds = HealthNeeds,
        HealthNeedsSent = sensitive,
        ArrestedOrCharged = ArrestedOrCharged,
        ArrestedOrChargedSent = sensitive,
    };

    public static VictimForm From(Saphan.Core.Features.Cases.VictimContextView view) => new()
    {
        TraffickingStatus = view.TraffickingStatus,
        TraffickingStatusDecidedBy = view.TraffickingStatusDecidedBy,
        NrmIdentifiedOn = view.Nrm.IdentifiedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        NrmMultidisciplinaryTeam = Flag(view.Nrm.MultidisciplinaryTeam),
        HealthNeeds = [.. view.HealthNeeds ?? []],
        ArrestedOrCharged = Flag(view.ArrestedOrCharged),
    };

    private static string? Flag(bool? value) => value switch { true => "true", false => "false", null => null };
}

public sealed class PlanForm
{
    public string? Objectives { get; set; }
    public string? AgreedOn { get; set; }
    public string? ReviewOn { get; set; }

    public SupportPlanInput ToInput() => new() { Objectives = Objectives, AgreedOn = AgreedOn, ReviewOn = ReviewOn };

    public static PlanForm From(SupportPlanView view) => new()
    {
        Objectives = view.Objectives,
        AgreedOn = view.AgreedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ReviewOn = view.ReviewOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}

public sealed class ActionForm
{
    public string? Type { get; set; }
    public string? Description { get; set; }
    public string? Status { get; set; } = "planned";
    public string? DueOn { get; set; }
    public string? ResponsibleOrganisationId { get; set; }

    public PlanActionInput ToInput() => new() { Type = Type, Description = Description, Status = Status, DueOn = DueOn, ResponsibleOrganisationId = ResponsibleOrganisationId };
}

public sealed class ClosureForm
{
    public string? Reason { get; set; }
    public string? ClosedOn { get; set; } = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string? Details { get; set; }

    public ClosureInput ToInput() => new() { Reason = Reason, ClosedOn = ClosedOn, Details = Details };
}

/// <summary>Everything the case record's sections show, the forms' values and, after a refused post, the section's errors.</summary>
public sealed class CaseRecordPanelModel
{
    public required Guid CaseId { get; init; }
    public required bool CanWrite { get; init; }
    public required bool SeesHealth { get; init; }
    public required Saphan.Core.Features.Cases.VictimContextView Victim { get; init; }
    public required VulnerabilityView Vulnerability { get; init; }
    public required SupportPlanView Plan { get; init; }
    public required IReadOnlyList<CaseCommentView> Comments { get; init; }
    public required ClosureView Closure { get; init; }
    public required IReadOnlyList<KeyValuePair<Guid, string>> Organisations { get; init; }
    public VictimForm VictimForm { get; set; } = new();
    public VulnerabilityForm VulnerabilityForm { get; set; } = new();
    public PlanForm PlanForm { get; set; } = new();
    public ActionForm ActionForm { get; set; } = new();
    public string? CommentText { get; set; }
    public ClosureForm ClosureForm { get; set; } = new();
    public string? ReopenReason { get; set; }
    /// <summary>The form whose post was refused: victim, vulnerability, plan, action, comment, closure or reopen.</summary>
    public string? FailedSection { get; set; }
    public IDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public bool Writable => CanWrite && !Closure.Closed;

    public IEnumerable<string> ErrorsFor(string section, string field) =>
        FailedSection == section && Errors.TryGetValue(field, out var messages) ? messages : [];
}

/// <summary>Loads the sections for the case page and for a refused post; each read is audited by its use case.</summary>
public sealed class CaseRecordPanelLoader(GetVictimContext victim, GetVulnerability vulnerability, SupportPlans plans, CaseComments comments, CaseClosure closure, SaphanDbContext db)
{
    public async Task<CaseRecordPanelModel> LoadAsync(Actor actor, Guid caseId, CancellationToken cancellationToken)
    {
        var context = await victim.HandleAsync(actor, caseId, cancellationToken);
        var v = await vulnerability.HandleAsync(actor, caseId, cancellationToken);
        var plan = await plans.GetAsync(actor, caseId, cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return new CaseRecordPanelModel
        {
            CaseId = caseId,
            CanWrite = actor.HasAnyRole(Roles.CaseWriters),
            SeesHealth = CaseRecordAccess.MaySeeHealth(actor),
            Victim = context,
            VictimForm = VictimForm.From(context),
            Vulnerability = v,
            Plan = plan,
            Comments = await comments.ListAsync(actor, caseId, cancellationToken),
            Closure = await closure.GetAsync(actor, caseId, cancellationToken),
            Organisations = [.. organisations.Select(o => new KeyValuePair<Guid, string>(o.Id, o.Name))],
            VulnerabilityForm = VulnerabilityForm.From(v),
            PlanForm = PlanForm.From(plan),
        };
    }
}

/// <summary>A page that tries to change a closed case goes back to the case page, which says it is closed.</summary>
public sealed class CaseClosedPageFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is CaseClosedException && !executed.ExceptionHandled)
        {
            var id = context.RouteData.Values.TryGetValue("caseId", out var caseId) ? caseId : context.RouteData.Values.GetValueOrDefault("id");
            executed.ExceptionHandled = true;
            executed.Result = Guid.TryParse(id?.ToString(), out var guid)
                ? new RedirectResult("/Cases/Details/" + guid + "#closure")
                : new StatusCodeResult(StatusCodes.Status409Conflict);
        }
    }
}

using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>
/// The case record's part of "What is missing": no vulnerability assessment, no support-plan objectives or actions, and
/// for a closed case no closure reason (closed by a status change or an import). Codes only, never values.
/// </summary>
public static class CaseRecordCompleteness
{
    public static async Task<IReadOnlyList<string>> MissingAsync(SaphanDbContext db, CaseView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(view);
        var missing = new List<string>();
        if (!await db.Set<VulnerabilityAssessment>().AnyAsync(v => v.CaseId == view.Id, cancellationToken))
        {
            missing.Add("vulnerability");
        }

        if (!await db.Set<SupportPlan>().AnyAsync(p => p.CaseId == view.Id && p.Objectives != null, cancellationToken))
        {
            missing.Add("plan.objectives");
        }

        if (!await db.Set<SupportPlanAction>().AnyAsync(a => a.CaseId == view.Id, cancellationToken))
        {
            missing.Add("plan.action.type");
        }

        if (Case.IsClosedStatus(view.Status) && !await db.Cases.AnyAsync(c => c.Id == view.Id && c.ClosureReason != null, cancellationToken))
        {
            missing.Add("case.closureReason");
        }

        return missing;
    }
}

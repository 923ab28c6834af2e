using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.CaseRecord;

/// <summary>The EF mapping of the case-record tables (migration 0009), kept beside the feature; free text and health data encrypted.</summary>
internal static class CaseRecordModel
{
    public static void Configure(ModelBuilder builder, Action<PropertyBuilder<string>, string> encrypt, Action<PropertyBuilder<List<string>>> codeList)
    {
        builder.Entity<Case>(e =>
        {
            e.Property(c => c.ClosureReason).HasMaxLength(40);
            encrypt(e.Property(c => c.ClosureDetails!), "case.closure_details");
            // Migration 0020: the victim context's PDPA s.26 fields (health needs: health; arrested or charged: criminal record).
            encrypt(e.Property(c => c.HealthNeeds!), "case.health_needs");
            encrypt(e.Property(c => c.ArrestedOrCharged!), "case.arrested_or_charged");
        });
        builder.Entity<VulnerabilityAssessment>(e =>
        {
            e.ToTable("vulnerability_assessments");
            e.HasKey(v => v.CaseId);
            e.HasIndex(v => v.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(v => v.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(v => v.IncomeBand).HasMaxLength(24);
            e.Property(v => v.DebtThb).HasPrecision(14, 2);
            codeList(e.Property(v => v.DebtTo));
            codeList(e.Property(v => v.Community));
            encrypt(e.Property(v => v.Individual!), "vulnerability.individual");
            encrypt(e.Property(v => v.Details!), "vulnerability.details");
        });
        builder.Entity<SupportPlan>(e =>
        {
            e.ToTable("support_plans");
            e.HasKey(p => p.CaseId);
            e.HasIndex(p => p.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
            encrypt(e.Property(p => p.Objectives!), "support_plan.objectives");
        });
        builder.Entity<SupportPlanAction>(e =>
        {
            e.ToTable("support_plan_actions");
            e.HasIndex(a => a.CaseId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.ResponsibleOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Type).HasMaxLength(24);
            e.Property(a => a.Status).HasMaxLength(24);
            encrypt(e.Property(a => a.Description), "support_plan_action.description");
        });
        builder.Entity<CaseComment>(e =>
        {
            e.ToTable("case_comments");
            e.HasIndex(c => c.CaseId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Kind).HasMaxLength(16);
            encrypt(e.Property(c => c.Text), "case_comment.text");
        });
    }

    /// <summary>
    /// A screening's score and band, encrypted (PDPA s.26 health data). Rows written before migration 0009 hold
    /// them in clear: a score is digits and a band code is shorter than any ciphertext (40+ characters), so both
    /// are read as they are until the row is written again.
    /// </summary>
    public static void ProtectScreeningResults(ModelBuilder builder, Saphan.Core.Features.Protection.FieldProtector protector)
    {
        builder.Entity<Saphan.Core.Features.Screenings.Screening>(e =>
        {
            e.Property(s => s.Score).HasConversion(
                v => protector.Protect("screening.score", v.ToString(CultureInfo.InvariantCulture)),
                v => int.Parse(v.Length < 40 ? v : protector.Unprotect("screening.score", v), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
            e.Property(s => s.Band).HasConversion(
                v => protector.Protect("screening.band", v),
                v => v.Length < 40 ? v : protector.Unprotect("screening.band", v)).HasMaxLength(200);
        });
    }
}

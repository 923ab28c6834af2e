using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Organisations;

namespace Saphan.Core.Features.Justice;

/// <summary>The EF mapping of the justice tables (migration 0008), kept beside the feature; identifying fields encrypted.</summary>
internal static class JusticeModel
{
    public static void Configure(ModelBuilder builder, Action<PropertyBuilder<string>, string> encrypt, Action<PropertyBuilder<List<string>>> codeList)
    {
        builder.Entity<Suspect>(e =>
        {
            e.ToTable("suspects");
            e.HasIndex(s => s.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(s => s.Kind).HasMaxLength(16);
            encrypt(e.Property(s => s.Name), "suspect.name");
            encrypt(e.Property(s => s.Notes!), "suspect.notes");
            codeList(e.Property(s => s.Roles));
        });
        builder.Entity<SuspectIdentifier>(e =>
        {
            e.ToTable("suspect_identifiers");
            e.HasIndex(i => new { i.OrganisationId, i.Hash });
            e.HasIndex(i => i.SuspectId);
            e.HasOne<Suspect>().WithMany().HasForeignKey(i => i.SuspectId).OnDelete(DeleteBehavior.Cascade);
            e.Property(i => i.Type).HasMaxLength(24);
            e.Property(i => i.Hash).HasMaxLength(32);
            encrypt(e.Property(i => i.Value), "suspect_identifier.value");
        });
        builder.Entity<SuspectLink>(e =>
        {
            e.ToTable("suspect_links");
            e.HasIndex(l => new { l.OrganisationId, l.SuspectId });
            e.HasOne<Suspect>().WithMany().HasForeignKey(l => l.SuspectId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Suspect>().WithMany().HasForeignKey(l => l.OtherSuspectId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(l => l.LegalCaseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<LegalCase>(e =>
        {
            e.ToTable("legal_cases");
            e.HasIndex(l => l.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(l => l.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.Property(l => l.Stage).HasMaxLength(24);
            e.Property(l => l.Verdict).HasMaxLength(16);
            encrypt(e.Property(l => l.Reference), "legal_case.reference");
            codeList(e.Property(l => l.Charges));
        });
        builder.Entity<Hearing>(e =>
        {
            e.ToTable("hearings");
            e.HasIndex(h => h.LegalCaseId);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(h => h.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
            encrypt(e.Property(h => h.Note!), "hearing.note");
        });
        builder.Entity<Witness>(e =>
        {
            e.ToTable("witnesses");
            e.HasIndex(w => w.LegalCaseId);
            e.HasIndex(w => w.CaseId);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(w => w.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Case>().WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(w => w.InterpreterLanguage).HasMaxLength(40);
            encrypt(e.Property(w => w.Coordinator!), "witness.coordinator");
            encrypt(e.Property(w => w.ProtectionMeasures!), "witness.protection_measures");
        });
        builder.Entity<SeizedAsset>(e =>
        {
            e.ToTable("seized_assets");
            e.HasIndex(a => a.LegalCaseId);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(a => a.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Suspect>().WithMany().HasForeignKey(a => a.SuspectId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Status).HasMaxLength(16);
            encrypt(e.Property(a => a.Description), "seized_asset.description");
        });
        builder.Entity<Compensation>(e =>
        {
            e.ToTable("compensations");
            e.HasIndex(c => new { c.LegalCaseId, c.CaseId }).IsUnique();
            e.HasOne<LegalCase>().WithMany().HasForeignKey(c => c.LegalCaseId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Case>().WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Operation>(e =>
        {
            e.ToTable("operations");
            e.HasIndex(o => o.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<LegalCase>().WithMany().HasForeignKey(o => o.LegalCaseId).OnDelete(DeleteBehavior.Restrict);
            e.Property(o => o.Type).HasMaxLength(16);
            e.Property(o => o.Province).HasMaxLength(8);
            e.Property(o => o.Status).HasMaxLength(16);
            encrypt(e.Property(o => o.Name), "operation.name");
            encrypt(e.Property(o => o.MedicalArrangements!), "operation.medical_arrangements");
            encrypt(e.Property(o => o.ProsecutionLead!), "operation.prosecution_lead");
        });
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Saphan.Core.Features.Audit;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Protection;
using Saphan.Core.Features.Tips;

namespace Saphan.Core.Data;

/// <summary>
/// The unit of work for every feature. Identifying fields are encrypted by value converters here, so
/// no handler can forget to; audit entries recorded with <see cref="Audit"/> are chained and written
/// in the same transaction as the change they describe.
/// </summary>
public sealed class SaphanDbContext(
    DbContextOptions<SaphanDbContext> options,
    FieldProtector protector,
    AuditLog auditLog,
    TimeProvider clock)
    : IdentityDbContext<SaphanUser, IdentityRole<Guid>, Guid>(options)
{
    // One writer at a time appends to the audit chain within this process; PostgreSQL also takes an
    // advisory lock so that several app instances cannot fork the chain.
    private static readonly SemaphoreSlim AuditGate = new(1, 1);
    private const long AuditLockKey = 0x5341_5048_414E;
    private readonly List<PendingAudit> _pendingAudit = [];

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<IdentityDocument> IdentityDocuments => Set<IdentityDocument>();
    public DbSet<PersonSearchTerm> PersonSearchTerms => Set<PersonSearchTerm>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<TipNote> TipNotes => Set<TipNote>();
    public DbSet<Saphan.Core.Features.Import.ImportRecord> ImportRecords => Set<Saphan.Core.Features.Import.ImportRecord>();
    public DbSet<Saphan.Core.Features.Import.ImportMapping> ImportMappings => Set<Saphan.Core.Features.Import.ImportMapping>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<TraffickingEvent> TraffickingEvents => Set<TraffickingEvent>();
    public DbSet<Saphan.Core.Features.Services.Service> Services => Set<Saphan.Core.Features.Services.Service>();
    public DbSet<Saphan.Core.Features.Referrals.Referral> Referrals => Set<Saphan.Core.Features.Referrals.Referral>();
    public DbSet<Saphan.Core.Features.Referrals.ReferralTransition> ReferralTransitions => Set<Saphan.Core.Features.Referrals.ReferralTransition>();
    public DbSet<Saphan.Core.Features.Referrals.ReferralNote> ReferralNotes => Set<Saphan.Core.Features.Referrals.ReferralNote>();
    public DbSet<Saphan.Core.Features.FollowUps.FollowUp> FollowUps => Set<Saphan.Core.Features.FollowUps.FollowUp>();
    public DbSet<Saphan.Core.Features.Tasks.WorkTask> Tasks => Set<Saphan.Core.Features.Tasks.WorkTask>();
    public DbSet<Saphan.Core.Features.Screenings.Screening> Screenings => Set<Saphan.Core.Features.Screenings.Screening>();
    public DbSet<Saphan.Core.Features.Pathways.CarePathway> CarePathways => Set<Saphan.Core.Features.Pathways.CarePathway>();
    public DbSet<Saphan.Core.Features.Pathways.CasePathway> CasePathways => Set<Saphan.Core.Features.Pathways.CasePathway>();
    public DbSet<Saphan.Core.Features.Pathways.PathwayStepMark> PathwayStepMarks => Set<Saphan.Core.Features.Pathways.PathwayStepMark>();
    // Issue 6: the neutral repository.
    public DbSet<Saphan.Core.Features.Repository.RepositorySetting> RepositorySettings => Set<Saphan.Core.Features.Repository.RepositorySetting>();
    public DbSet<Saphan.Core.Features.Repository.RepositoryPublication> RepositoryPublications => Set<Saphan.Core.Features.Repository.RepositoryPublication>();
    public DbSet<Saphan.Core.Features.Repository.RepositoryRecord> RepositoryRecords => Set<Saphan.Core.Features.Repository.RepositoryRecord>();
    public DbSet<Saphan.Core.Features.Repository.RepositoryCluster> RepositoryClusters => Set<Saphan.Core.Features.Repository.RepositoryCluster>();
    public DbSet<Saphan.Core.Features.Repository.RepositoryMatchRun> RepositoryMatchRuns => Set<Saphan.Core.Features.Repository.RepositoryMatchRun>();

    internal FieldProtector Protector => protector;

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Records an audit entry, written by the next save.</summary>
    public void Audit(Actor actor, string action, string entityType, Guid entityId, string? detail = null) =>
        _pendingAudit.Add(new PendingAudit(actor, action, entityType, entityId.ToString(), detail));

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (_pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await AuditGate.WaitAsync(cancellationToken);
        try
        {
            var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                if (IsPostgres)
                {
                    await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [AuditLockKey], cancellationToken);
                }

                var previous = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
                var now = clock.GetUtcNow();
                foreach (var pending in _pendingAudit)
                {
                    previous = auditLog.Chain(previous, pending, now);
                    AuditEntries.Add(previous);
                }

                _pendingAudit.Clear();
                var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }

                return written;
            }
            finally
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }
            }
        }
        finally
        {
            AuditGate.Release();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        _pendingAudit.Count == 0
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new InvalidOperationException("Audited changes are saved with SaveChangesAsync.");

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<SaphanUser>(user =>
        {
            user.ToTable("users");
            user.HasIndex(u => u.OrganisationId);
            user.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            user.Property(u => u.DisplayName).HasMaxLength(200);
        });
        builder.Entity<IdentityRole<Guid>>().ToTable("roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");

        builder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Type).HasMaxLength(40);
            organisation.Property(o => o.Province).HasMaxLength(8);
        });

        builder.Entity<ApiToken>(token =>
        {
            token.ToTable("api_tokens");
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.TokenHash).HasMaxLength(64);
            token.Property(t => t.Name).HasMaxLength(200);
            token.HasOne<SaphanUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Person>(person =>
        {
            person.ToTable("persons");
            person.HasIndex(p => p.OrganisationId);
            person.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            Encrypt(person.Property(p => p.GivenName), "person.given_name");
            Encrypt(person.Property(p => p.FamilyName), "person.family_name");
            Encrypt(person.Property(p => p.OtherNames), "person.other_names");
            Encrypt(person.Property(p => p.Phone), "person.phone");
            Encrypt(person.Property(p => p.Address), "person.address");
            person.Property(p => p.BirthDate).HasConversion(new ValueConverter<DateOnly, string>(
                d => protector.Protect("person.birth_date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                s => DateOnly.ParseExact(protector.Unprotect("person.birth_date", s), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            person.Property(p => p.Gender).HasMaxLength(40);
            CodeList(person.Property(p => p.Citizenships));
            CodeList(person.Property(p => p.Languages));
            person.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<IdentityDocument>(document =>
        {
            document.ToTable("identity_documents");
            document.Property(d => d.Type).HasMaxLength(40);
            document.Property(d => d.IssuingCountry).HasMaxLength(2);
            Encrypt(document.Property(d => d.Number), "identity_document.number");
        });

        builder.Entity<PersonSearchTerm>(term =>
        {
            term.ToTable("person_search_terms");
            term.HasKey(t => new { t.PersonId, t.Kind, t.Hash });
            term.HasIndex(t => new { t.OrganisationId, t.Hash });
            term.Property(t => t.Kind).HasMaxLength(16);
            term.Property(t => t.Hash).HasMaxLength(32);
            term.HasOne<Person>().WithMany().HasForeignKey(t => t.PersonId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Case>(@case =>
        {
            @case.ToTable("cases");
            @case.HasIndex(c => new { c.OrganisationId, c.IdentifiedOn });
            @case.HasIndex(c => new { c.OrganisationId, c.Status });
            @case.HasIndex(c => c.PersonId);
            @case.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            @case.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            @case.HasOne<SaphanUser>().WithMany().HasForeignKey(c => c.AssignedWorkerId).OnDelete(DeleteBehavior.SetNull);
            @case.Property(c => c.Province).HasMaxLength(8);
            @case.Property(c => c.Status).HasMaxLength(24);
            @case.Property(c => c.IdentificationRoute).HasMaxLength(40);
            @case.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
            Encrypt(@case.Property(c => c.Summary), "case.summary");
            @case.Property(c => c.AgeBroad).HasMaxLength(8).UsePropertyAccessMode(PropertyAccessMode.Property); // issue 6: indicators
            @case.Property(c => c.TraffickingStatus).HasMaxLength(40); // issue 7: victim context from the intake form
            @case.Property(c => c.TraffickingStatusDecidedBy).HasMaxLength(40);
        });

        builder.Entity<Tip>(tip =>
        {
            tip.ToTable("tips");
            tip.HasIndex(t => t.ReceiptHash).IsUnique();
            tip.HasIndex(t => new { t.OrganisationId, t.Status, t.Priority });
            tip.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            tip.HasOne<SaphanUser>().WithMany().HasForeignKey(t => t.AssignedOperatorId).OnDelete(DeleteBehavior.SetNull);
            tip.Property(t => t.Channel).HasMaxLength(16);
            tip.Property(t => t.ReceiptHash).HasMaxLength(64);
            tip.Property(t => t.Province).HasMaxLength(8);
            tip.Property(t => t.OccurredWhen).HasMaxLength(16);
            tip.Property(t => t.Language).HasMaxLength(8);
            tip.Property(t => t.Status).HasMaxLength(24);
            tip.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
            tip.Property(t => t.PlaceHash).HasMaxLength(32);
            tip.HasIndex(t => new { t.OrganisationId, t.PlaceHash });
            Encrypt(tip.Property(t => t.Description), "tip.description");
            Encrypt(tip.Property(t => t.Place), "tip.place");
            Encrypt(tip.Property(t => t.Contact), "tip.contact");
            tip.HasMany(t => t.Notes).WithOne().HasForeignKey(n => n.TipId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TipNote>(note =>
        {
            note.ToTable("tip_notes");
            note.Property(n => n.Kind).HasMaxLength(16);
            Encrypt(note.Property(n => n.Text), "tip_note.text");
        });

        builder.Entity<ConsentRecord>(consent =>
        {
            consent.ToTable("consent_records");
            consent.HasIndex(r => new { r.CaseId, r.Purpose });
            consent.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            consent.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
            consent.Property(r => r.Purpose).HasMaxLength(40);
            consent.Property(r => r.Status).HasMaxLength(24);
            consent.Property(r => r.Method).HasMaxLength(40);
            Encrypt(consent.Property(r => r.Note), "consent_record.note");
        });

        builder.Entity<TraffickingEvent>(@event =>
        {
            @event.ToTable("trafficking_events");
            @event.HasIndex(e => e.CaseId);
            @event.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            @event.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
            @event.Property(e => e.Type).HasMaxLength(16);
            @event.Property(e => e.Country).HasMaxLength(2);
            @event.Property(e => e.Province).HasMaxLength(8);
            @event.Property(e => e.StartDate).HasMaxLength(10);
            @event.Property(e => e.EndDate).HasMaxLength(10);
            @event.Property(e => e.BorderCrossing).HasMaxLength(40);
            @event.Property(e => e.UnpaidWagesThb).HasPrecision(14, 2);
            CodeList(@event.Property(e => e.RecruiterRelation));
            CodeList(@event.Property(e => e.RecruitmentMethods));
            CodeList(@event.Property(e => e.WebsitesAndApps));
            CodeList(@event.Property(e => e.ExploitationTypes));
            CodeList(@event.Property(e => e.Industry));
            CodeList(@event.Property(e => e.LabourTypes));
            CodeList(@event.Property(e => e.SexTypes));
            CodeList(@event.Property(e => e.MeansOfControl));
            foreach (var codes in new[] { nameof(TraffickingEvent.RecruiterRelation), nameof(TraffickingEvent.RecruitmentMethods), nameof(TraffickingEvent.WebsitesAndApps), nameof(TraffickingEvent.ExploitationTypes), nameof(TraffickingEvent.Industry), nameof(TraffickingEvent.LabourTypes), nameof(TraffickingEvent.SexTypes), nameof(TraffickingEvent.MeansOfControl) })
            {
                @event.Property(codes).HasMaxLength(1000);
            }

            Encrypt(@event.Property(e => e.District), "trafficking_event.district");
            Encrypt(@event.Property(e => e.Description), "trafficking_event.description");
        });

        builder.Entity<Saphan.Core.Features.Import.ImportRecord>(import =>
        {
            import.ToTable("imports");
            import.HasIndex(i => new { i.OrganisationId, i.Sha256 }).IsUnique();
            import.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            import.Property(i => i.Sha256).HasMaxLength(64);
            import.Property(i => i.MappingName).HasMaxLength(100);
        });

        builder.Entity<Saphan.Core.Features.Import.ImportMapping>(mapping =>
        {
            mapping.ToTable("import_mappings");
            mapping.HasIndex(m => new { m.OrganisationId, m.Name }).IsUnique();
            mapping.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            mapping.Property(m => m.Name).HasMaxLength(100);
        });

        // Issue 4: the service directory and referrals.
        builder.Entity<Saphan.Core.Features.Services.Service>(service =>
        {
            service.ToTable("services");
            service.HasIndex(s => new { s.OrganisationId, s.Type });
            service.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            service.Property(s => s.Type).HasMaxLength(40);
            service.Property(s => s.Name).HasMaxLength(200);
            service.Property(s => s.ContactRoute).HasMaxLength(500);
            service.Property(s => s.Version).IsConcurrencyToken();
            CodeList(service.Property(s => s.Provinces));
            CodeList(service.Property(s => s.Languages));
            CodeList(service.Property(s => s.Genders));
            CodeList(service.Property(s => s.Nationalities));
            service.Property(s => s.Provinces).HasMaxLength(1000);
            service.Property(s => s.Nationalities).HasMaxLength(1000);
        });

        builder.Entity<Saphan.Core.Features.Referrals.Referral>(referral =>
        {
            referral.ToTable("referrals");
            referral.HasIndex(r => new { r.FromOrganisationId, r.Status });
            referral.HasIndex(r => new { r.ToOrganisationId, r.Status });
            referral.HasIndex(r => r.CaseId);
            referral.HasOne<Case>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
            referral.HasOne<Organisation>().WithMany().HasForeignKey(r => r.FromOrganisationId).OnDelete(DeleteBehavior.Restrict);
            referral.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
            referral.HasOne<Saphan.Core.Features.Services.Service>().WithMany().HasForeignKey(r => r.ServiceId).OnDelete(DeleteBehavior.Restrict);
            referral.Property(r => r.ServiceType).HasMaxLength(40);
            referral.Property(r => r.Urgency).HasMaxLength(16);
            referral.Property(r => r.Status).HasMaxLength(24);
            referral.Property(r => r.Version).IsConcurrencyToken();
            Encrypt(referral.Property(r => r.Reason), "referral.reason");
            Encrypt(referral.Property(r => r.ConsentOverride), "referral.consent_override");
        });

        builder.Entity<Saphan.Core.Features.Referrals.ReferralTransition>(step =>
        {
            step.ToTable("referral_transitions");
            step.HasIndex(t => t.ReferralId);
            step.HasOne<Saphan.Core.Features.Referrals.Referral>().WithMany().HasForeignKey(t => t.ReferralId).OnDelete(DeleteBehavior.Restrict);
            step.Property(t => t.FromStatus).HasMaxLength(24);
            step.Property(t => t.ToStatus).HasMaxLength(24);
            Encrypt(step.Property(t => t.Reason), "referral_transition.reason");
        });

        builder.Entity<Saphan.Core.Features.Referrals.ReferralNote>(note =>
        {
            note.ToTable("referral_notes");
            note.HasIndex(n => n.ReferralId);
            note.HasOne<Saphan.Core.Features.Referrals.Referral>().WithMany().HasForeignKey(n => n.ReferralId).OnDelete(DeleteBehavior.Restrict);
            note.HasOne<Organisation>().WithMany().HasForeignKey(n => n.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            Encrypt(note.Property(n => n.Text), "referral_note.text");
        });

        builder.Entity<Saphan.Core.Features.FollowUps.FollowUp>(followUp =>
        {
            followUp.ToTable("follow_ups");
            followUp.HasIndex(f => f.CaseId);
            followUp.HasIndex(f => f.OrganisationId);
            followUp.HasOne<Organisation>().WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            followUp.HasOne<Case>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
            followUp.Property(f => f.Version).IsConcurrencyToken();
            CodeList(followUp.Property(f => f.Outcomes));
            Encrypt(followUp.Property(f => f.Note), "follow_up.note");
        });

        builder.Entity<Saphan.Core.Features.Tasks.WorkTask>(task =>
        {
            task.ToTable("tasks");
            task.HasIndex(t => new { t.OrganisationId, t.Status });
            task.HasIndex(t => t.CaseId);
            task.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            task.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.Restrict);
            task.Property(t => t.Kind).HasMaxLength(40);
            task.Property(t => t.Urgency).HasMaxLength(16);
            task.Property(t => t.TitleCode).HasMaxLength(60);
            task.Property(t => t.Detail).HasMaxLength(500);
            task.Property(t => t.AssigneeRole).HasMaxLength(40);
            task.Property(t => t.Status).HasMaxLength(16);
            task.Property(t => t.SourceType).HasMaxLength(40);
            task.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
            Encrypt(task.Property(t => t.ClosureNote), "task.closure_note");
        });

        builder.Entity<Saphan.Core.Features.Screenings.Screening>(screening =>
        {
            screening.ToTable("screenings");
            screening.HasIndex(s => s.CaseId);
            screening.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            screening.HasOne<Case>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
            screening.Property(s => s.Instrument).HasMaxLength(40);
            screening.Property(s => s.InstrumentVersion).HasMaxLength(16);
            screening.Property(s => s.Category).HasMaxLength(16);
            screening.Property(s => s.Band).HasMaxLength(40);
            CodeList(screening.Property(s => s.Flags));
            Encrypt(screening.Property(s => s.Answers), "screening.answers");
        });
        Saphan.Core.Features.Justice.JusticeModel.Configure(builder, Encrypt, CodeList);
        TipRouting.Configure(builder, Encrypt);
        Saphan.Core.Features.Justice.LegalCaseSharing.Configure(builder);
        Saphan.Core.Features.CaseRecord.CaseRecordModel.Configure(builder, Encrypt, CodeList);
        Saphan.Core.Features.CaseRecord.CaseRecordModel.ProtectScreeningResults(builder, protector);
        ConfigurePathways(builder);
        Saphan.Core.Features.Repository.RepositoryModel.Configure(builder, CodeList);
        Saphan.Core.Features.Trainings.TrainingRecords.Configure(builder);
        Saphan.Core.Features.Pathways.PathwayStepTasks.Configure(builder);
        // Issue 7: entries of the offline field form, one per device id and organisation.
        Saphan.Core.Features.FieldSync.FieldEntry.Configure(builder);

        builder.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("audit_entries");
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.EntityType).HasMaxLength(64);
            entry.Property(e => e.EntityId).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(4000);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => new { e.EntityType, e.EntityId });
        });

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase(property.Name));
            }
        }
    }

    // Issue 4 (session 3): care pathways, and at most one overdue-referral task per referral and organisation.
    private static void ConfigurePathways(ModelBuilder builder)
    {
        builder.Entity<Saphan.Core.Features.Tasks.WorkTask>()
            .HasIndex(t => new { t.SourceId, t.OrganisationId }).IsUnique().HasFilter("source_type = 'referral'").HasDatabaseName("UX_tasks_referral_source");
        builder.Entity<Saphan.Core.Features.Pathways.CarePathway>(pathway =>
        {
            pathway.ToTable("care_pathways");
            pathway.HasIndex(p => new { p.Code, p.Version }).IsUnique();
            pathway.Property(p => p.Code).HasMaxLength(40);
            pathway.Property(p => p.Name).HasMaxLength(200);
            pathway.Property(p => p.NameThai).HasMaxLength(200);
            pathway.Property(p => p.Steps).HasConversion(
                new ValueConverter<List<Saphan.Core.Features.Pathways.PathwayStep>, string>(
                    v => System.Text.Json.JsonSerializer.Serialize(v, System.Text.Json.JsonSerializerOptions.Web),
                    v => System.Text.Json.JsonSerializer.Deserialize<List<Saphan.Core.Features.Pathways.PathwayStep>>(v, System.Text.Json.JsonSerializerOptions.Web) ?? new()),
                new ValueComparer<List<Saphan.Core.Features.Pathways.PathwayStep>>(
                    (a, b) => a != null && b != null && a.SequenceEqual(b), v => v.Count, v => v.ToList()));
        });
        builder.Entity<Saphan.Core.Features.Pathways.CasePathway>(assigned =>
        {
            assigned.ToTable("case_pathways");
            assigned.HasIndex(p => p.CaseId).IsUnique();
            assigned.HasIndex(p => p.OrganisationId);
            assigned.HasOne<Case>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
            assigned.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            assigned.HasOne<Saphan.Core.Features.Pathways.CarePathway>().WithMany().HasForeignKey(p => p.PathwayId).OnDelete(DeleteBehavior.Restrict);
            assigned.Property(p => p.Version).IsConcurrencyToken();
        });
        builder.Entity<Saphan.Core.Features.Pathways.PathwayStepMark>(mark =>
        {
            mark.ToTable("pathway_step_marks");
            mark.HasIndex(m => m.CaseId);
            mark.HasOne<Case>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
            mark.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            mark.Property(m => m.StepCode).HasMaxLength(40);
            mark.Property(m => m.Mark).HasMaxLength(16);
        });
    }

    private void Encrypt<T>(PropertyBuilder<T> property, string field) =>
        property.HasConversion(new ValueConverter<string, string>(v => protector.Protect(field, v), v => protector.Unprotect(field, v)));

    private static void CodeList(PropertyBuilder<List<string>> property) =>
        property.HasConversion(
            new ValueConverter<List<string>, string>(
                v => string.Join(',', v),
                v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList()),
            new ValueComparer<List<string>>(
                (a, b) => a != null && b != null && a.SequenceEqual(b),
                v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
                v => v.ToList()))
        .HasMaxLength(200);

    internal static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch))
            {
                if (i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}

/// <summary>
/// EF caches one model per context type; the model holds the encryption converters, so it is cached
/// per key as well (tests and tools may open databases with different keys in one process).
/// </summary>
internal sealed class KeyAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is SaphanDbContext saphan
            ? (context.GetType(), saphan.Protector.KeyId, saphan.Database.ProviderName, designTime)
            : (context.GetType(), designTime);
}

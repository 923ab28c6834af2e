using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Services;
using Saphan.Core.Features.Standard;
using Saphan.Core.Features.Tasks;

namespace Saphan.Core.Features.Referrals;

/// <summary>
/// Referrals between organisations. Both sides need a role that works with cases; a referral exists for the
/// sending and the receiving organisation only (404 for anyone else). Every change and every view of the
/// projected person is audited.
/// </summary>
public sealed class ReferralCommands(SaphanDbContext db, TimeProvider clock, ReferralRules rules)
{
    public const int ReasonMaxLength = 2000;

    public async Task<ReferralView> CreateAsync(Actor actor, Guid caseId, ReferralInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var @case = await Saphan.Core.Features.CaseRecord.CaseRecordAccess.WriteAsync(db, actor, caseId, cancellationToken, withPerson: true);

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = readErrors ?? new ValidationErrors();
        Guid serviceId = default;
        if (string.IsNullOrWhiteSpace(input.ServiceId))
        {
            errors.Add("serviceId", "Required.");
        }
        else if (!Guid.TryParse(input.ServiceId, out serviceId))
        {
            errors.Add("serviceId", "Not a service id.");
        }

        var urgencyCheck = StandardValidator.Check(DataStandard.Get("referral.urgency"), [input.Urgency ?? "normal"], today);
        if (!urgencyCheck.Ok)
        {
            errors.Add("urgency", urgencyCheck.Problem!);
        }

        var reason = PersonInput.Text(input.Reason, "reason", ReasonMaxLength, errors);
        var consentOverride = PersonInput.Text(input.ConsentOverride, "consentOverride", ReasonMaxLength, errors);
        errors.ThrowIfAny();

        var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId, cancellationToken)
            ?? throw new ReferralRefusedException("serviceId", "No such service in the directory.");

        var consented = await ConsentStatus.IsGivenAsync(db, @case.Id, "referral", cancellationToken);
        if (!consented)
        {
            if (consentOverride is null)
            {
                throw new ReferralRefusedException("consent", "No consent for referral is on record for this case. Record the person's consent, or a supervisor records an override with a reason.");
            }

            if (!actor.Roles.Contains(Roles.Supervisor))
            {
                throw new ReferralRefusedException("consentOverride", "Only a supervisor may refer without consent on record.");
            }
        }

        if (service.Available <= 0)
        {
            throw new ReferralRefusedException("serviceId", "The service is full: it has no places available now.");
        }

        var misfit = Eligibility(service, @case, today);
        if (misfit is not null)
        {
            throw new ReferralRefusedException("serviceId", misfit);
        }

        var referral = new Referral
        {
            CaseId = @case.Id,
            FromOrganisationId = actor.OrganisationId,
            ToOrganisationId = service.OrganisationId,
            ServiceId = service.Id,
            ServiceType = service.Type,
            Urgency = urgencyCheck.Values[0],
            Reason = reason,
            ConsentOverride = consented ? null : consentOverride,
            CreatedBy = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Referrals.Add(referral);
        db.ReferralTransitions.Add(new ReferralTransition
        {
            ReferralId = referral.Id, FromStatus = "", ToStatus = ReferralStates.Draft, ActorUserId = actor.UserId, ActorOrganisationId = actor.OrganisationId, At = now,
        });
        db.Audit(actor, "referral.created", "referral", referral.Id, "case " + @case.Id.ToString() + " service " + service.Id.ToString());
        if (referral.ConsentOverride is not null)
        {
            db.Audit(actor, "referral.consent_override", "referral", referral.Id, "case " + @case.Id.ToString());
        }

        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(actor, referral.Id, cancellationToken);
    }

    /// <summary>Why the service does not serve this person, or null when it does.</summary>
    internal static string? Eligibility(Service service, Case @case, DateOnly today)
    {
        var person = @case.Person;
        var reasons = new List<string>();
        if (service.Genders.Count > 0 && !service.Genders.Contains(person.Gender))
        {
            reasons.Add("the service does not serve the person's gender");
        }

        var age = person.AgeOn(today);
        if ((service.MinAge is not null || service.MaxAge is not null) && age is null)
        {
            reasons.Add("the service has an age limit and the person's age is not recorded");
        }
        else if (age < service.MinAge || age > service.MaxAge)
        {
            reasons.Add("the person's age is outside the service's age range");
        }

        if (service.Nationalities.Count > 0 && !person.Citizenships.Any(service.Nationalities.Contains))
        {
            reasons.Add("the service does not serve the person's nationality");
        }

        if (!service.Provinces.Contains(@case.Province))
        {
            reasons.Add("the service does not cover the case's province");
        }

        return reasons.Count == 0 ? null : "The service does not serve this person: " + string.Join("; ", reasons) + ".";
    }

    public async Task<ReferralView> TransitionAsync(Actor actor, Guid id, TransitionInput input, CancellationToken cancellationToken, ValidationErrors? readErrors = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        CaseAccess.EnsureCanWrite(actor);
        var errors = readErrors ?? new ValidationErrors();
        var to = input.To;
        if (string.IsNullOrWhiteSpace(to))
        {
            errors.Add("to", "Required.");
        }
        else if (!ReferralStates.Requestable.Contains(to))
        {
            errors.Add("to", "Use one of: " + string.Join(", ", ReferralStates.Requestable) + ".");
        }

        var reason = PersonInput.Text(input.Reason, "reason", ReasonMaxLength, errors);
        if (reason is null && to is ReferralStates.Declined or ReferralStates.Revoked)
        {
            errors.Add("reason", "Required when a referral is declined or revoked.");
        }

        Guid? version = null;
        if (input.Version is not null)
        {
            if (Guid.TryParse(input.Version, out var parsed))
            {
                version = parsed;
            }
            else
            {
                errors.Add("version", "Not a version.");
            }
        }

        errors.ThrowIfAny();

        await ExpireDueAsync(actor.OrganisationId, cancellationToken);
        var referral = await Mine(actor).SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Referral");
        var isSender = referral.FromOrganisationId == actor.OrganisationId;
        var isReceiver = referral.ToOrganisationId == actor.OrganisationId;
        if (!isSender && referral.Status == ReferralStates.Draft)
        {
            throw new NotFoundException("Referral");
        }

        if (ReferralStates.IsSenderStep(to!) ? !isSender : !isReceiver)
        {
            throw new ForbiddenException();
        }

        if ((version is not null && version != referral.Version) || !ReferralStates.Next(referral.Status).Contains(to!))
        {
            throw new ReferralConflictException(referral.Status);
        }

        var now = clock.GetUtcNow();
        var from = referral.Status;
        if (to == ReferralStates.Accepted || (ReferralStates.IsActive(from) && ReferralStates.IsEnded(to!)))
        {
            var service = await db.Services.SingleAsync(s => s.Id == referral.ServiceId, cancellationToken);
            if (to == ReferralStates.Accepted)
            {
                if (service.Available <= 0)
                {
                    throw new ReferralRefusedException("to", "The service is full: free a place before accepting.");
                }

                service.Available--;
            }
            else
            {
                service.Available = Math.Min(service.Capacity, service.Available + 1);
            }

            service.Version = Guid.NewGuid();
        }

        referral.Status = to!;
        referral.UpdatedAt = now;
        referral.Version = Guid.NewGuid();
        if (to == ReferralStates.Sent)
        {
            referral.SentAt = now;
        }
        else if (to is ReferralStates.Accepted or ReferralStates.Declined)
        {
            referral.AnsweredAt = now;
        }

        if (ReferralStates.IsEnded(to!))
        {
            referral.EndedAt = now;
        }

        db.ReferralTransitions.Add(new ReferralTransition
        {
            ReferralId = referral.Id, FromStatus = from, ToStatus = to!, Reason = reason, ActorUserId = actor.UserId, ActorOrganisationId = actor.OrganisationId, At = now,
        });
        db.Audit(actor, "referral." + to, "referral", referral.Id, "from " + from);
        await db.SaveChangesAsync(cancellationToken);
        return await GetAsync(actor, referral.Id, cancellationToken);
    }

    public async Task<ReferralView> GetAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await ExpireDueAsync(actor.OrganisationId, cancellationToken);
        var referral = await Mine(actor).AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken) ?? throw new NotFoundException("Referral");
        var isSender = referral.FromOrganisationId == actor.OrganisationId;
        if (!isSender && referral.Status == ReferralStates.Draft)
        {
            throw new NotFoundException("Referral");
        }

        var names = await OrganisationNamesAsync(cancellationToken);
        var service = await db.Services.AsNoTracking().Where(s => s.Id == referral.ServiceId).Select(s => s.Name).SingleAsync(cancellationToken);
        var steps = (await db.ReferralTransitions.AsNoTracking().Where(t => t.ReferralId == id).ToListAsync(cancellationToken))
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Select(t => new ReferralStepView(t.FromStatus, t.ToStatus, t.Reason, t.ActorOrganisationId == Guid.Empty ? "Saphan" : names.GetValueOrDefault(t.ActorOrganisationId, ""), t.At))
            .ToList();
        var isReceiver = referral.ToOrganisationId == actor.OrganisationId;
        var allowed = ReferralStates.Next(referral.Status)
            .Where(to => ReferralStates.IsSenderStep(to) ? isSender : isReceiver)
            .Where(_ => actor.HasAnyRole(Roles.CaseWriters))
            .ToList();
        return new ReferralView(referral.Id, isSender ? "sent" : "received", isSender ? referral.CaseId : null,
            referral.FromOrganisationId, names.GetValueOrDefault(referral.FromOrganisationId, ""), referral.ToOrganisationId, names.GetValueOrDefault(referral.ToOrganisationId, ""),
            referral.ServiceId, service, referral.ServiceType, referral.Urgency, isSender ? referral.Reason : null, isSender ? referral.ConsentOverride : null,
            referral.Status, rules.IsOverdue(referral, clock.GetUtcNow()), DueAt(referral), referral.CreatedAt, referral.SentAt, referral.AnsweredAt, referral.EndedAt,
            referral.Version, allowed, steps);
    }

    /// <summary>An inbox: received (sent to us, not drafts), sent (by us), overdue (either side, unanswered past the rule), with every box's count.</summary>
    public async Task<ReferralInbox> InboxAsync(Actor actor, string? box, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        box = string.IsNullOrWhiteSpace(box) ? "received" : box;
        if (box is not ("received" or "sent" or "overdue"))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["box"] = ["Use one of: received, sent, overdue."] });
        }

        await ExpireDueAsync(actor.OrganisationId, cancellationToken);
        var org = actor.OrganisationId;
        var now = clock.GetUtcNow();
        var all = await Mine(actor).AsNoTracking().ToListAsync(cancellationToken);
        var received = all.Where(r => r.ToOrganisationId == org && r.Status != ReferralStates.Draft).ToList();
        var sent = all.Where(r => r.FromOrganisationId == org).ToList();
        var overdue = all.Where(r => rules.IsOverdue(r, now)).ToList();
        var names = await OrganisationNamesAsync(cancellationToken);
        var services = await db.Services.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
        var items = (box switch { "sent" => sent, "overdue" => overdue, _ => received })
            .OrderByDescending(r => r.UpdatedAt.UtcTicks)
            .Select(r =>
            {
                var isSender = r.FromOrganisationId == org;
                return new ReferralSummary(r.Id, isSender ? "sent" : "received",
                    names.GetValueOrDefault(isSender ? r.ToOrganisationId : r.FromOrganisationId, ""), services.GetValueOrDefault(r.ServiceId, ""),
                    r.ServiceType, r.Urgency, r.Status, rules.IsOverdue(r, now), r.SentAt, DueAt(r), r.UpdatedAt);
            })
            .ToList();
        return new ReferralInbox(box, new ReferralCounts(received.Count, sent.Count, overdue.Count), items);
    }

    /// <summary>The receiving organisation's projected view of the person; 404 unless it is the receiver and the state allows a view.</summary>
    public async Task<ProjectedCaseView> GetCaseAsync(Actor actor, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        EnsureReads(actor);
        await ExpireDueAsync(actor.OrganisationId, cancellationToken);
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ToOrganisationId == actor.OrganisationId, cancellationToken)
            ?? throw new NotFoundException("Referral");
        var fields = ReferralProjections.For(referral.ServiceType, referral.Status);
        if (fields.Count == 0)
        {
            throw new NotFoundException("Referral");
        }

        var @case = await db.Cases.AsNoTracking().Include(c => c.Person).ThenInclude(p => p.Documents).SingleAsync(c => c.Id == referral.CaseId, cancellationToken);
        var person = @case.Person;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            values[field] = field switch
            {
                ReferralProjections.GivenName => Persons.PersonNames.Display(person.GivenName),
                ReferralProjections.FamilyName => person.FamilyName,
                ReferralProjections.Age => person.AgeOn(today),
                ReferralProjections.Gender => person.Gender,
                ReferralProjections.Languages => person.Languages.ToList(),
                ReferralProjections.Citizenship => person.Citizenships.ToList(),
                ReferralProjections.Province => @case.Province,
                ReferralProjections.Phone => person.Phone,
                ReferralProjections.Address => person.Address,
                ReferralProjections.IdentityDocuments => person.Documents.Select(d => new { d.Type, d.Number, d.IssuingCountry }).ToList(),
                ReferralProjections.Summary => @case.Summary,
                _ => null,
            };
        }

        var notes = ReferralStates.IsActive(referral.Status) ? await NotesAsync(referral.Id, actor.OrganisationId, cancellationToken) : [];
        db.Audit(actor, "referral.case_viewed", "referral", referral.Id, "case " + referral.CaseId.ToString() + " fields " + string.Join(',', fields));
        await db.SaveChangesAsync(cancellationToken);
        return new ProjectedCaseView(referral.Id, referral.Status, referral.ServiceType, referral.Urgency, referral.Reason, fields, values, notes);
    }

    /// <summary>A service note by the receiving organisation, while the referral is active.</summary>
    public async Task<ReferralNoteView> AddNoteAsync(Actor actor, Guid id, string? text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        CaseAccess.EnsureCanWrite(actor);
        var referral = await db.Referrals.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id && r.ToOrganisationId == actor.OrganisationId, cancellationToken);
        if (referral is null || !ReferralStates.IsActive(referral.Status))
        {
            throw new NotFoundException("Referral");
        }

        var errors = new ValidationErrors();
        var clean = PersonInput.Text(text, "text", ReasonMaxLength, errors);
        if (clean is null && !errors.Any)
        {
            errors.Add("text", "Required.");
        }

        errors.ThrowIfAny();
        var note = new ReferralNote { ReferralId = id, OrganisationId = actor.OrganisationId, Text = clean!, CreatedBy = actor.UserId, CreatedAt = clock.GetUtcNow() };
        db.ReferralNotes.Add(note);
        db.Audit(actor, "referral.note_added", "referral", id);
        await db.SaveChangesAsync(cancellationToken);
        return new ReferralNoteView(note.Id, note.Text, await CaseAccess.WorkerNameAsync(db, actor.UserId, cancellationToken), note.CreatedAt);
    }

    /// <summary>
    /// The referral rules, applied on every read so no background job is needed: unanswered referrals of the
    /// organisation expire once the rule's time has passed, and each overdue one raises a task for the supervisors of
    /// each side, once (idempotent: a task per overdue referral and organisation, found by its source).
    /// The receiver's task names no case: the receiving side never reaches the sender's case.
    /// </summary>
    public async Task<int> ExpireDueAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var waiting = await db.Referrals
            .Where(r => r.Status == ReferralStates.Sent && (r.FromOrganisationId == organisationId || r.ToOrganisationId == organisationId))
            .ToListAsync(cancellationToken);
        var due = waiting.Where(r => rules.IsExpired(r, now)).ToList();
        foreach (var referral in due)
        {
            referral.Status = ReferralStates.Expired;
            referral.EndedAt = now;
            referral.UpdatedAt = now;
            referral.Version = Guid.NewGuid();
            db.ReferralTransitions.Add(new ReferralTransition { ReferralId = referral.Id, FromStatus = ReferralStates.Sent, ToStatus = ReferralStates.Expired, At = now });
            db.Audit(Actor.System, "referral.expired", "referral", referral.Id);
        }

        var overdue = waiting.Where(r => !due.Contains(r) && rules.IsOverdue(r, now)).ToList();
        var raised = 0;
        if (overdue.Count > 0)
        {
            var ids = overdue.Select(r => (Guid?)r.Id).ToList();
            var existing = (await db.Tasks.AsNoTracking().Where(t => t.SourceType == TaskSource && ids.Contains(t.SourceId))
                .Select(t => new { t.OrganisationId, t.SourceId }).ToListAsync(cancellationToken))
                .Select(t => (t.OrganisationId, t.SourceId!.Value)).ToHashSet();
            foreach (var referral in overdue)
            {
                foreach (var (organisation, caseId) in new[] { (referral.FromOrganisationId, (Guid?)referral.CaseId), (referral.ToOrganisationId, null) }.Distinct())
                {
                    if (existing.Contains((organisation, referral.Id)))
                    {
                        continue;
                    }

                    existing.Add((organisation, referral.Id));
                    OpenTask.Add(db, Actor.System, new NewTask(organisation, TaskValueSets.ReferralOverdue, referral.Urgency == "urgent" ? TaskUrgency.Urgent : TaskUrgency.Normal,
                        "referral_overdue", AssigneeRole: Roles.Supervisor, CaseId: referral.FromOrganisationId == organisation ? caseId : null,
                        DueAt: now.AddDays(1), Detail: $"Referral {referral.Id.ToString()[..8]} ({referral.ServiceType}, {referral.Urgency}) sent {referral.SentAt:yyyy-MM-dd HH:mm} UTC is unanswered.",
                        SourceType: TaskSource, SourceId: referral.Id), now);
                    raised++;
                }
            }
        }

        if (due.Count > 0 || raised > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone answered or expired it at the same moment: their change stands.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException) when (raised > 0)
            {
                // Another request raised the same overdue task at the same moment: the unique index
                // UX_tasks_referral_source (one per referral and organisation) kept theirs; nothing of ours was stored.
                db.ChangeTracker.Clear();
            }
        }

        return due.Count;
    }

    /// <summary>The source type of the tasks the overdue rule raises.</summary>
    public const string TaskSource = "referral";

    private DateTimeOffset? DueAt(Referral referral) =>
        referral is { Status: ReferralStates.Sent, SentAt: { } sent } ? sent + rules.OverdueAfter(referral.Urgency) : null;

    private IQueryable<Referral> Mine(Actor actor)
    {
        EnsureReads(actor);
        return db.Referrals.Where(r => r.FromOrganisationId == actor.OrganisationId || r.ToOrganisationId == actor.OrganisationId);
    }

    private static void EnsureReads(Actor actor)
    {
        if (!actor.HasAnyRole(Roles.CaseReaders))
        {
            throw new ForbiddenException();
        }
    }

    private Task<Dictionary<Guid, string>> OrganisationNamesAsync(CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);

    private async Task<IReadOnlyList<ReferralNoteView>> NotesAsync(Guid referralId, Guid organisationId, CancellationToken cancellationToken)
    {
        var notes = await db.ReferralNotes.AsNoTracking().Where(n => n.ReferralId == referralId && n.OrganisationId == organisationId).ToListAsync(cancellationToken);
        var authors = notes.Select(n => n.CreatedBy).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return notes.OrderBy(n => n.CreatedAt.UtcTicks).Select(n => new ReferralNoteView(n.Id, n.Text, names.GetValueOrDefault(n.CreatedBy), n.CreatedAt)).ToList();
    }
}

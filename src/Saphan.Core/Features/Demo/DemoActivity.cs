using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.CaseRecord;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.FollowUps;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Pathways;
using Saphan.Core.Features.Protection;
using Saphan.Core.Features.Referrals;
using Saphan.Core.Features.Screenings;
using Saphan.Core.Features.Tips;

namespace Saphan.Core.Features.Demo;

/// <summary>What <see cref="DemoActivity"/> wrote, by kind (consents, referrals, tips …), and how long it took.</summary>
public sealed record DemoActivityResult(IReadOnlyDictionary<string, int> Written, TimeSpan Elapsed);

/// <summary>
/// The work of the demo network over the last two years, on top of the cases <see cref="DemoSeeder"/> wrote: consents per
/// purpose, trafficking events, screenings, vulnerability, support plans, comments, pathways, referrals between
/// organisations in every state, follow-ups with outcomes, closures with reasons, hotline tips (duplicates, routed,
/// converted), and the police division's suspects, legal cases and operations. Everything goes through the product's own
/// use cases, each run on a clock set to the day the work happened, so dates, overdue flags, tasks and audit entries are
/// what real use would have left. The same seed gives the same choices.
/// </summary>
internal sealed class DemoActivity(SaphanDbContext db, BlindIndex index, TipReceipts receipts, ReferralRules rules, DateTimeOffset realNow)
{
    /// <summary>Only cases identified in this window get the full record: the demo shows the last two years.</summary>
    private const int WindowDays = 2 * 365;

    private readonly TravelClock _clock = new(realNow);
    private readonly Dictionary<string, int> _written = new(StringComparer.Ordinal);
    private readonly List<(DateOnly On, IReadOnlyList<Guid> Tasks)> _openedTasks = [];
    private Random _rng = null!;
    private DateOnly _today;
    private List<Guid> _organisationIds = null!;
    private SyntheticNetworkPlan _plan = null!;
    private List<Guid> _userIds = null!;
    private List<Services.Service> _services = null!;

    public async Task<DemoActivityResult> RunAsync(
        SyntheticNetworkPlan plan, List<Guid> organisationIds, List<Guid> userIds, IReadOnlyList<(Guid CaseId, SyntheticCase Item)> cases, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        _rng = new Random(plan.Seed ^ 0x5A9);
        _today = DateOnly.FromDateTime(realNow.UtcDateTime);
        _plan = plan;
        _organisationIds = organisationIds;
        _userIds = userIds;
        _services = await db.Services.AsNoTracking().OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(ct);

        foreach (var (caseId, item) in cases.Where(c => _today.DayNumber - c.Item.Input.IdentifiedOnDay().DayNumber <= WindowDays))
        {
            await CaseWorkAsync(caseId, item, ct);
            db.ChangeTracker.Clear();
        }

        await JusticeAsync(cases, ct);
        db.ChangeTracker.Clear();
        await TipsAsync(ct);
        db.ChangeTracker.Clear();
        return new DemoActivityResult(_written, stopwatch.Elapsed);
    }

    // ---------------------------------------------------------------- cases

    private async Task CaseWorkAsync(Guid caseId, SyntheticCase item, CancellationToken ct)
    {
        var organisation = _plan.Organisations[item.OrganisationIndex];
        var worker = ActorOf(item.AssignedStaffIndex);
        var identified = item.Input.IdentifiedOnDay();
        var @case = await db.Cases.AsNoTracking().Include(c => c.Person).SingleAsync(c => c.Id == caseId, ct);
        if (Case.IsClosedStatus(@case.Status))
        {
            return;
        }

        var child = @case.Person.AgeOn(identified) is < 18;
        var health = worker.HasAnyRole(ScreeningAccess.HealthRoles);

        // Day 0: consent per purpose. Most give care and referral consent; many refuse law enforcement.
        var consents = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["care"] = Chance(0.97) ? "given" : "refused",
            ["referral"] = Chance(0.86) ? "given" : "refused",
            ["law_enforcement"] = Chance(organisation.Type == OrganisationTypes.Police ? 0.8 : 0.5) ? "given" : "refused",
            ["reporting"] = Chance(0.75) ? "given" : "refused",
        };
        At(identified, 9);
        foreach (var (purpose, status) in consents)
        {
            await Do("consents", () => new RecordConsent(db, _clock).HandleAsync(worker, caseId, new ConsentInput
            {
                Purpose = purpose, Status = status, Method = child ? "guardian" : Chance(0.7) ? "written" : "verbal_witnessed", RecordedOn = Iso(identified),
                Note = status == "refused" ? "Explained the purpose in the person's language; the person declined for now." : null,
            }, ct));
        }

        // Day 0-1: what happened, as trafficking events (a person met again: the first organisation recorded it).
        At(identified, 11);
        var nationality = @case.Person.Citizenships.FirstOrDefault();
        if (item.Exploitation.Length > 0)
        {
            await Do("events", () => new CreateEvent(db, _clock).HandleAsync(worker, caseId, ExploitationEvent(item, @case), ct));
        }

        if (item.Exploitation.Length > 0 && nationality is not null and not "TH" and not "stateless" and not "other" && Chance(0.7))
        {
            await Do("events", () => new CreateEvent(db, _clock).HandleAsync(worker, caseId, RecruitmentEvent(item, nationality, identified), ct));
        }

        // Day 1-3: screenings. Health instruments by the health roles; the ILO indicators by labour inspectors and police.
        At(identified.AddDays(_rng.Next(1, 4)), 10);
        var positiveMentalHealth = false;
        if (health)
        {
            var severity = _rng.NextDouble();
            positiveMentalHealth = severity > 0.55;
            await Do("screenings", () => Screen(worker, caseId, ScreeningInstruments.Phq9, severity, ct));
            if (Chance(0.6))
            {
                await Do("screenings", () => Screen(worker, caseId, ScreeningInstruments.Gad7, severity * 0.9, ct));
            }

            if (Chance(0.25))
            {
                await Do("screenings", () => Screen(worker, caseId, ScreeningInstruments.Pcl5, severity, ct));
            }

            if (Chance(0.04))
            {
                var suicide = await Do("screenings", () => new RecordScreening(db, _clock).HandleAsync(worker, caseId, new ScreeningInput { Instrument = ScreeningInstruments.SuicideQuestion, Answers = [1] }, ct));
                if (suicide is not null)
                {
                    _openedTasks.Add((DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), suicide.TaskIds));
                }
            }
        }

        if (item.Exploitation == "forced_labour" && (worker.HasAnyRole([Roles.LabourInspector, Roles.LawEnforcement]) || Chance(0.3)))
        {
            await Do("screenings", () => Screen(worker, caseId, ScreeningInstruments.IloForcedLabour, _rng.NextDouble(), ct));
        }

        if (child && Chance(0.7))
        {
            await Do("screenings", () => Screen(worker, caseId, ScreeningInstruments.ChildTrafficking, _rng.NextDouble(), ct));
        }

        // Day 3: vulnerability; day 7: the support plan; comments along the way.
        At(identified.AddDays(3), 14);
        if (Chance(0.8))
        {
            await Do("vulnerability", () => new SaveVulnerability(db, _clock).HandleAsync(worker, caseId, Vulnerability(item, nationality, health, identified.AddDays(3)), ct));
        }

        var planned = Chance(0.7);
        if (planned)
        {
            At(identified.AddDays(7), 10);
            await Do("support plans", () => new SupportPlans(db, _clock).SaveAsync(worker, caseId, new SupportPlanInput
            {
                Objectives = Pick(Objectives), AgreedOn = Iso(Min(identified.AddDays(7), _today)), ReviewOn = Iso(identified.AddDays(97)),
            }, ct));
            foreach (var (type, description) in Actions(child, nationality).OrderBy(_ => _rng.Next()).Take(_rng.Next(2, 4)).ToList())
            {
                var due = identified.AddDays(_rng.Next(14, 150));
                var status = due < _today ? Weighted([("done", 60.0), ("in_progress", 15.0), ("planned", 15.0), ("cancelled", 5.0)]) : Weighted([("planned", 55.0), ("in_progress", 45.0)]);
                await Do("plan actions", () => new SupportPlans(db, _clock).AddActionAsync(worker, caseId, new PlanActionInput
                {
                    Type = type, Description = description, Status = status, DueOn = Iso(due),
                }, ct));
            }
        }

        foreach (var (offset, text) in Comments.OrderBy(_ => _rng.Next()).Take(_rng.Next(0, 3)).Select(t => (_rng.Next(1, 60), t)).OrderBy(t => t.Item1).ToList())
        {
            if (At(identified.AddDays(offset), 16))
            {
                await Do("comments", () => new CaseComments(db, _clock).AddAsync(worker, caseId, text, ct));
            }
        }

        // The standard pathway for most survivors of the NGOs, shelters and MSDHS (it schedules the 3/6/12-month follow-ups).
        var onPathway = organisation.Type is OrganisationTypes.Ngo or OrganisationTypes.Shelter or OrganisationTypes.Government && Chance(0.75);
        if (onPathway)
        {
            At(identified.AddDays(1), 15);
            await Do("pathways", () => new PathwayCommands(db, _clock).AssignAsync(worker, caseId, CarePathway.StandardId, ct));
        }

        // Referrals to other organisations' services, in every state, as the days went by.
        if (consents["referral"] == "given" || Chance(0.1))
        {
            var types = ReferralNeeds(item, child, nationality, positiveMentalHealth);
            foreach (var type in types)
            {
                await ReferAsync(worker, item, @case, type, consents["referral"] == "given", ct);
            }
        }

        // Follow-ups that fell due are recorded, most of them; a few are late.
        if (onPathway || Chance(0.4))
        {
            if (!onPathway)
            {
                At(identified.AddDays(30), 10);
                await Do("follow-up schedules", () => new FollowUpCommands(db, _clock).ScheduleStandardAsync(worker, caseId, ct));
            }

            var followUps = await db.FollowUps.AsNoTracking().Where(f => f.CaseId == caseId).OrderBy(f => f.DueOn).ToListAsync(ct);
            var lost = false;
            foreach (var followUp in followUps)
            {
                var done = followUp.DueOn.AddDays(_rng.Next(-5, 20));
                if (done > _today || Chance(0.12))
                {
                    continue;
                }

                var outcomes = lost ? ["lost_to_contact"] : FollowUpOutcomes(followUp.Month ?? 3);
                lost = outcomes.Contains("lost_to_contact");
                At(done, 13);
                await Do("follow-ups recorded", () => new FollowUpCommands(db, _clock).RecordAsync(worker, followUp.Id, Iso(done), outcomes, Chance(0.5) ? Pick(FollowUpNotes) : null, ct));
            }
        }

        // Steps the organisation did itself (a health check by its own nurse, legal advice in-house) are marked by hand;
        // a few are skipped on purpose and some stay late, so the gaps view has something true to show.
        if (onPathway)
        {
            await MarkPathwayAsync(worker, caseId, ct);
        }

        // Later: some withdraw a consent; older cases close with a reason.
        if (consents["reporting"] == "given" && Chance(0.05) && At(identified.AddDays(_rng.Next(20, 200)), 10))
        {
            await Do("consents", () => new RecordConsent(db, _clock).HandleAsync(worker, caseId, new ConsentInput
            {
                Purpose = "reporting", Status = "withdrawn", Method = child ? "guardian" : "verbal_witnessed", RecordedOn = Iso(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)),
                Note = "The person asked that their data is no longer used in reports.",
            }, ct));
        }

        await CloseTasksAsync(item.OrganisationIndex, ct);
        var age = _today.DayNumber - identified.DayNumber;
        if (age > 200 && Chance(age > 400 ? 0.35 : 0.15))
        {
            var closedOn = identified.AddDays(_rng.Next(150, Math.Min(age, 500)));
            var reason = Weighted([("goals_met", 35.0), ("repatriated", 20.0), ("referred", 15.0), ("lost_contact", 12.0), ("declined", 8.0), ("not_trafficked", 5.0), ("other", 5.0)]);
            At(closedOn, 17);
            await Do("closures", () => new CaseClosure(db, _clock).CloseAsync(worker, caseId, new ClosureInput
            {
                Reason = reason, ClosedOn = Iso(closedOn), Details = Chance(0.5) ? ClosureDetails(reason) : null,
            }, ct));
        }
    }

    private async Task MarkPathwayAsync(Actor worker, Guid caseId, CancellationToken ct)
    {
        _clock.Now = realNow;
        var view = await new PathwayCommands(db, _clock).ForCaseAsync(worker, caseId, ct);
        foreach (var step in view?.Steps ?? [])
        {
            if (step.Status is not (StepStatus.Overdue or StepStatus.Missed) || step.Code.StartsWith("follow_up", StringComparison.Ordinal))
            {
                continue;
            }

            var roll = _rng.NextDouble();
            var recent = _today.DayNumber - step.DueOn.DayNumber < 30;
            var (mark, on) = roll switch
            {
                < 0.02 => ("skipped", step.DueOn),
                _ when recent && roll < 0.35 => ("under_way", step.DueOn.AddDays(-_rng.Next(1, 10))),
                _ when recent && roll < 0.6 => ("done", step.DueOn.AddDays(-_rng.Next(0, 10))),
                _ when !recent && roll < 0.965 => ("done", step.DueOn.AddDays(-_rng.Next(0, 10))),
                _ => (null, step.DueOn),
            };
            if (mark is not null && At(on, 15))
            {
                await Do("pathway marks", () => new PathwayCommands(db, _clock).MarkAsync(worker, caseId, step.Code, mark, ct));
            }
        }
    }

    private async Task ReferAsync(Actor worker, SyntheticCase item, Case @case, string type, bool consented, CancellationToken ct)
    {
        var identified = @case.IdentifiedOn;
        var candidates = _services.Where(s => s.Type == type && s.OrganisationId != worker.OrganisationId && ReferralCommands.Eligibility(s, @case, identified) is null).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var service = candidates[_rng.Next(candidates.Count)];
        var receiverIndex = _organisationIds.IndexOf(service.OrganisationId);
        var receiver = ActorOf(WriterOf(receiverIndex));
        var sender = consented ? worker : ActorOf(SupervisorOf(item.OrganisationIndex) ?? item.AssignedStaffIndex);
        if (!consented && !sender.HasAnyRole([Roles.Supervisor]))
        {
            return;
        }

        var start = identified.AddDays(type switch { "shelter" or "medical" or "interpretation" => _rng.Next(0, 3), "mental_health" => _rng.Next(3, 20), _ => _rng.Next(10, 120) });
        if (!At(start, 10))
        {
            return;
        }

        var urgency = type is "shelter" or "medical" && Chance(0.5) ? "urgent" : "normal";
        var view = await Do("referrals", () => new ReferralCommands(db, _clock, rules).CreateAsync(sender, @case.Id, new ReferralInput
        {
            ServiceId = service.Id.ToString(), Urgency = urgency, Reason = Pick(ReferralReasons),
            ConsentOverride = consented ? null : "The person is a child in danger and no guardian can be reached; referral approved by the supervisor.",
        }, ct));
        if (view is null)
        {
            return;
        }

        // The sender drafts then sends; some drafts stay drafts.
        if (Chance(0.04))
        {
            return;
        }

        await Move(sender, view.Id, ReferralStates.Sent, null, ct);
        var age = _today.DayNumber - start.DayNumber;
        // Recent and unanswered: some are overdue (sent more than 3 days ago, before the expiry).
        if (age <= 12 && Chance(0.7))
        {
            return;
        }

        if (Chance(0.06))
        {
            At(start.AddDays(1), 9);
            await Move(receiver, view.Id, ReferralStates.Declined, null, ct);
            return;
        }

        if (age > 20 && Chance(0.05))
        {
            // Never answered: expired by the time anyone looks (the sender's next step finds it expired).
            At(start.AddDays(20), 9);
            await ExpireAsync(sender.OrganisationId, ct);
            return;
        }

        if (Chance(0.07))
        {
            At(start.AddDays(1), 16);
            await Move(sender, view.Id, ReferralStates.Revoked, "The person changed their mind about this service.", ct);
            return;
        }

        if (!At(start.AddDays(urgency == "urgent" ? 0 : _rng.Next(1, 3)), 15))
        {
            return;
        }

        if (!await Move(receiver, view.Id, ReferralStates.Declined, "declined-if-full", ct, onlyIfFull: true)
            && await Move(receiver, view.Id, ReferralStates.Accepted, null, ct)
            && At(start.AddDays(_rng.Next(2, 6)), 11)
            && Chance(0.92))
        {
            await Move(receiver, view.Id, ReferralStates.InProgress, null, ct);
            var length = type switch { "shelter" => _rng.Next(30, 120), "repatriation" => _rng.Next(20, 60), "legal_aid" => _rng.Next(60, 300), _ => _rng.Next(14, 90) };
            if (At(start.AddDays(length), 12) && Chance(0.85))
            {
                await Move(receiver, view.Id, ReferralStates.Completed, null, ct);
            }
        }
    }

    /// <summary>The tasks the rules opened are mostly dealt with within days; the last weeks' stay open, as do a few older ones.</summary>
    private async Task CloseTasksAsync(int organisation, CancellationToken ct)
    {
        foreach (var (on, ids) in _openedTasks)
        {
            var tasks = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.AssigneeRole, t.Urgency }).ToListAsync(ct);
            foreach (var task in tasks.OrderBy(t => ids.ToList().IndexOf(t.Id)))
            {
                var closer = StaffOf(organisation).Cast<int?>().FirstOrDefault(i => task.AssigneeRole is { } role && _plan.Staff[i!.Value].Roles.Contains(role));
                var closedOn = on.AddDays(_rng.Next(0, 8));
                if (closer is null || _today.DayNumber - closedOn.DayNumber < 14 || Chance(0.06) || !At(closedOn, 16))
                {
                    continue;
                }

                await Do("tasks closed", () => new Tasks.CompleteTask(db, _clock).HandleAsync(ActorOf(closer.Value), task.Id, Pick(TaskNotes), ct));
            }
        }

        _openedTasks.Clear();
    }

    private static readonly string[] TaskNotes =
    [
        "Met the person with the counsellor; safety plan agreed and shelter staff informed.",
        "Case discussed with the police liaison; statement to be taken with an interpreter next week.",
        "Reviewed the screening with the case worker; referral made and the person agreed.",
        "Called the hospital's psychiatric unit; appointment booked and transport arranged.",
    ];

    private Task<int> ExpireAsync(Guid organisationId, CancellationToken ct) =>
        Do("referrals expired", () => new ReferralCommands(db, _clock, rules).ExpireDueAsync(organisationId, ct));

    private async Task<bool> Move(Actor actor, Guid referralId, string to, string? reason, CancellationToken ct, bool onlyIfFull = false)
    {
        if (onlyIfFull)
        {
            var serviceId = await db.Referrals.AsNoTracking().Where(r => r.Id == referralId).Select(r => r.ServiceId).SingleAsync(ct);
            if (await db.Services.AsNoTracking().Where(s => s.Id == serviceId).Select(s => s.Available).SingleAsync(ct) > 0)
            {
                return false;
            }

            reason = "No place free in the service this week; please refer again or choose another service.";
        }

        reason ??= to == ReferralStates.Declined ? "Outside what the service can offer for this person." : null;
        return await Do("referral steps", () => new ReferralCommands(db, _clock, rules).TransitionAsync(actor, referralId, new TransitionInput { To = to, Reason = reason }, ct)) is not null;
    }

    private async Task<ScreeningView?> Screen(Actor actor, Guid caseId, string code, double severity, CancellationToken ct)
    {
        var view = await ScreenOnceAsync(actor, caseId, code, severity, ct);
        if (view is { TaskIds.Count: > 0 })
        {
            _openedTasks.Add((DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime), view.TaskIds));
        }

        return view;
    }

    private async Task<ScreeningView?> ScreenOnceAsync(Actor actor, Guid caseId, string code, double severity, CancellationToken ct)
    {
        var instrument = ScreeningInstruments.Find(code)!;
        var max = instrument.MaximumAnswer;
        var answers = instrument.Items.Select(_ =>
        {
            var x = (severity * 1.2) - 0.2 + ((_rng.NextDouble() - 0.5) * 0.6);
            return (int?)Math.Clamp((int)Math.Round(x * max), 0, max);
        }).ToList();
        if (instrument.Code == ScreeningInstruments.Phq9 && answers.Count == 9)
        {
            answers[8] = severity > 0.9 && Chance(0.5) ? 1 : 0; // the suicide item: rare
        }

        return await new RecordScreening(db, _clock).HandleAsync(actor, caseId, new ScreeningInput { Instrument = instrument.Code, Answers = answers }, ct);
    }

    private EventInput ExploitationEvent(SyntheticCase item, Case @case)
    {
        var input = new EventInput { Type = "exploitation" };
        var (types, labour, industry) = item.Exploitation switch
        {
            "sexual_exploitation" => ("sexual", (string?)null, "R"),
            "forced_labour" => ("forced_labour", item.Industry switch
            {
                "fishing" => "fishing", "seafood_processing" => "manufacturing", "agriculture" => "agriculture", "construction" => "construction", _ => "manufacturing",
            }, item.Industry switch { "fishing" or "agriculture" => "A", "construction" => "F", _ => "C" }),
            "domestic_servitude" => ("forced_labour", "domestic_work", "T"),
            "forced_begging" => ("forced_begging", "begging", (string?)null),
            "forced_criminality" => ("forced_criminality", "illicit_activities", "J"),
            _ => ("forced_marriage", null, null),
        };
        var months = _rng.Next(2, 30);
        var started = @case.IdentifiedOn.AddMonths(-months);
        input.Values["country"] = [item.Exploitation == "forced_criminality" && Chance(0.6) ? Pick(["MM", "KH", "LA"]) : "TH"];
        if (input.Values["country"][0] == "TH")
        {
            input.Values["province"] = [@case.Province];
        }

        input.Values["types"] = [types];
        if (industry is not null)
        {
            input.Values["industry"] = [industry];
        }

        if (labour is not null)
        {
            input.Values["labourTypes"] = [labour];
        }

        if (types == "sexual")
        {
            input.Values["sexTypes"] = [Chance(0.8) ? "prostitution" : "remote_interactive"];
        }

        input.Values["startDate"] = [started.ToString("yyyy-MM", CultureInfo.InvariantCulture)];
        input.Values["endDate"] = [@case.IdentifiedOn.ToString("yyyy-MM", CultureInfo.InvariantCulture)];
        input.Values["meansOfControl"] = [.. MeansOfControl.OrderBy(_ => _rng.Next()).Take(_rng.Next(2, 5))];
        if (types is "forced_labour")
        {
            input.Values["unpaidWagesThb"] = [(months * _rng.Next(3, 9) * 1000).ToString(CultureInfo.InvariantCulture)];
        }

        return input;
    }

    private EventInput RecruitmentEvent(SyntheticCase item, string nationality, DateOnly identified)
    {
        var input = new EventInput { Type = "recruitment" };
        input.Values["country"] = [nationality];
        input.Values["date"] = [identified.AddMonths(-_rng.Next(3, 36)).ToString("yyyy", CultureInfo.InvariantCulture)];
        input.Values["recruiterRelation"] = [Weighted([("friend", 35.0), ("family", 20.0), ("other", 30.0), ("intimate_partner", 5.0), ("unknown", 10.0)])];
        input.Values["methods"] = [item.Exploitation == "forced_criminality" ? "internet" : Weighted([("job_offer", 60.0), ("familial", 15.0), ("posing_as_benefactor", 15.0), ("marriage_broker", 5.0), ("smuggling_ransom", 5.0)])];
        if (item.Exploitation == "forced_criminality" || Chance(0.3))
        {
            input.Values["websitesAndApps"] = [Pick(["facebook", "line", "telegram", "tiktok", "wechat"])];
        }

        return input;
    }

    private VulnerabilityInput Vulnerability(SyntheticCase item, string? nationality, bool health, DateOnly on)
    {
        List<string> individual = ["poverty"];
        if (nationality is not "TH")
        {
            individual.AddRange(["irregular_migration", "language_barrier"]);
        }

        if (Chance(0.4))
        {
            individual.Add("no_documents");
        }

        if (health && Chance(0.2))
        {
            individual.Add("mental_health");
        }

        if (Chance(0.05))
        {
            individual.Add("previously_trafficked");
        }

        var debt = item.Exploitation is "forced_labour" && Chance(0.6) ? _rng.Next(5, 80) * 1000m : (decimal?)null;
        return new VulnerabilityInput
        {
            AssessedOn = Iso(on), Individual = health ? individual : null, IncomeBand = Weighted([("none", 20.0), ("under_5000", 40.0), ("5000_9999", 25.0), ("10000_14999", 10.0), ("unknown", 5.0)]),
            DebtThb = debt, DebtTo = debt is null ? [] : [Pick(["broker", "employer", "moneylender"])], Dependants = _rng.Next(0, 6),
            Community = nationality is "TH" ? [Pick(["known_recruitment_area", "remote_area"])] : ["border_area", "high_migration"],
        };
    }

    private List<string> ReferralNeeds(SyntheticCase item, bool child, string? nationality, bool mentalHealth)
    {
        var needs = new List<string>();
        if (Chance(0.55))
        {
            needs.Add("shelter");
        }

        if (mentalHealth && Chance(0.8))
        {
            needs.Add("mental_health");
        }

        if (nationality is not null and not "TH" && Chance(0.35))
        {
            needs.Add(Chance(0.5) ? "interpretation" : "repatriation");
        }

        if (item.Exploitation is "forced_labour" && Chance(0.4))
        {
            needs.Add("legal_aid");
        }

        if (!child && Chance(0.2))
        {
            needs.Add(Chance(0.5) ? "job_placement" : "vocational_training");
        }

        if (Chance(0.2))
        {
            needs.Add(Chance(0.5) ? "reintegration_follow_up" : "financial_support");
        }

        return needs;
    }

    private List<string> FollowUpOutcomes(int month)
    {
        var roll = _rng.NextDouble();
        if (roll < 0.06)
        {
            return ["re_trafficked"];
        }

        if (roll < 0.14)
        {
            return ["lost_to_contact"];
        }

        var outcomes = new List<string> { "safe_stable" };
        if (Chance(month >= 6 ? 0.45 : 0.2))
        {
            outcomes.Add("employed");
        }
        else if (Chance(0.2))
        {
            outcomes.Add("in_education");
        }

        if (Chance(0.5))
        {
            outcomes.Add("in_contact");
        }

        return outcomes;
    }

    // ---------------------------------------------------------------- tips

    private async Task TipsAsync(CancellationToken ct)
    {
        var hotline = _plan.Organisations.ToList().FindIndex(o => o.Type == OrganisationTypes.Hotline);
        if (hotline < 0)
        {
            return;
        }

        var operators = StaffOf(hotline).Where(i => _plan.Staff[i].Roles.Contains(Roles.HotlineOperator)).ToList();
        var police = _plan.Organisations.ToList().FindIndex(o => o.Type == OrganisationTypes.Police);
        var partners = _plan.Organisations.Select((o, i) => (o, i)).Where(p => TipRouting.PartnerTypes.Contains(p.o.Type)).Select(p => p.i).ToList();
        var placesByProvince = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var n = 0; n < 72; n++)
        {
            var (province, place, text, language, children, danger) = Pick(TipStories);
            var daysAgo = n < 14 ? _rng.Next(0, 4) : _rng.Next(4, WindowDays);
            var day = _today.AddDays(-daysAgo);
            // About one tip in six repeats a place already reported: the triage view groups them.
            if (Chance(0.2) && placesByProvince.TryGetValue(province, out var known))
            {
                place = known;
            }
            else
            {
                place = Pick(["", "", "opposite the 7-Eleven, ", "behind the temple, ", "next to the petrol station, ", "second lane from the main road, "]) + place;
            }

            placesByProvince[province] = place;
            At(day, 8 + _rng.Next(0, 12));
            var input = new TipInput
            {
                Description = text, Province = province, Place = place, When = Pick([TipWhen.Today, TipWhen.LastWeek, TipWhen.Earlier, TipWhen.Unknown]),
                ChildrenAtRisk = children, ChildrenCount = children ? _rng.Next(1, 6) : null, ImminentDanger = danger, Language = language,
                Contact = Chance(0.2) ? "Line: reply in the app" : null,
            };
            var phone = Chance(0.45);
            var operatorActor = ActorOf(Pick(operators));
            var receipt = await Do("tips", () => phone
                ? new RecordPhoneTip(db, receipts, _clock, index).HandleAsync(operatorActor, input, ct)
                : new SubmitTip(db, receipts, _clock, index).HandleAsync(input, TipChannels.Web, ct));
            if (receipt is null || (daysAgo < 3 && Chance(0.75)))
            {
                continue; // still waiting in the triage queue
            }

            At(day.AddDays(phone ? 0 : _rng.Next(0, 2)), 20);
            await Do("tips triaged", () => new UpdateTip(db, _clock).HandleAsync(operatorActor, receipt.Id, new UpdateTip.Input(TipStatuses.UnderReview, true, operatorActor.UserId.ToString(), true), ct));
            if (Chance(0.2))
            {
                await Do("tip notes", () => new AddTipNote(db, _clock).HandleAsync(operatorActor, receipt.Id, "Called back the number given; the caller confirmed the address area.", ct));
            }

            if (Chance(0.25))
            {
                await Do("tips closed", () => new UpdateTip(db, _clock).HandleAsync(operatorActor, receipt.Id, new UpdateTip.Input(TipStatuses.Closed, true), ct));
                continue;
            }

            if (Chance(0.35))
            {
                continue;
            }

            var to = danger || children || Chance(0.4) ? police : Pick(partners);
            At(day.AddDays(_rng.Next(0, 3)), 10);
            if (await Do("tips routed", () => new TipRouting(db, _clock).RouteAsync(operatorActor, receipt.Id, _organisationIds[to], "Please check and act; priority as marked.", ct)) is null)
            {
                continue;
            }

            var partner = ActorOf(WriterOf(to));
            if (daysAgo < 4 || !At(day.AddDays(_rng.Next(1, 4)), 9))
            {
                continue;
            }

            await Do("tips acknowledged", () => new TipRouting(db, _clock).AcknowledgeAsync(partner, receipt.Id, ct));
            var converted = false;
            if (Chance(0.35))
            {
                if (partner.HasAnyRole([Roles.LawEnforcement]) && Chance(0.6))
                {
                    await Do("tips converted", () => new TipRouting(db, _clock).ConvertToInvestigationAsync(partner, receipt.Id, null, ct));
                }
                else
                {
                    await Do("tips converted", () => new TipRouting(db, _clock).ConvertToCaseAsync(partner, receipt.Id, ct));
                }

                converted = true;
            }

            // Once the partner has acted, the hotline closes the tip; the last months' stay open.
            if (daysAgo > 60 && (converted || Chance(0.7)) && At(day.AddDays(_rng.Next(10, 40)), 11))
            {
                await Do("tips closed", () => new UpdateTip(db, _clock).HandleAsync(operatorActor, receipt.Id, new UpdateTip.Input(TipStatuses.Closed, true), ct));
            }
        }
    }

    // ---------------------------------------------------------------- justice

    private async Task JusticeAsync(IReadOnlyList<(Guid CaseId, SyntheticCase Item)> cases, CancellationToken ct)
    {
        var police = _plan.Organisations.ToList().FindIndex(o => o.Type == OrganisationTypes.Police);
        if (police < 0)
        {
            return;
        }

        var officers = StaffOf(police).Where(i => _plan.Staff[i].Roles.Contains(Roles.LawEnforcement)).ToList();
        var officer = ActorOf(officers[0]);
        var policeCases = cases.Where(c => c.Item.OrganisationIndex == police && _today.DayNumber - c.Item.Input.IdentifiedOnDay().DayNumber <= WindowDays).Select(c => c.CaseId).ToList();
        var open = await db.Cases.AsNoTracking().Where(c => policeCases.Contains(c.Id)).Select(c => new { c.Id, c.Status }).ToListAsync(ct);
        var victims = open.Where(c => !Case.IsClosedStatus(c.Status)).Select(c => c.Id).ToList();
        victims = [.. victims.OrderBy(id => policeCases.IndexOf(id))];

        // Networks: each ring shares a phone, a vehicle or a bank account between two or three of its members.
        var suspects = new List<(Guid Id, int Ring)>();
        for (var ring = 0; ring < Rings.Length; ring++)
        {
            var (ringName, members) = Rings[ring];
            var sharedPhone = "08" + _rng.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
            var sharedAccount = "KBank " + _rng.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "-" + _rng.Next(1, 9).ToString(CultureInfo.InvariantCulture) + "-" + _rng.Next(10000, 99999).ToString(CultureInfo.InvariantCulture) + "-" + _rng.Next(0, 9).ToString(CultureInfo.InvariantCulture);
            var sharedVehicle = Pick(["กข 1234 สมุทรสาคร", "1กก 5521 ตาก", "ชล 8820 ชลบุรี", "3ฒ 4410 กรุงเทพมหานคร"]) + " " + ring.ToString(CultureInfo.InvariantCulture);
            At(_today.AddDays(-_rng.Next(300, 600)), 10);
            for (var m = 0; m < members.Length; m++)
            {
                var (kind, name, roles) = members[m];
                var suspect = await Do("suspects", () => new Suspects(db, index, _clock).CreateAsync(officer, new SuspectInput(kind, name, [.. roles], "Ring: " + ringName), ct));
                if (suspect is null)
                {
                    continue;
                }

                suspects.Add((suspect.Id, ring));
                if (m < 2)
                {
                    await Do("suspect identifiers", () => new Suspects(db, index, _clock).AddIdentifierAsync(officer, suspect.Id, new IdentifierInput("phone", sharedPhone), ct));
                }

                if (m is 1 or 2)
                {
                    await Do("suspect identifiers", () => new Suspects(db, index, _clock).AddIdentifierAsync(officer, suspect.Id, new IdentifierInput(kind == "company" ? "bank_account" : "vehicle", kind == "company" ? sharedAccount : sharedVehicle), ct));
                }

                if (m == 0 && members.Length > 2)
                {
                    await Do("suspect identifiers", () => new Suspects(db, index, _clock).AddIdentifierAsync(officer, suspect.Id, new IdentifierInput("bank_account", sharedAccount), ct));
                }

                if (m == 0)
                {
                    await Do("suspect identifiers", () => new Suspects(db, index, _clock).AddIdentifierAsync(officer, suspect.Id, new IdentifierInput("social_account", "facebook.com/jobs-" + ring.ToString(CultureInfo.InvariantCulture) + "-" + _rng.Next(1000, 9999).ToString(CultureInfo.InvariantCulture)), ct));
                }
            }
        }

        // Legal cases, one per ring, at every stage; victims as witnesses; assets; compensation.
        string[] stages = ["investigation", "prosecution", "trial", "verdict", "sentence", "appeal", "closed", "trial", "investigation", "sentence"];
        var victimCursor = 0;
        for (var ring = 0; ring < Rings.Length; ring++)
        {
            var stage = stages[ring % stages.Length];
            var opened = _today.AddDays(-_rng.Next(200, 700));
            At(opened, 10);
            var reference = "ATPD-" + opened.Year.ToString(CultureInfo.InvariantCulture) + "-" + (101 + ring).ToString("000", CultureInfo.InvariantCulture);
            var charges = Pick<string[]>([["s6", "s52"], ["s6", "s9", "s52"], ["s6", "s52", "s53"], ["s7", "s52"], ["s6", "s52", "s54"]]);
            var legal = await Do("legal cases", () => new LegalCases(db, _clock).CreateAsync(officer, new LegalCaseInput(reference, "investigation", [.. charges], null, null, null, null), ct));
            if (legal is null)
            {
                continue;
            }

            foreach (var (id, _) in suspects.Where(s => s.Ring == ring))
            {
                await Do("suspect links", () => new Suspects(db, index, _clock).AddLinkAsync(officer, id, new SuspectLinkInput(null, null, legal.Id), ct));
            }

            var ringVictims = victims.Skip(victimCursor).Take(_rng.Next(1, 4)).ToList();
            victimCursor += ringVictims.Count;
            foreach (var victim in ringVictims)
            {
                await Do("witnesses", () => new LegalCases(db, _clock).AddWitnessAsync(officer, legal.Id, new WitnessInput(victim, "Victim-witness coordinator, ATPD", Pick(["my", "km", "lo", "th"]), "Testimony by video link; separate waiting room; a shelter escort to every hearing."), ct));
                if (suspects.FirstOrDefault(s => s.Ring == ring) is { Id: var first } && first != Guid.Empty)
                {
                    await Do("suspect links", () => new Suspects(db, index, _clock).AddLinkAsync(officer, first, new SuspectLinkInput(victim, null, null), ct));
                }
            }

            var order = Array.IndexOf<string>(["investigation", "prosecution", "trial", "verdict", "sentence", "appeal", "closed"], stage);
            if (order >= 1)
            {
                At(opened.AddDays(90), 10);
                await Do("legal case steps", () => new LegalCases(db, _clock).UpdateAsync(officer, legal.Id, new LegalCaseInput(null, "prosecution", null, null, null, null, null), ct));
                var seizedOn = opened.AddDays(_rng.Next(5, 60));
                var suspectId = suspects.FirstOrDefault(s => s.Ring == ring).Id;
                await Do("assets", () => new LegalCases(db, _clock).AddAssetAsync(officer, legal.Id, new AssetInput("Bank balances (AMLO order)", "frozen", _rng.Next(200, 4000) * 100_000L, Iso(seizedOn), suspectId == Guid.Empty ? null : suspectId), ct));
                if (Chance(0.7))
                {
                    await Do("assets", () => new LegalCases(db, _clock).AddAssetAsync(officer, legal.Id, new AssetInput(Pick(["Pickup truck", "Fishing vessel", "Shophouse", "Karaoke bar premises"]), "seized", _rng.Next(300, 9000) * 100_000L, Iso(seizedOn), null), ct));
                }
            }

            if (order >= 2)
            {
                At(opened.AddDays(150), 10);
                await Do("legal case steps", () => new LegalCases(db, _clock).UpdateAsync(officer, legal.Id, new LegalCaseInput(null, "trial", null, null, null, null, null), ct));
                for (var h = 0; h < _rng.Next(2, 5); h++)
                {
                    var held = opened.AddDays(160 + (h * 35));
                    if (held < _today)
                    {
                        await Do("hearings", () => new LegalCases(db, _clock).AddHearingAsync(officer, legal.Id, new HearingInput(Iso(held), Pick(HearingNotes)), ct));
                    }
                }
            }

            if (order >= 3)
            {
                var convicted = ring % 5 != 3;
                At(opened.AddDays(300), 10);
                await Do("legal case steps", () => new LegalCases(db, _clock).UpdateAsync(officer, legal.Id, new LegalCaseInput(null, "verdict", null, convicted ? "convicted" : "acquitted", null, null, null), ct));
                if (convicted && order >= 4)
                {
                    await Do("legal case steps", () => new LegalCases(db, _clock).UpdateAsync(officer, legal.Id, new LegalCaseInput(null, stage, null, null, _rng.Next(48, 180), _rng.Next(4, 40) * 10_000_000L, stage == "appeal" ? Iso(opened.AddDays(330)) : null), ct));
                }

                foreach (var victim in ringVictims)
                {
                    var claimed = _rng.Next(50, 400) * 100_000L;
                    var awarded = convicted ? claimed * _rng.Next(40, 100) / 100 : 0;
                    var paid = awarded * (Chance(0.5) ? _rng.Next(0, 100) : 100) / 100;
                    await Do("compensation", () => new LegalCases(db, _clock).SetCompensationAsync(officer, legal.Id, new CompensationInput(victim, claimed, awarded, paid), ct));
                }
            }
            else if (ringVictims.Count > 0 && order >= 1)
            {
                await Do("compensation", () => new LegalCases(db, _clock).SetCompensationAsync(officer, legal.Id, new CompensationInput(ringVictims[0], _rng.Next(50, 400) * 100_000L, null, null), ct));
            }

            // An operation for most rings: planned with its victim-protection plan, approved, executed (or still planned).
            if (ring % 4 != 3)
            {
                var plannedOn = ring < 2 ? _today.AddDays(_rng.Next(3, 20)) : opened.AddDays(_rng.Next(10, 40));
                At(ring < 2 ? _today.AddDays(-2) : opened.AddDays(5), 9);
                var province = Pick(["TH-74", "TH-20", "TH-63", "TH-10", "TH-90", "TH-85"]);
                var operation = await Do("operations", () => new Operations(db, _clock).CreateAsync(officer, new OperationInput(Chance(0.6) ? "raid" : "rescue", "Operation " + Pick(OperationNames) + " " + (ring + 1).ToString(CultureInfo.InvariantCulture), province, Iso(plannedOn), legal.Id), ct));
                if (operation is null)
                {
                    continue;
                }

                if (ring != 0)
                {
                    await Do("protection plans", () => new Operations(db, _clock).SetPlanAsync(officer, operation.Id, new OperationPlanInput(_rng.Next(5, 30), _rng.Next(1, 5), _rng.Next(0, 3), "Mobile medical team from the provincial hospital on site; trauma counsellor at the shelter.", "Public prosecutor, Office of the Attorney General (Anti-Trafficking Division)"), ct));
                    await Do("operations approved", () => new Operations(db, _clock).ApproveAsync(officer, operation.Id, ct));
                    if (ring >= 2)
                    {
                        await Do("operations executed", () => new Operations(db, _clock).ExecuteAsync(officer, operation.Id, ct));
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Actor ActorOf(int staffIndex)
    {
        var member = _plan.Staff[staffIndex];
        return new Actor(_userIds[staffIndex], _organisationIds[member.OrganisationIndex], new HashSet<string>(member.Roles, StringComparer.Ordinal));
    }

    private IEnumerable<int> StaffOf(int organisation) => Enumerable.Range(0, _plan.Staff.Count).Where(i => _plan.Staff[i].OrganisationIndex == organisation);

    private int? SupervisorOf(int organisation) => StaffOf(organisation).Cast<int?>().FirstOrDefault(i => _plan.Staff[i!.Value].Roles.Contains(Roles.Supervisor));

    /// <summary>A member who works cases: a case worker, else any case writer (police and labour inspectors).</summary>
    private int WriterOf(int organisation)
    {
        var staff = StaffOf(organisation).ToList();
        var workers = staff.Where(i => _plan.Staff[i].Roles.Contains(Roles.CaseWorker)).ToList();
        if (workers.Count == 0)
        {
            workers = [.. staff.Where(i => _plan.Staff[i].Roles.Any(Roles.CaseWriters.Contains))];
        }

        return workers[_rng.Next(workers.Count)];
    }

    /// <summary>Sets the clock to a day and hour of the past; false (and nothing to do) when that moment is still to come.</summary>
    private bool At(DateOnly day, int hour)
    {
        var moment = new DateTimeOffset(day.ToDateTime(new TimeOnly(Math.Clamp(hour, 0, 23), _rng.Next(0, 60))), TimeSpan.Zero);
        if (moment > realNow)
        {
            _clock.Now = realNow;
            return false;
        }

        _clock.Now = moment;
        return true;
    }

    /// <summary>
    /// Runs one use case and counts it. A refusal the rules make (a full service, a closed case) is part of the demo's
    /// story, not a failure: it is skipped and the demo goes on.
    /// </summary>
    private async Task<T?> Do<T>(string what, Func<Task<T>> action)
    {
        try
        {
            var result = await action();
            _written[what] = _written.GetValueOrDefault(what) + 1;
            return result;
        }
        catch (Exception e) when (e is ReferralRefusedException or ReferralConflictException or CaseClosedException or ValidationException)
        {
            db.ChangeTracker.Clear();
            _written["refused by the rules"] = _written.GetValueOrDefault("refused by the rules") + 1;
            return default;
        }
    }

    private async Task Do(string what, Func<Task> action) => await Do(what, async () => { await action(); return true; });

    private bool Chance(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private T Weighted<T>((T Item, double Weight)[] items)
    {
        var roll = _rng.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (item, weight) in items)
        {
            roll -= weight;
            if (roll < 0)
            {
                return item;
            }
        }

        return items[^1].Item;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string ClosureDetails(string reason) => reason switch
    {
        "goals_met" => "Living independently, in work for over six months; knows how to reach us.",
        "repatriated" => "Returned home with the family's agreement; the partner organisation at home follows up.",
        "referred" => "Handed over to the MSDHS provincial office, which now leads the case.",
        "lost_contact" => "No answer on phone or Line after three attempts over a month; the last address was a dormitory.",
        _ => "Agreed with the person at the last meeting.",
    };

    private sealed class TravelClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static readonly string[] MeansOfControl =
        ["debt_bondage", "takes_earnings", "threats", "psychological_abuse", "physical_abuse", "false_promises", "restricts_movement", "excessive_working_hours", "withholds_documents", "threat_of_law_enforcement"];

    private static readonly string[] Objectives =
    [
        "Feel safe and sleep well again; get my wages back; go home to my family before the rainy season.",
        "Stay in Thailand legally and find work in a factory with a real contract.",
        "Finish school and learn a trade; stay in contact with my mother.",
        "Testify against the boat owner with protection, then return home.",
        "Get treatment for my back injury, then work with a fair employer.",
        "อยากกลับบ้านอย่างปลอดภัย และมีงานทำใกล้ครอบครัว",
    ];

    private static (string Type, string Description)[] Actions(bool child, string? nationality) =>
    [
        ("health", "Health check and follow-up at the district hospital."),
        ("legal", "Legal aid clinic prepares the wage claim and the compensation request under s.35."),
        ("shelter", "Place in the shelter while the case is investigated."),
        (child ? "education" : "livelihood", child ? "Enrol in the non-formal education centre (กศน.)." : "Sewing and cooking course, then a job-placement interview."),
        (nationality is "TH" ? "financial" : "repatriation", nationality is "TH" ? "Apply to the victim compensation fund for travel and living costs." : "Contact the embassy for travel documents; plan the return with the family."),
        ("social_care", "Weekly check-in by the case worker; family tracing."),
    ];

    private static readonly string[] Comments =
    [
        "Interpreter present; the person prefers a female case worker.",
        "Called the employer's agent: denies everything. Police informed.",
        "Visited the family by video call; the mother is relieved.",
        "Sleeping better; asked about sending money home.",
        "พูดคุยกับผู้เสียหายพร้อมล่าม ผู้เสียหายต้องการกลับบ้านหลังให้การ",
        "Documents (passport) recovered from the broker by the police.",
        "Missed the appointment at the hospital; rescheduled for next week.",
    ];

    private static readonly string[] ReferralReasons =
    [
        "Needs a safe place tonight; speaks little Thai.",
        "Signs of depression on the PHQ-9; agreed to see a counsellor.",
        "Wage claim of several months; needs a lawyer who speaks Burmese.",
        "Wants to go home; family traced in the home province.",
        "Ready for work; interested in a factory job with a contract.",
        "Follow-up at home after return, as agreed in the support plan.",
    ];

    private static readonly string[] FollowUpNotes =
    [
        "Phone call; living with family and working at the market.",
        "Home visit; attends school, some debts remain.",
        "Reached through the village head; in contact, no concerns.",
        "ติดตามทางโทรศัพท์ ปลอดภัยดี มีงานทำ",
    ];

    private static readonly string[] HearingNotes =
    [
        "Witness examination of the first victim by video link.",
        "Defence asked for postponement; granted.",
        "Expert testimony from the labour inspector.",
        "Closing statements.",
    ];

    private static readonly string[] OperationNames = ["Mekong Dawn", "Sea Light", "Safe Harbour", "Golden Thread", "Night Market", "Border Lantern"];

    private static readonly (string Ring, (string Kind, string Name, string[] Roles)[] Members)[] Rings =
    [
        ("Mahachai boats", [("person", "Somchai Kaewmanee (สมชาย แก้วมณี)", ["exploiter", "financier"]), ("person", "Ko Aung Naing", ["recruiter", "broker"]), ("company", "Sea Pearl Fishery Co., Ltd.", ["exploiter"])]),
        ("Pattaya karaoke", [("person", "Wanpen Srisuk (วันเพ็ญ ศรีสุข)", ["exploiter", "harbourer"]), ("person", "Khamla Phommachanh", ["recruiter"]), ("person", "Niran Boonmak (นิรันดร์ บุญมาก)", ["transporter"])]),
        ("Mae Sot scam compound", [("company", "Golden Shore Online Service", ["exploiter"]), ("person", "Zhang Wei", ["financier"]), ("person", "Saw Htoo", ["recruiter", "smuggler"])]),
        ("Rong Kluea market", [("person", "Sok Dara", ["recruiter", "transporter"]), ("person", "Prasit Thongdee (ประสิทธิ์ ทองดี)", ["exploiter"])]),
        ("Songkhla rubber", [("person", "Anan Rakthai (อนันต์ รักไทย)", ["exploiter"]), ("company", "Southern Green Latex Ltd.", ["exploiter"]), ("person", "Min Thu", ["broker"])]),
        ("Chiang Rai border", [("person", "Bounmy Vongsa", ["recruiter"]), ("person", "Jakkrit Saelee (จักรกฤษณ์ แซ่ลี้)", ["transporter", "document_forger"])]),
    ];

    private static readonly (string Province, string Place, string Text, string Language, bool Children, bool Danger)[] TipStories =
    [
        ("TH-74", "Pier 3, Tha Chalom, Samut Sakhon", "Workers on a trawler say they have not been paid for months and cannot leave the boat.", "th", false, false),
        ("TH-74", "Shrimp peeling shed behind the market, Mahachai", "ผมเห็นเด็กพม่าทำงานแกะกุ้งตั้งแต่เช้ามืด มีคนเฝ้าประตู", "th", true, false),
        ("TH-20", "Soi 6, Pattaya", "Young women from Laos kept in a room above a bar; their passports taken by the owner.", "en", false, true),
        ("TH-63", "Compound near KK Park road, Mae Sot", "My brother messaged from a building where they force people to scam; they beat those who refuse.", "my", false, true),
        ("TH-10", "Condominium in Huai Khwang", "A domestic worker next door never goes out and cries at night; the family shouts at her.", "th", false, false),
        ("TH-27", "Rong Kluea market, Aranyaprathet", "Cambodian children selling flowers late at night with an adult collecting the money.", "km", true, false),
        ("TH-90", "Rubber plantation off Highway 43, Hat Yai", "Migrant workers say the boss keeps their documents and they owe a big debt.", "my", false, false),
        ("TH-57", "Guesthouse near the bridge, Mae Sai", "Girls brought across the border, told they will work in a restaurant in Bangkok.", "lo", true, true),
        ("TH-85", "Fishing port, Ranong", "Crew of a boat returned injured; say they were sold to the captain.", "my", false, false),
        ("TH-83", "Massage shop, Patong", "ขอแจ้งเบาะแส มีผู้หญิงถูกบังคับค้าประเวณี ไม่ได้รับเงิน", "th", false, false),
        ("TH-50", "Construction camp, Hang Dong, Chiang Mai", "Shan workers not paid for 4 months, foreman threatens to call immigration.", "my", false, false),
        ("TH-43", "Bus station, Nong Khai", "Two young Lao women waiting for a man who promised jobs in a Bangkok hotel; they look scared.", "lo", false, true),
    ];
}

internal static class DemoCaseInputExtensions
{
    public static DateOnly IdentifiedOnDay(this CaseInput input) =>
        DateOnly.ParseExact(input.IdentifiedOn!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

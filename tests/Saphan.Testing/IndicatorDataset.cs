using System.Data.Common;
using System.Globalization;

namespace Saphan.Testing;

/// <summary>An organisation of the generated network.</summary>
public sealed record DatasetOrganisation(Guid Id, string Type, string Province);

/// <summary>
/// Writes a synthetic network straight into the tables the indicators read (persons, cases, trafficking events,
/// screenings, referrals, follow-ups, legal cases, witnesses, compensations, tips), with prepared bulk inserts on
/// SQLite or PostgreSQL. Identifying columns hold a placeholder: the indicators never read them. With
/// <c>varied</c>, it also writes the awkward shapes real data has (several citizenships or none, several events,
/// screenings, referrals and follow-ups per case, instants on quarter boundaries, tips without an organisation,
/// shared legal cases, zero awards), for tests that compare two ways of counting.
/// </summary>
public sealed class IndicatorDataset(DbConnection connection, bool postgres)
{
    private static readonly string[] Types = ["ngo", "shelter", "government", "police", "labour_inspection", "hotline"];
    private static readonly string[] Provinces = ["TH-10", "TH-50", "TH-57", "TH-63", "TH-74", "TH-85", "TH-20", "TH-83", "TH-90", "TH-40", "TH-11", "TH-70"];
    private static readonly string[] Genders = ["female", "male", "female", "male", "transgender_nonconforming", "unknown"];
    private static readonly string[] Citizenships = ["MM", "MM", "MM", "KH", "LA", "TH", "TH", "VN", "stateless"];
    private static readonly string[] VariedCitizenships = ["MM,TH", "KH,LA", "", ",MM"];
    private static readonly string[] Exploitation = ["forced_labour", "forced_labour", "sexual", "forced_criminality", "forced_begging", "forced_marriage"];
    private static readonly string[] ServiceTypes = ["shelter", "medical", "mental_health", "legal_aid", "repatriation"];
    private static readonly string[] Bands = ["minimal", "mild", "moderate", "severe"];
    private static readonly string[] Ages = ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"];
    private static readonly string[] Outcomes = ["safe_stable,in_contact", "safe_stable,re_trafficked", "re_trafficked", "lost_to_contact", "employed", "safe_stable"];

    public static IReadOnlyList<DatasetOrganisation> Organisations(int count = 24, int seed = 6)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => new DatasetOrganisation(new Guid(random.Next(), (short)i, 6, 1, 2, 3, 4, 5, 6, 7, 8), Types[i % Types.Length], Provinces[random.Next(Provinces.Length)]))
            .ToList();
    }

    public object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();

    public object Day(DateOnly day) => postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public object Instant(DateTime utc) => postgres
        ? new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))
        : utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00:00";

    private object Instant(DateOnly day, int minutes = 600) => Instant(day.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes));

    private object Flag(bool value) => postgres ? value : value ? 1 : 0;

    /// <summary>One prepared INSERT, reused for every row of a table.</summary>
    private sealed class Insert : IDisposable
    {
        private readonly DbCommand _command;

        public Insert(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(CultureInfo.InvariantCulture)))})";
            foreach (var i in Enumerable.Range(0, columns.Length))
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                _command.Parameters.Add(parameter);
            }
        }

        public void Add(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }

    /// <summary>Writes the organisations, their services and <paramref name="cases"/> cases with everything around them, in one transaction.</summary>
    public async Task WriteAsync(IReadOnlyList<DatasetOrganisation> organisations, int cases, bool varied = false, int seed = 2026, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        var random = new Random(seed);
        var first = from ?? new DateOnly(2022, 1, 1);
        var span = (to ?? new DateOnly(2026, 6, 30)).DayNumber - first.DayNumber;
        var user = Id(Guid.NewGuid());
        var now = Instant(new DateOnly(2026, 6, 1));
        await using var transaction = await connection.BeginTransactionAsync();
        using (var orgs = new Insert(connection, transaction, "organisations", "id", "name", "type", "province", "created_at"))
        {
            foreach (var (org, i) in organisations.Select((o, i) => (o, i)))
            {
                orgs.Add(Id(org.Id), "Bench organisation " + i.ToString(CultureInfo.InvariantCulture), org.Type, org.Province, now);
            }
        }

        var services = new Dictionary<(Guid, string), object>();
        using (var insert = new Insert(connection, transaction, "services", "id", "organisation_id", "type", "name", "provinces", "languages", "genders", "nationalities", "capacity", "available", "created_at", "updated_at", "version"))
        {
            foreach (var org in organisations)
            {
                foreach (var type in ServiceTypes)
                {
                    var id = Id(Guid.NewGuid());
                    services[(org.Id, type)] = id;
                    insert.Add(id, Id(org.Id), type, "Bench " + type, "", "", "", "", 10, 5, now, now, Id(Guid.NewGuid()));
                }
            }
        }

        using var persons = new Insert(connection, transaction, "persons", "id", "organisation_id", "given_name", "gender", "citizenships", "languages", "created_at", "updated_at");
        using var caseRows = new Insert(connection, transaction, "cases", "id", "organisation_id", "person_id", "identified_on", "identification_route", "province", "status", "created_by", "created_at", "updated_at", "concurrency_stamp", "age_broad");
        using var events = new Insert(connection, transaction, "trafficking_events", "id", "organisation_id", "case_id", "type", "country", "recruiter_relation", "recruitment_methods", "websites_and_apps", "exploitation_types", "industry", "labour_types", "sex_types", "means_of_control", "created_by", "created_at");
        using var screenings = new Insert(connection, transaction, "screenings", "id", "organisation_id", "case_id", "instrument", "instrument_version", "category", "answers", "score", "band", "flags", "recorded_by", "recorded_at");
        using var referrals = new Insert(connection, transaction, "referrals", "id", "case_id", "from_organisation_id", "to_organisation_id", "service_id", "service_type", "urgency", "status", "created_by", "created_at", "sent_at", "answered_at", "ended_at", "updated_at", "version");
        using var followUps = new Insert(connection, transaction, "follow_ups", "id", "organisation_id", "case_id", "due_on", "month", "done_on", "outcomes", "created_by", "created_at", "version");
        using var legalCases = new Insert(connection, transaction, "legal_cases", "id", "organisation_id", "reference", "stage", "charges", "created_by", "created_at", "stage_changed_at");
        using var witnesses = new Insert(connection, transaction, "witnesses", "id", "organisation_id", "legal_case_id", "case_id", "created_at");
        using var compensations = new Insert(connection, transaction, "compensations", "id", "organisation_id", "legal_case_id", "case_id", "claimed_satang", "awarded_satang", "paid_satang", "updated_at");
        using var tips = new Insert(connection, transaction, "tips", "id", "organisation_id", "channel", "receipt_hash", "description", "province", "occurred_when", "children_at_risk", "imminent_danger", "language", "spam_score", "priority", "status", "created_at", "updated_at", "concurrency_stamp", "first_action_at");
        object? sharedLegal = null;
        for (var i = 0; i < cases; i++)
        {
            // Larger organisations first: a skewed share, as in a real network.
            var org = organisations[Math.Min(organisations.Count - 1, (int)(organisations.Count * Math.Pow(random.NextDouble(), 1.6)))];
            var orgId = Id(org.Id);
            var personId = Id(Guid.NewGuid());
            var caseId = Id(Guid.NewGuid());
            var identified = first.AddDays(random.Next(span));
            var citizenship = varied && random.Next(6) == 0 ? VariedCitizenships[random.Next(VariedCitizenships.Length)] : Citizenships[random.Next(Citizenships.Length)];
            persons.Add(personId, orgId, "x", Genders[random.Next(Genders.Length)], citizenship, "", now, now);
            caseRows.Add(caseId, orgId, personId, Day(identified), "outreach", Provinces[random.Next(Provinces.Length)], "active", user, now, now, Id(Guid.NewGuid()),
                random.Next(10) == 0 ? null : Ages[random.Next(Ages.Length)]);
            var eventCount = random.Next(10) < 6 ? 1 : 0;
            if (varied && random.Next(4) == 0)
            {
                eventCount += random.Next(1, 3);
            }

            for (var e = 0; e < eventCount; e++)
            {
                var types = varied && random.Next(4) == 0 ? Exploitation[random.Next(Exploitation.Length)] + "," + Exploitation[random.Next(Exploitation.Length)] : Exploitation[random.Next(Exploitation.Length)];
                events.Add(Id(Guid.NewGuid()), orgId, caseId, varied && random.Next(5) == 0 ? "recruitment" : "exploitation", "TH", "", "", "", types, "", "", "", "", user,
                    Instant(identified, random.Next(0, 5000)));
            }

            var screeningCount = random.Next(10) < 5 ? 1 : 0;
            if (varied)
            {
                screeningCount += random.Next(3);
            }

            for (var s = 0; s < screeningCount; s++)
            {
                var band = Bands[random.Next(Bands.Length)];
                var category = varied && random.Next(5) == 0 ? "forced_labour" : "health";
                var at = varied && random.Next(8) == 0 ? QuarterEdge(identified, random) : identified.ToDateTime(TimeOnly.MinValue).AddMinutes(random.Next(1, 200) * 97);
                screenings.Add(Id(Guid.NewGuid()), orgId, caseId, "PHQ-9", "1.0", category, "x", "10", band, band is "moderate" or "severe" ? "care_indicated" : "",
                    user, Instant(at));
            }

            var referralCount = random.Next(10) < 4 ? 1 : 0;
            if (varied)
            {
                referralCount += random.Next(3);
            }

            for (var r = 0; r < referralCount; r++)
            {
                var type = varied && random.Next(3) == 0 ? "shelter" : ServiceTypes[random.Next(ServiceTypes.Length)];
                var target = organisations[random.Next(organisations.Count)];
                var sent = identified.AddDays(random.Next(0, 15));
                var status = random.Next(12) switch { < 5 => "completed", < 7 => "in_progress", < 8 => "declined", < 9 => "accepted", < 10 => "sent", < 11 => "revoked", _ => "expired" };
                var sentAt = varied && random.Next(6) == 0 ? QuarterEdge(sent, random) : sent.ToDateTime(TimeOnly.MinValue).AddMinutes(600);
                object? answered = status is "sent" or "revoked" or "expired" ? null
                    : varied && random.Next(6) == 0 ? Instant(sentAt) : Instant(sentAt.AddDays(random.Next(0, 4)).AddMinutes(random.Next(0, 300)));
                object? ended = status is "completed" or "declined" or "revoked" or "expired" ? Instant(sentAt.AddDays(random.Next(4, 90))) : null;
                referrals.Add(Id(Guid.NewGuid()), caseId, orgId, Id(target.Id), services[(target.Id, type)], type, "normal", status, user, Instant(sentAt), Instant(sentAt),
                    answered, ended, Instant(sentAt), Id(Guid.NewGuid()));
            }

            var followUpCount = random.Next(10) < 3 ? 1 : 0;
            if (varied)
            {
                followUpCount += random.Next(2);
            }

            for (var f = 0; f < followUpCount; f++)
            {
                var month = varied ? new[] { 3, 6, 12, 12 }[random.Next(4)] : 12;
                var due = identified.AddMonths(month);
                var done = varied && random.Next(5) == 0 ? null : Day(due.AddDays(random.Next(0, 20)));
                followUps.Add(Id(Guid.NewGuid()), orgId, caseId, Day(due), month, done, Outcomes[random.Next(varied ? Outcomes.Length : 5)], user, now, Id(Guid.NewGuid()));
            }

            if (random.Next(100) < (varied ? 15 : 5))
            {
                var legal = varied && sharedLegal is not null && random.Next(3) == 0 ? sharedLegal : null;
                if (legal is null)
                {
                    legal = Id(Guid.NewGuid());
                    legalCases.Add(legal, orgId, "x", random.Next(3) == 0 ? "investigation" : "trial", "s6", user, now, now);
                    sharedLegal = legal;
                }

                if (!varied || random.Next(4) != 0)
                {
                    witnesses.Add(Id(Guid.NewGuid()), orgId, legal, caseId, now);
                }

                if (random.Next(2) == 0)
                {
                    var awarded = varied && random.Next(5) == 0 ? 0L : 10_000_000L;
                    compensations.Add(Id(Guid.NewGuid()), orgId, legal, caseId, 20_000_000L, awarded, (long)random.Next(0, 10_000_000),
                        Instant(identified.AddDays(random.Next(30, 400))));
                }
            }

            if (i % 5 == 0)
            {
                var day = first.AddDays(random.Next(span));
                var tipOrg = varied && random.Next(5) == 0 ? null : orgId;
                var acted = varied && random.Next(6) == 0 ? null : varied && random.Next(6) == 0 ? Instant(QuarterEdge(day, random)) : Instant(day, 900);
                tips.Add(Id(Guid.NewGuid()), tipOrg, "web", Guid.NewGuid().ToString("N"), "x", Provinces[random.Next(Provinces.Length)], "recent", Flag(false), Flag(false),
                    "th", 0, 1, "closed", Instant(day), Instant(day), Id(Guid.NewGuid()), acted);
            }
        }

        await transaction.CommitAsync();
    }

    /// <summary>An instant within a minute of the end of the quarter of <paramref name="day"/>, on either side.</summary>
    private static DateTime QuarterEdge(DateOnly day, Random random)
    {
        var quarterStart = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1).AddMonths(3);
        return quarterStart.ToDateTime(TimeOnly.MinValue).AddSeconds(random.Next(-60, 60));
    }
}

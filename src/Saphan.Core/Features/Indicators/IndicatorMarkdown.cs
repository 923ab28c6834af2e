using System.Globalization;
using System.Text;

namespace Saphan.Core.Features.Indicators;

/// <summary>docs/indicators.md, generated from the catalogue (<c>./saphan report docs</c>); a test keeps it fresh.</summary>
public static class IndicatorMarkdown
{
    public static string Render()
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        var md = new StringBuilder();
        md.Append("""
            # Indicators: measures of performance and of effectiveness

            Generated from `src/Saphan.Core/Features/Indicators/IndicatorCatalogue.cs` by `./saphan report docs`; do not edit by hand
            (a test fails when this file and the code differ).

            Seed 000 asks organisations to report *measures of performance* (what they did: outputs) and *measures of
            effectiveness* (what changed for the people they served: outcomes). Saphan computes both, per quarter, for one
            organisation or for the whole network, from the records staff already keep: cases, persons, trafficking events,
            screenings, referrals, follow-ups, tips and the justice records. Nobody types a figure twice.

            Where to see them: `GET /api/v1/indicators?period=2026Q1&scope=org|network` (docs/api.md), the dashboards at
            `/Indicators`, and the quarterly report to MSDHS: `./saphan report --org ID|network --quarter 2026Q1 --out FILE.pdf|.xlsx`.

            ## Who sees what
            - **scope=org**: an organisation's `supervisor` and `org_admin`, for their own organisation only. Health-derived
              indicators (marked *health*) are hidden from `org_admin`, as health results are (docs/security.md).
            - **scope=network**: `network_admin` and `analyst`. Counts only; every cell counting 1–10 people (or tips,
              referrals, awards) is suppressed (CTDC's rule, k = 11); in a breakdown where exactly one cell is suppressed the
              next smallest is suppressed too, so it cannot be recovered from the total; an organisation type held by fewer
              than 3 organisations is never shown on its own; no organisation is named.
            - Every look through the API or the page is audited (`indicators.viewed`, with the period and scope, never a value).

            ## How a person is counted, and the breakdowns
            A "person" is a case of one organisation: the same survivor met by two organisations counts once in each
            (distinct people across the network come from the repository's linkage, not from these counts). Breakdowns use
            only coded, unencrypted columns:

            | breakdown | column | note |
            |---|---|---|
            | sex | `persons.gender` | female, male, transgender / non-conforming, unknown |
            | age band | `cases.age_broad` | CTDC band at identification. Birth dates are encrypted, so the band is computed in the application whenever a case is saved with its person and stored in clear (migration 0013); the migration filled cases known by an estimated age, `./saphan report backfill` fills the others; "unknown" when neither birth date nor estimate is recorded |
            | nationality | `persons.citizenships` | the first citizenship recorded (or stateless) |
            | exploitation type | `trafficking_events.exploitation_types` | the first type on the case's first exploitation event; "not specified" without one |
            | province | `cases.province` (tips: `tips.province`) | where the person was identified |
            | organisation type | `organisations.type` | of the organisation counted (for "served": the serving organisation) |
            | service type | `referrals.service_type` | for served people and referrals only |

            Periods are calendar quarters (`2026Q1` = January–March 2026). Dates (`identified_on`, `done_on`) are compared as
            days; instants (`recorded_at`, `sent_at`, `answered_at`, `ended_at`, `first_action_at`) by their UTC day.

            ## The catalogue

            | code | kind | indicator | ตัวชี้วัด | unit |
            |---|---|---|---|---|

            """);
        foreach (var d in IndicatorCatalogue.All)
        {
            md.Append(CultureInfo.InvariantCulture, $"| {d.Code} | {d.Kind}{(d.Health ? ", health" : "")} | {d.English} | {d.Thai} | {d.Unit}{(d.NotComputable is null ? "" : " (not computable yet)")} |\n");
        }

        foreach (var d in IndicatorCatalogue.All)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n### {d.Code} {d.English} / {d.Thai}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"{IndicatorLabels.Kind(d.Kind, english)}. {d.DefinitionEnglish}\n\n{d.DefinitionThai}\n\n");
            md.Append(CultureInfo.InvariantCulture, $"- Numerator: {d.Numerator}\n");
            if (d.Denominator is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"- Denominator: {d.Denominator}\n");
            }

            md.Append(CultureInfo.InvariantCulture, $"- Breakdowns: {string.Join(", ", d.Dimensions.Select(x => IndicatorLabels.Dimension(x, english)))}\n");
            md.Append(CultureInfo.InvariantCulture, $"- Counted: {d.CountedUnit}{(d.ScopeColumn is null ? "" : $"; the organisation is `{d.ScopeColumn}`")}\n");
            if (d.NotComputable is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"- **Not computable yet**: {d.NotComputable}\n");
            }

            if (d.Query is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"\n```sql\n{d.Query}\n```\n");
            }
        }

        md.Append("""

            ## Not computable yet, and limits
            - **People trained (P6)** counts attendances: a session records how many attended by sex, not who, so a person
              trained twice counts twice. Sessions are recorded at `/Trainings` or `POST /api/v1/trainings`, and corrected or deleted there (`PUT`/`DELETE /api/v1/trainings/{id}`).
            - **Re-exploitation (E4)** counts within one organisation's follow-ups; a person re-exploited and met by another
              organisation is only seen through the repository's linkage.
            - **Outcomes "as of today"**: E2 (care after a positive screen) and E6 (prosecution) look at what has happened
              by the time the figures are computed, so a past quarter's value can rise later.
            - **Age band** is "unknown" for cases saved before migration 0013 whose person has a birth date, until
              `./saphan report backfill` runs (or the case is saved again).
            - **Compensation (E7)** is cumulative: awards on record at the end of the quarter, not only those of the quarter.

            ## Licences
            The PDF report uses PDFsharp 6.2.4, released under the **MIT** licence (PDFsharp 6.5 is AGPL v3 or
            commercial), so the report adds no copyleft terms to Saphan. Upgrading it is a licence decision, not a routine bump.
            The embedded font is Loma (NECTEC, GPL-2+ with the font exception), from Debian's `fonts-tlwg-loma-ttf`.

            ## Performance
            The SQL above is the definition. The dashboards, the API and the reports read the same figures from pre-summed,
            de-identified facts (migration 0016), so a quarter of a national network is read in about a tenth of a second, not
            tens of seconds (1,000,000 cases, every breakdown: 137 ms against 24 s by the SQL above, on a loaded 2-core machine):
            - `indicator_facts`: one narrow row per counted unit (a case in a quarter, a referral, an award, a tip) with its
              quarter, the organisation counted and its breakdown codes already resolved (sex, age band, first nationality,
              first exploitation type, province, service type or days). No identifying or encrypted column is copied.
            - `indicator_sums`: those facts summed per indicator, quarter, organisation and breakdown value. A quarter is a few
              thousand rows, summed over organisations for the network. Organisation types are looked up when read, so a
              change of type needs no rebuild.
            - **Exact, and current to the last write.** Triggers on every table an indicator reads (cases; persons' sex and
              citizenships; trafficking events; screenings; referrals; follow-ups; witnesses; compensations; legal cases'
              stage; tips) queue the case or tip they touch in `indicator_dirty`, in the same transaction as the write, whatever
              writes it (pages, API, imports, mobile sync, the command line). The next indicator read recomputes the queued
              cases' facts from the records and adjusts the sums before it counts. On PostgreSQL one refresh runs at a time
              (advisory lock); rows queued by transactions still open wait for the next read. The web app also drains the
              queue in the background (every 5 s, 500 entries per transaction; `Indicators:RefreshSeconds`, 0 turns it off,
              `Indicators:RefreshBatch`), so a reader rarely has anything left to recompute.
            - **Trends in one pass**: the eight-quarter trend of the dashboards and the report reads the sums of all its
              quarters in one statement grouped by quarter (P6, counted by its own query, runs once for all of them).
              Reads of totals only (the trends) use a partial, covering index of the sums' "total" rows (migration 0021):
              each quarter is a short index-only range instead of every organisation's rows of every breakdown.
            - A test (`IndicatorFactsTests`) computes every indicator both ways, with the SQL above and from the facts, over
              varied synthetic data (several citizenships or none, several events, screenings, referrals and follow-ups per case,
              instants on quarter boundaries, shared legal cases, tips without an organisation), for the network and for
              organisations, six quarters, with and without breakdowns, on SQLite and PostgreSQL; then again after updates and
              deletes of every kind and a second import batch; every cell must be equal.
            - **Upgrading**: a database that already held cases or tips when migration 0016 ran keeps counting with the SQL above
              (exact, but seconds per quarter at national size) until `./saphan report backfill` builds the facts.

            Timings over 1,000,000 cases, fast and direct, are in docs/benchmarks.md ("Indicators"); run
            `dotnet run -c Release --project bench/Saphan.Indicators.Bench -- 1000000`.

            """);
        return md.ToString().ReplaceLineEndings("\n");
    }
}

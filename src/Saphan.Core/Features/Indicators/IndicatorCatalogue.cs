namespace Saphan.Core.Features.Indicators;

/// <summary>How an indicator's cells are valued.</summary>
public static class IndicatorUnits
{
    /// <summary>A number of people (cases), tips or referrals.</summary>
    public const string Count = "count";
    /// <summary>Numerator as a percentage of the denominator.</summary>
    public const string Percent = "percent";
    /// <summary>The median number of days.</summary>
    public const string MedianDays = "median_days";
}

/// <summary>
/// One indicator: what it counts, in words and as the query that counts it. The query is SQLite's dialect; the
/// PostgreSQL one differs only where shown in <see cref="IndicatorEngine"/> (date arithmetic).
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    string Kind,
    string Unit,
    string English,
    string Thai,
    string DefinitionEnglish,
    string DefinitionThai,
    string Numerator,
    string? Denominator,
    IReadOnlyList<string> Dimensions)
{
    /// <summary>Counting unit behind every cell, for small-cell suppression (a person, a tip, an award).</summary>
    public string CountedUnit { get; init; } = "people";
    /// <summary>Empty when the indicator can be computed; otherwise why not yet.</summary>
    public string? NotComputable { get; init; }
    /// <summary>Derived from health screenings (PDPA s.26): shown only to roles that may see health results.</summary>
    public bool Health { get; init; }
    /// <summary>Which column of the counted rows decides the scope "organisation" (the SQL placeholder {org}).</summary>
    internal string? ScopeColumn { get; init; }
    /// <summary>
    /// The query of one row per counted unit (dimensions g, a, n, x, pr, ot; k an extra key such as the service type or
    /// the days; num and den its share of the numerator and denominator), with {dims}, {org} and {days} filled by the
    /// engine, which sums it by every combination of dimensions.
    /// </summary>
    public string? Query { get; init; }
    /// <summary>Counts every record up to the end of the quarter, not only the quarter's (E7).</summary>
    internal bool Cumulative { get; init; }

    /// <summary>
    /// Whether the pre-summed indicator facts (IndicatorFacts) hold this indicator. The few that read a small table (P6: one
    /// row per training session) are computed by their query on the fast path too.
    /// </summary>
    internal bool Summed { get; init; } = true;
}

/// <summary>
/// The indicator catalogue: measures of performance (outputs) and of effectiveness (outcomes), each defined once
/// here. Everything is counted from coded, unencrypted columns: sex (persons.gender), age band (cases.age_broad,
/// a de-identified band written at save), nationality (the first of persons.citizenships), exploitation type
/// (the first type on the case's first exploitation event), province (cases.province) and organisation type.
/// </summary>
public static class IndicatorCatalogue
{
    public const string Performance = "performance";
    public const string Effectiveness = "effectiveness";

    public const string Sex = "sex";
    public const string AgeBand = "age_band";
    public const string Nationality = "nationality";
    public const string ExploitationType = "exploitation_type";
    public const string Province = "province";
    public const string OrganisationType = "organisation_type";
    public const string ServiceType = "service_type";
    public const string AudienceType = "audience_type";

    /// <summary>The counted unit of an indicator whose rows carry a number of people each (training participants).</summary>
    public const string Participants = "participants";

    public static readonly IReadOnlyList<string> PersonDimensions = [Sex, AgeBand, Nationality, ExploitationType, Province, OrganisationType];

    /// <summary>The dimensions of a case (alias c), its person (p) and the organisation counted (o).</summary>
    internal const string CaseDims =
        "p.gender AS g, c.age_broad AS a, p.citizenships AS n, "
        + "(SELECT e.exploitation_types FROM trafficking_events e WHERE e.case_id = c.id AND e.type = 'exploitation' ORDER BY e.created_at, e.id LIMIT 1) AS x, "
        + "c.province AS pr, o.type AS ot";

    internal const string PositiveMentalHealth =
        "(s.category = 'health' AND s.flags LIKE '%" + Saphan.Core.Features.Screenings.ScreeningFlags.CareIndicated + "%')";

    public static readonly IReadOnlyList<IndicatorDefinition> All =
    [
        new("P1", Performance, IndicatorUnits.Count,
            "People identified", "จำนวนผู้ที่ได้รับการคัดแยก/พบตัว",
            "Cases opened for people identified during the quarter (identification date in the quarter).",
            "จำนวนกรณีของบุคคลที่ได้รับการพบตัวในไตรมาส (วันที่พบตัวอยู่ในไตรมาส)",
            "cases with identified_on in the quarter", null, PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, 1 AS num, 1 AS den FROM cases c "
                + "JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE c.identified_on >= @d0 AND c.identified_on < @d1 {org}",
        },
        new("P2", Performance, IndicatorUnits.Count,
            "People screened", "จำนวนผู้ที่ได้รับการคัดกรอง",
            "People with at least one screening (any instrument: health, forced labour, child) recorded during the quarter.",
            "จำนวนบุคคลที่ได้รับการคัดกรองอย่างน้อยหนึ่งครั้งในไตรมาส (แบบคัดกรองใดก็ได้)",
            "distinct cases with a screening recorded_at in the quarter", null, PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, 1 AS num, 1 AS den "
                + "FROM (SELECT DISTINCT case_id FROM screenings WHERE recorded_at >= @t0 AND recorded_at < @t1) s "
                + "JOIN cases c ON c.id = s.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE 1 = 1 {org}",
        },
        new("P3", Performance, IndicatorUnits.Count,
            "People referred", "จำนวนผู้ที่ได้รับการส่งต่อ",
            "People for whom the organisation sent at least one referral to a service during the quarter.",
            "จำนวนบุคคลที่องค์กรส่งต่อไปยังบริการอย่างน้อยหนึ่งครั้งในไตรมาส",
            "distinct cases with a referral sent_at in the quarter (from the organisation)", null, PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, 1 AS num, 1 AS den "
                + "FROM (SELECT DISTINCT case_id FROM referrals WHERE sent_at >= @t0 AND sent_at < @t1) r "
                + "JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE 1 = 1 {org}",
        },
        new("P4", Performance, IndicatorUnits.Count,
            "People served, by service type", "จำนวนผู้ที่ได้รับบริการ จำแนกตามประเภทบริการ",
            "People whose referral to a service was accepted by the serving organisation during the quarter, once per service type.",
            "จำนวนบุคคลที่องค์กรผู้ให้บริการตอบรับการส่งต่อในไตรมาส นับหนึ่งครั้งต่อประเภทบริการ",
            "distinct (case, service type) with a referral answered_at in the quarter and now accepted, in progress or completed (to the organisation)",
            null, [.. PersonDimensions, ServiceType])
        {
            ScopeColumn = "r.to_organisation_id",
            Query = "SELECT {dims}, r.service_type AS k, 1 AS num, 1 AS den "
                + "FROM (SELECT DISTINCT case_id, service_type, to_organisation_id FROM referrals WHERE answered_at >= @t0 AND answered_at < @t1 "
                + "AND status IN ('accepted', 'in_progress', 'completed')) r "
                + "JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = r.to_organisation_id "
                + "WHERE 1 = 1 {org}",
        },
        new("P5", Performance, IndicatorUnits.Count,
            "Tips handled", "จำนวนเบาะแสที่ดำเนินการ",
            "Tips (public and hotline) that staff first acted on during the quarter. No person is attached to a tip: only province and organisation type break it down.",
            "จำนวนเบาะแส (จากประชาชนและสายด่วน) ที่เจ้าหน้าที่เริ่มดำเนินการในไตรมาส เบาะแสไม่ผูกกับบุคคล จำแนกได้เฉพาะจังหวัดและประเภทองค์กร",
            "tips with first_action_at in the quarter", null, [Province, OrganisationType])
        {
            CountedUnit = "tips",
            ScopeColumn = "t.organisation_id",
            Query = "SELECT NULL AS g, NULL AS a, NULL AS n, NULL AS x, t.province AS pr, o.type AS ot, NULL AS k, 1 AS num, 1 AS den "
                + "FROM tips t LEFT JOIN organisations o ON o.id = t.organisation_id "
                + "WHERE t.first_action_at >= @t0 AND t.first_action_at < @t1 {org}",
        },
        new("P6", Performance, IndicatorUnits.Count,
            "People trained", "จำนวนผู้ที่ได้รับการฝึกอบรม",
            "Participants in the training sessions the organisation gave during the quarter (police, labour inspectors, social workers, NGO staff, community, other), by sex as recorded per session. A person at two sessions counts twice: sessions record counts, not names.",
            "จำนวนผู้เข้าร่วมการฝึกอบรมที่องค์กรจัดในไตรมาส (ตำรวจ พนักงานตรวจแรงงาน นักสังคมสงเคราะห์ เจ้าหน้าที่องค์กรพัฒนาเอกชน ชุมชน อื่น ๆ) จำแนกตามเพศที่บันทึกในแต่ละครั้ง ผู้ที่เข้าร่วมสองครั้งนับสองครั้ง เพราะบันทึกเป็นจำนวน ไม่ใช่รายชื่อ",
            "participants of training_sessions held_on in the quarter", null, [Sex, Province, OrganisationType, AudienceType])
        {
            CountedUnit = Participants,
            Summed = false,
            ScopeColumn = "t.organisation_id",
            // One row per session and sex with that sex's participants: the engine sums participants, not rows, as units.
            Query = "SELECT 'female' AS g, NULL AS a, NULL AS n, NULL AS x, t.province AS pr, o.type AS ot, t.audience AS k, t.participants_female AS num, t.participants_female AS den "
                + "FROM training_sessions t LEFT JOIN organisations o ON o.id = t.organisation_id "
                + "WHERE t.held_on >= @d0 AND t.held_on < @d1 AND t.participants_female > 0 {org}"
                + " UNION ALL "
                + "SELECT 'male' AS g, NULL AS a, NULL AS n, NULL AS x, t.province AS pr, o.type AS ot, t.audience AS k, t.participants_male AS num, t.participants_male AS den "
                + "FROM training_sessions t LEFT JOIN organisations o ON o.id = t.organisation_id "
                + "WHERE t.held_on >= @d0 AND t.held_on < @d1 AND t.participants_male > 0 {org}"
                + " UNION ALL "
                + "SELECT 'transgender_nonconforming' AS g, NULL AS a, NULL AS n, NULL AS x, t.province AS pr, o.type AS ot, t.audience AS k, t.participants_transgender AS num, t.participants_transgender AS den "
                + "FROM training_sessions t LEFT JOIN organisations o ON o.id = t.organisation_id "
                + "WHERE t.held_on >= @d0 AND t.held_on < @d1 AND t.participants_transgender > 0 {org}"
                + " UNION ALL "
                + "SELECT 'unknown' AS g, NULL AS a, NULL AS n, NULL AS x, t.province AS pr, o.type AS ot, t.audience AS k, t.participants_unknown AS num, t.participants_unknown AS den "
                + "FROM training_sessions t LEFT JOIN organisations o ON o.id = t.organisation_id "
                + "WHERE t.held_on >= @d0 AND t.held_on < @d1 AND t.participants_unknown > 0 {org}",
        },
        new("E1", Effectiveness, IndicatorUnits.Percent,
            "Referrals completed", "การส่งต่อที่เสร็จสิ้น",
            "Of the organisation's referrals that ended during the quarter, the share completed (the others were declined, revoked or expired).",
            "สัดส่วนการส่งต่อที่เสร็จสิ้น จากการส่งต่อขององค์กรที่สิ้นสุดในไตรมาส (ที่เหลือถูกปฏิเสธ ยกเลิก หรือหมดเวลา)",
            "referrals ended_at in the quarter with status completed", "referrals ended_at in the quarter (completed, declined, revoked, expired)",
            [.. PersonDimensions, ServiceType])
        {
            CountedUnit = "referrals",
            ScopeColumn = "r.from_organisation_id",
            Query = "SELECT {dims}, r.service_type AS k, CASE WHEN r.status = 'completed' THEN 1 ELSE 0 END AS num, 1 AS den "
                + "FROM referrals r JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = r.from_organisation_id "
                + "WHERE r.ended_at >= @t0 AND r.ended_at < @t1 AND r.status IN ('completed', 'declined', 'revoked', 'expired') {org}",
        },
        new("E2", Effectiveness, IndicatorUnits.Percent,
            "Positive mental-health screen followed by care", "ผลคัดกรองสุขภาพจิตเป็นบวกและได้รับการดูแล",
            "Of the people whose mental-health screen was positive during the quarter (PHQ-9 or GAD-7 moderate or worse, PCL-5 probable PTSD, suicide risk reported), the share with a mental-health referral sent on or after that screen and accepted, in progress or completed (as of today).",
            "สัดส่วนผู้ที่ได้รับการส่งต่อด้านสุขภาพจิต (ส่งหลังการคัดกรองและตอบรับ/กำลังให้บริการ/เสร็จสิ้น ณ วันนี้) จากผู้ที่ผลคัดกรองสุขภาพจิตเป็นบวกในไตรมาส (PHQ-9 หรือ GAD-7 ระดับปานกลางขึ้นไป PCL-5 น่าจะมี PTSD หรือมีความเสี่ยงฆ่าตัวตาย)",
            "of those, cases with a mental_health referral sent_at ≥ the first positive screen, status accepted, in_progress or completed",
            "distinct cases with a positive mental-health screening recorded_at in the quarter", PersonDimensions)
        {
            Health = true,
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, "
                + "CASE WHEN EXISTS (SELECT 1 FROM referrals r WHERE r.case_id = c.id AND r.service_type = 'mental_health' AND r.sent_at >= s.first_at "
                + "AND r.status IN ('accepted', 'in_progress', 'completed')) THEN 1 ELSE 0 END AS num, 1 AS den "
                + "FROM (SELECT s.case_id, MIN(s.recorded_at) AS first_at FROM screenings s WHERE s.recorded_at >= @t0 AND s.recorded_at < @t1 AND "
                + PositiveMentalHealth + " GROUP BY s.case_id) s "
                + "JOIN cases c ON c.id = s.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE 1 = 1 {org}",
        },
        new("E3", Effectiveness, IndicatorUnits.Percent,
            "Aftercare success at 12 months", "ความสำเร็จของการดูแลหลังพ้นสภาพ ณ 12 เดือน",
            "Of the people whose 12-month follow-up was done during the quarter, the share found safe and stable, neither re-trafficked nor lost to contact.",
            "สัดส่วนผู้ที่อยู่อย่างปลอดภัยและมั่นคง ไม่ถูกค้ามนุษย์ซ้ำและไม่ขาดการติดต่อ จากผู้ที่ได้รับการติดตามผล 12 เดือนในไตรมาส",
            "of those, cases whose 12-month outcomes include safe_stable and neither re_trafficked nor lost_to_contact",
            "distinct cases with a follow-up of month 12 done_on in the quarter", PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, f.ok AS num, 1 AS den "
                + "FROM (SELECT case_id, MAX(CASE WHEN outcomes LIKE '%safe_stable%' AND outcomes NOT LIKE '%re_trafficked%' AND outcomes NOT LIKE '%lost_to_contact%' "
                + "THEN 1 ELSE 0 END) AS ok FROM follow_ups WHERE month = 12 AND done_on >= @d0 AND done_on < @d1 GROUP BY case_id) f "
                + "JOIN cases c ON c.id = f.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE 1 = 1 {org}",
        },
        new("E4", Effectiveness, IndicatorUnits.Percent,
            "Re-exploitation", "การถูกแสวงประโยชน์ซ้ำ",
            "Of the people followed up during the quarter (any follow-up), the share found re-trafficked or re-exploited. Within one organisation's records: across organisations it needs the repository's linkage.",
            "สัดส่วนผู้ที่ถูกค้ามนุษย์หรือถูกแสวงประโยชน์ซ้ำ จากผู้ที่ได้รับการติดตามผลในไตรมาส (นับภายในข้อมูลขององค์กร การนับข้ามองค์กรต้องใช้การเชื่อมโยงข้อมูลของคลังกลาง)",
            "of those, cases with an outcome re_trafficked", "distinct cases with a follow-up done_on in the quarter", PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, f.bad AS num, 1 AS den "
                + "FROM (SELECT case_id, MAX(CASE WHEN outcomes LIKE '%re_trafficked%' THEN 1 ELSE 0 END) AS bad FROM follow_ups "
                + "WHERE done_on >= @d0 AND done_on < @d1 GROUP BY case_id) f "
                + "JOIN cases c ON c.id = f.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE 1 = 1 {org}",
        },
        new("E5", Effectiveness, IndicatorUnits.MedianDays,
            "Days from identification to shelter", "จำนวนวันตั้งแต่พบตัวจนเข้าที่พักพิง",
            "For people whose first shelter referral was accepted during the quarter, the median number of days from identification to that acceptance.",
            "ค่ามัธยฐานของจำนวนวันตั้งแต่วันที่พบตัวจนถึงวันที่การส่งต่อเข้าที่พักพิงครั้งแรกได้รับการตอบรับ สำหรับผู้ที่ได้รับการตอบรับในไตรมาส",
            "days from cases.identified_on to the first accepted shelter referral's answered_at", "cases whose first accepted shelter referral was answered in the quarter",
            PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, {days} AS k, 1 AS num, 1 AS den "
                + "FROM referrals r JOIN cases c ON c.id = r.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE r.answered_at >= @t0 AND r.answered_at < @t1 AND r.service_type = 'shelter' AND r.status IN ('accepted', 'in_progress', 'completed') "
                + "AND NOT EXISTS (SELECT 1 FROM referrals q WHERE q.case_id = r.case_id AND q.service_type = 'shelter' AND q.status IN ('accepted', 'in_progress', 'completed') "
                + "AND (q.answered_at < r.answered_at OR (q.answered_at = r.answered_at AND q.id < r.id))) {org}",
        },
        new("E6", Effectiveness, IndicatorUnits.Percent,
            "Prosecutions per identified victim", "การฟ้องคดีต่อผู้เสียหายที่พบตัว",
            "Of the people identified during the quarter, the share who are a witness or a compensation claimant in a legal case that has reached prosecution or a later stage (as of today).",
            "สัดส่วนผู้ที่เป็นพยานหรือผู้เรียกร้องค่าสินไหมทดแทนในคดีที่ถึงขั้นฟ้องคดีหรือขั้นต่อไปแล้ว (ณ วันนี้) จากผู้ที่ได้รับการพบตัวในไตรมาส",
            "of those, cases linked (witnesses, compensations) to a legal case whose stage is not investigation", "cases with identified_on in the quarter",
            PersonDimensions)
        {
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, CASE WHEN "
                + "EXISTS (SELECT 1 FROM witnesses w JOIN legal_cases l ON l.id = w.legal_case_id WHERE w.case_id = c.id AND l.stage <> 'investigation') "
                + "OR EXISTS (SELECT 1 FROM compensations k JOIN legal_cases l ON l.id = k.legal_case_id WHERE k.case_id = c.id AND l.stage <> 'investigation') "
                + "THEN 1 ELSE 0 END AS num, 1 AS den FROM cases c "
                + "JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE c.identified_on >= @d0 AND c.identified_on < @d1 {org}",
        },
        new("E7", Effectiveness, IndicatorUnits.Percent,
            "Compensation paid vs awarded", "ค่าสินไหมทดแทนที่จ่ายจริงเทียบกับที่ศาลสั่ง",
            "For the organisation's people with compensation awarded (records as they stood at the end of the quarter), the amount paid as a share of the amount awarded.",
            "สำหรับบุคคลขององค์กรที่ได้รับคำสั่งให้ได้รับค่าสินไหมทดแทน (ข้อมูล ณ สิ้นไตรมาส) สัดส่วนจำนวนเงินที่จ่ายจริงต่อจำนวนเงินที่ศาลสั่ง",
            "sum of compensations.paid_satang", "sum of compensations.awarded_satang (awarded > 0, updated before the end of the quarter)",
            PersonDimensions)
        {
            CountedUnit = "awards",
            Cumulative = true,
            ScopeColumn = "c.organisation_id",
            Query = "SELECT {dims}, NULL AS k, k.paid_satang AS num, k.awarded_satang AS den "
                + "FROM compensations k JOIN cases c ON c.id = k.case_id JOIN persons p ON p.id = c.person_id JOIN organisations o ON o.id = c.organisation_id "
                + "WHERE k.awarded_satang > 0 AND k.updated_at < @t1 {org}",
        },
    ];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(i => i.Code == code);
}

using System.Collections.Frozen;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Screenings;

/// <summary>
/// The registry of screening instruments Saphan scores, each with its published scoring and bands and a
/// version. A change to items or scoring is a new version; stored screenings keep the version they used.
/// Thai item wording is Saphan's working translation: replace it with the validated Thai versions
/// (e.g. PHQ-9 Thai, Lotrakul et al. 2008) before clinical use.
/// </summary>
public static class ScreeningInstruments
{
    public const string Phq9 = "PHQ-9";
    public const string Gad7 = "GAD-7";
    public const string Pcl5 = "PCL-5";
    public const string SuicideQuestion = "SUICIDE-Q";
    public const string IloForcedLabour = "ILO-FL-11";
    public const string ChildTrafficking = "CHILD-TIP";

    private static readonly string[] IloCodes =
        ["abuse_of_vulnerability", "deception", "restriction_of_movement", "isolation", "physical_sexual_violence", "intimidation_threats",
         "retention_of_documents", "withholding_of_wages", "debt_bondage", "abusive_conditions", "excessive_overtime"];

    private static readonly string[] ChildCodes =
        ["away_from_family", "moved_by_others", "sexual_exploitation", "hazardous_work", "begging_or_crime", "earnings_taken",
         "debt", "documents_held", "movement_restricted", "threats_violence", "not_in_school", "coached"];

    private static readonly CodedValue[] Frequency =
    [
        new("0", "Not at all", "ไม่มีเลย"),
        new("1", "Several days", "มีบางวัน"),
        new("2", "More than half the days", "มากกว่าครึ่งหนึ่งของจำนวนวัน"),
        new("3", "Nearly every day", "แทบทุกวัน"),
    ];

    private static readonly CodedValue[] Intensity =
    [
        new("0", "Not at all", "ไม่เลย"),
        new("1", "A little bit", "เล็กน้อย"),
        new("2", "Moderately", "ปานกลาง"),
        new("3", "Quite a bit", "ค่อนข้างมาก"),
        new("4", "Extremely", "มากที่สุด"),
    ];

    private static readonly CodedValue[] YesNo = [new("0", "No", "ไม่ใช่"), new("1", "Yes", "ใช่")];

    public static ScreeningInstrument Phq9Instrument { get; } = new()
    {
        Code = Phq9, Version = "1.0", English = "PHQ-9 depression", Thai = "แบบคัดกรองภาวะซึมเศร้า PHQ-9", Category = ScreeningCategories.Health,
        Source = "Kroenke, Spitzer & Williams (2001), J Gen Intern Med 16:606–613; Pfizer, free to use.",
        RuleEnglish = "Over the last 2 weeks, how often has the person been bothered by each problem? Total 0–27. Any answer above 0 on item 9 (thoughts of death or self-harm) is a suicide risk: an urgent task goes to the case's supervisors whatever the total.",
        RuleThai = "ในช่วง 2 สัปดาห์ที่ผ่านมา บุคคลมีอาการต่อไปนี้บ่อยเพียงใด คะแนนรวม 0–27 คำตอบข้อ 9 (ความคิดเรื่องความตายหรือทำร้ายตนเอง) ที่มากกว่า 0 ถือเป็นความเสี่ยงฆ่าตัวตาย ระบบส่งงานเร่งด่วนถึงหัวหน้างานของกรณีทันทีไม่ว่าคะแนนรวมเท่าใด",
        Items =
        [
            new("phq9_1", "Little interest or pleasure in doing things", "เบื่อ ไม่สนใจหรือไม่มีความสุขในการทำสิ่งต่าง ๆ"),
            new("phq9_2", "Feeling down, depressed, or hopeless", "รู้สึกหดหู่ ซึมเศร้า หรือสิ้นหวัง"),
            new("phq9_3", "Trouble falling or staying asleep, or sleeping too much", "หลับยาก หลับไม่สนิท หรือหลับมากเกินไป"),
            new("phq9_4", "Feeling tired or having little energy", "รู้สึกเหนื่อยหรือไม่ค่อยมีแรง"),
            new("phq9_5", "Poor appetite or overeating", "เบื่ออาหารหรือกินมากเกินไป"),
            new("phq9_6", "Feeling bad about yourself, or that you are a failure or have let yourself or your family down", "รู้สึกไม่ดีกับตัวเอง คิดว่าตัวเองล้มเหลว หรือทำให้ตนเองหรือครอบครัวผิดหวัง"),
            new("phq9_7", "Trouble concentrating on things, such as reading or watching television", "มีสมาธิไม่ดีเวลาทำสิ่งต่าง ๆ เช่น อ่านหนังสือหรือดูโทรทัศน์"),
            new("phq9_8", "Moving or speaking so slowly that other people could have noticed, or being so fidgety or restless that you move around a lot more than usual", "พูดหรือทำอะไรช้าจนคนอื่นสังเกตเห็น หรือกระสับกระส่ายอยู่ไม่นิ่งมากกว่าปกติ"),
            new("phq9_9", "Thoughts that you would be better off dead, or of hurting yourself in some way", "คิดว่าถ้าตายไปคงจะดี หรือคิดจะทำร้ายตนเองด้วยวิธีใดวิธีหนึ่ง"),
        ],
        Options = Frequency,
        CareBands = ["moderate", "moderately_severe", "severe"],
        Bands =
        [
            new("minimal", 0, 4, "Minimal", "น้อยมาก", "None or minimal depression: support as usual; repeat if concerns persist.", "ไม่มีหรือมีภาวะซึมเศร้าน้อยมาก: ให้การช่วยเหลือตามปกติ ประเมินซ้ำหากยังมีข้อกังวล"),
            new("mild", 5, 9, "Mild", "เล็กน้อย", "Mild depression: watchful waiting; repeat the PHQ-9 at follow-up.", "ภาวะซึมเศร้าเล็กน้อย: เฝ้าติดตาม ประเมิน PHQ-9 ซ้ำเมื่อติดตามผล"),
            new("moderate", 10, 14, "Moderate", "ปานกลาง", "Moderate depression: a treatment plan (counselling, follow-up and/or referral).", "ภาวะซึมเศร้าปานกลาง: วางแผนการดูแล (ให้คำปรึกษา ติดตาม และ/หรือส่งต่อ)"),
            new("moderately_severe", 15, 19, "Moderately severe", "ค่อนข้างรุนแรง", "Moderately severe depression: refer for assessment and active treatment.", "ภาวะซึมเศร้าค่อนข้างรุนแรง: ส่งต่อเพื่อประเมินและรับการรักษา"),
            new("severe", 20, 27, "Severe", "รุนแรง", "Severe depression: refer at once to a mental-health professional.", "ภาวะซึมเศร้ารุนแรง: ส่งต่อผู้เชี่ยวชาญด้านสุขภาพจิตทันที"),
        ],
        Rules = (answers, _) => answers[8] > 0 ? ([ScreeningFlags.SuicideRisk], ["phq9_9"]) : ([], []),
    };

    public static ScreeningInstrument Gad7Instrument { get; } = new()
    {
        Code = Gad7, Version = "1.0", English = "GAD-7 anxiety", Thai = "แบบคัดกรองโรควิตกกังวล GAD-7", Category = ScreeningCategories.Health,
        Source = "Spitzer, Kroenke, Williams & Löwe (2006), Arch Intern Med 166:1092–1097; Pfizer, free to use.",
        RuleEnglish = "Over the last 2 weeks, how often has the person been bothered by each problem? Total 0–21; 10 or more calls for further assessment.",
        RuleThai = "ในช่วง 2 สัปดาห์ที่ผ่านมา บุคคลมีอาการต่อไปนี้บ่อยเพียงใด คะแนนรวม 0–21 ตั้งแต่ 10 ขึ้นไปควรได้รับการประเมินเพิ่มเติม",
        Items =
        [
            new("gad7_1", "Feeling nervous, anxious, or on edge", "รู้สึกตึงเครียด วิตกกังวล หรือกระวนกระวาย"),
            new("gad7_2", "Not being able to stop or control worrying", "ไม่สามารถหยุดหรือควบคุมความกังวลได้"),
            new("gad7_3", "Worrying too much about different things", "กังวลมากเกินไปในเรื่องต่าง ๆ"),
            new("gad7_4", "Trouble relaxing", "ผ่อนคลายได้ยาก"),
            new("gad7_5", "Being so restless that it is hard to sit still", "กระสับกระส่ายจนนั่งนิ่ง ๆ ได้ยาก"),
            new("gad7_6", "Becoming easily annoyed or irritable", "หงุดหงิดหรือรำคาญง่าย"),
            new("gad7_7", "Feeling afraid, as if something awful might happen", "รู้สึกกลัวเหมือนว่าจะมีเรื่องร้ายเกิดขึ้น"),
        ],
        Options = Frequency,
        CareBands = ["moderate", "severe"],
        Bands =
        [
            new("minimal", 0, 4, "Minimal", "น้อยมาก", "Minimal anxiety.", "มีความวิตกกังวลน้อยมาก"),
            new("mild", 5, 9, "Mild", "เล็กน้อย", "Mild anxiety: monitor; repeat at follow-up.", "วิตกกังวลเล็กน้อย: เฝ้าติดตาม ประเมินซ้ำเมื่อติดตามผล"),
            new("moderate", 10, 14, "Moderate", "ปานกลาง", "Moderate anxiety: further assessment and support are recommended.", "วิตกกังวลปานกลาง: ควรประเมินเพิ่มเติมและให้การช่วยเหลือ"),
            new("severe", 15, 21, "Severe", "รุนแรง", "Severe anxiety: refer to a mental-health professional.", "วิตกกังวลรุนแรง: ส่งต่อผู้เชี่ยวชาญด้านสุขภาพจิต"),
        ],
    };

    public static ScreeningInstrument Pcl5Instrument { get; } = new()
    {
        Code = Pcl5, Version = "1.0", English = "PCL-5 post-traumatic stress", Thai = "แบบคัดกรองภาวะเครียดหลังเหตุการณ์สะเทือนขวัญ PCL-5", Category = ScreeningCategories.Health,
        Source = "Weathers, Litz, Keane, Palmieri, Marx & Schnurr (2013), PTSD Checklist for DSM-5, National Center for PTSD (public domain); cut-off 33 from Bovin et al. (2016), Psychol Assess 28:1379–1391 (published range 31–33).",
        RuleEnglish = "In the past month, how much has the person been bothered by each problem? Total 0–80. Saphan uses the published cut-off 33 (range 31–33): 33 or more is probable PTSD and calls for a clinical assessment; the PCL-5 does not diagnose.",
        RuleThai = "ในช่วงเดือนที่ผ่านมา บุคคลถูกรบกวนจากปัญหาต่อไปนี้มากเพียงใด คะแนนรวม 0–80 Saphan ใช้จุดตัดที่เผยแพร่คือ 33 (ช่วง 31–33) ตั้งแต่ 33 ขึ้นไปถือว่าน่าจะมีภาวะ PTSD และควรได้รับการประเมินทางคลินิก แบบคัดกรองนี้ไม่ใช่การวินิจฉัย",
        Items =
        [
            new("pcl5_1", "Repeated, disturbing, and unwanted memories of the stressful experience", "ความทรงจำเกี่ยวกับเหตุการณ์ที่ตึงเครียดซึ่งเกิดซ้ำ ๆ รบกวนจิตใจ และไม่ต้องการ"),
            new("pcl5_2", "Repeated, disturbing dreams of the stressful experience", "ฝันถึงเหตุการณ์ที่ตึงเครียดซ้ำ ๆ อย่างรบกวนจิตใจ"),
            new("pcl5_3", "Suddenly feeling or acting as if the stressful experience were actually happening again", "รู้สึกหรือทำเหมือนเหตุการณ์ที่ตึงเครียดกำลังเกิดขึ้นอีกครั้งอย่างกะทันหัน"),
            new("pcl5_4", "Feeling very upset when something reminded you of the stressful experience", "รู้สึกไม่สบายใจอย่างมากเมื่อมีสิ่งเตือนให้นึกถึงเหตุการณ์"),
            new("pcl5_5", "Having strong physical reactions when something reminded you of the stressful experience (heart pounding, trouble breathing, sweating)", "มีปฏิกิริยาทางร่างกายรุนแรงเมื่อมีสิ่งเตือนให้นึกถึงเหตุการณ์ (ใจสั่น หายใจลำบาก เหงื่อออก)"),
            new("pcl5_6", "Avoiding memories, thoughts, or feelings related to the stressful experience", "หลีกเลี่ยงความทรงจำ ความคิด หรือความรู้สึกที่เกี่ยวกับเหตุการณ์"),
            new("pcl5_7", "Avoiding external reminders of the stressful experience (people, places, conversations, activities, objects, or situations)", "หลีกเลี่ยงสิ่งภายนอกที่เตือนให้นึกถึงเหตุการณ์ (บุคคล สถานที่ การสนทนา กิจกรรม สิ่งของ หรือสถานการณ์)"),
            new("pcl5_8", "Trouble remembering important parts of the stressful experience", "จำส่วนสำคัญของเหตุการณ์ไม่ได้"),
            new("pcl5_9", "Having strong negative beliefs about yourself, other people, or the world", "มีความเชื่อในแง่ลบอย่างมากเกี่ยวกับตนเอง ผู้อื่น หรือโลก"),
            new("pcl5_10", "Blaming yourself or someone else for the stressful experience or what happened after it", "โทษตนเองหรือผู้อื่นสำหรับเหตุการณ์หรือสิ่งที่เกิดขึ้นหลังจากนั้น"),
            new("pcl5_11", "Having strong negative feelings such as fear, horror, anger, guilt, or shame", "มีความรู้สึกด้านลบอย่างรุนแรง เช่น กลัว สยดสยอง โกรธ รู้สึกผิด หรืออับอาย"),
            new("pcl5_12", "Loss of interest in activities that you used to enjoy", "ไม่สนใจกิจกรรมที่เคยชอบ"),
            new("pcl5_13", "Feeling distant or cut off from other people", "รู้สึกห่างเหินหรือตัดขาดจากผู้อื่น"),
            new("pcl5_14", "Trouble experiencing positive feelings", "รู้สึกถึงความรู้สึกด้านบวกได้ยาก"),
            new("pcl5_15", "Irritable behaviour, angry outbursts, or acting aggressively", "หงุดหงิด ระเบิดอารมณ์โกรธ หรือแสดงพฤติกรรมก้าวร้าว"),
            new("pcl5_16", "Taking too many risks or doing things that could cause you harm", "เสี่ยงมากเกินไปหรือทำสิ่งที่อาจเป็นอันตรายต่อตนเอง"),
            new("pcl5_17", "Being \"superalert\" or watchful or on guard", "ระแวดระวังหรือตื่นตัวมากเกินไป"),
            new("pcl5_18", "Feeling jumpy or easily startled", "ตกใจง่ายหรือสะดุ้งง่าย"),
            new("pcl5_19", "Having difficulty concentrating", "มีสมาธิได้ยาก"),
            new("pcl5_20", "Trouble falling or staying asleep", "หลับยากหรือหลับไม่สนิท"),
        ],
        Options = Intensity,
        CareBands = ["probable_ptsd"],
        Bands =
        [
            new("below_threshold", 0, 32, "Below the threshold", "ต่ำกว่าจุดตัด", "Below the cut-off: probable PTSD is not indicated; keep watching for symptoms.", "ต่ำกว่าจุดตัด: ไม่บ่งชี้ว่าน่าจะมีภาวะ PTSD เฝ้าสังเกตอาการต่อไป"),
            new("probable_ptsd", 33, 80, "Probable PTSD", "น่าจะมีภาวะ PTSD", "At or above the cut-off 33: probable PTSD; refer for a clinical assessment.", "ตั้งแต่จุดตัด 33 ขึ้นไป: น่าจะมีภาวะ PTSD ส่งต่อเพื่อประเมินทางคลินิก"),
        ],
    };

    public static ScreeningInstrument SuicideQuestionInstrument { get; } = new()
    {
        Code = SuicideQuestion, Version = "1.0", English = "Suicide-risk question", Thai = "คำถามคัดกรองความเสี่ยงฆ่าตัวตาย", Category = ScreeningCategories.Health,
        Source = "Saphan: a single direct question, asked whenever distress is seen, modelled on the first question of the Columbia (C-SSRS) screen.",
        RuleEnglish = "A \"yes\" is a suicide risk: an urgent task goes to the case's supervisors, who close it only by stating the action taken.",
        RuleThai = "คำตอบ \"ใช่\" ถือเป็นความเสี่ยงฆ่าตัวตาย ระบบส่งงานเร่งด่วนถึงหัวหน้างานของกรณี ซึ่งปิดงานได้เมื่อระบุการดำเนินการที่ทำไปแล้วเท่านั้น",
        Items =
        [
            new("suicide_1", "In the past month, have you thought about ending your life or hurting yourself?", "ในช่วงเดือนที่ผ่านมา คุณเคยคิดจะจบชีวิตตนเองหรือทำร้ายตนเองหรือไม่"),
        ],
        Options = YesNo,
        CareBands = ["positive"],
        Bands =
        [
            new("negative", 0, 0, "No risk reported", "ไม่รายงานความเสี่ยง", "No thoughts of suicide reported; ask again if distress continues.", "ไม่มีความคิดฆ่าตัวตาย ถามซ้ำหากยังมีความทุกข์ใจ"),
            new("positive", 1, 1, "Risk reported", "รายงานความเสี่ยง", "Thoughts of suicide or self-harm: stay with the person, make a safety plan today and involve a mental-health professional.", "มีความคิดฆ่าตัวตายหรือทำร้ายตนเอง: อยู่กับบุคคล จัดทำแผนความปลอดภัยภายในวันนี้ และให้ผู้เชี่ยวชาญด้านสุขภาพจิตร่วมดูแล"),
        ],
        Rules = (answers, _) => answers[0] > 0 ? ([ScreeningFlags.SuicideRisk], ["suicide_1"]) : ([], []),
    };

    /// <summary>The ILO indicators whose presence alone means "refer" under Saphan's rule.</summary>
    public static readonly FrozenSet<string> StrongForcedLabourIndicators =
        FrozenSet.ToFrozenSet(["physical_sexual_violence", "retention_of_documents", "withholding_of_wages", "debt_bondage"], StringComparer.Ordinal);

    public static ScreeningInstrument IloInstrument { get; } = new()
    {
        Code = IloForcedLabour, Version = "1.0", English = "ILO indicators of forced labour", Thai = "ข้อบ่งชี้แรงงานบังคับ 11 ประการของ ILO", Category = ScreeningCategories.Labour,
        Source = "ILO Special Action Programme to Combat Forced Labour (2012), \"ILO indicators of Forced Labour\"; decision rule: Saphan.",
        RuleEnglish = "Yes or no for each of the 11 indicators; the score is the number present. Saphan's rule: refer to law enforcement when any one of physical or sexual violence, retention of identity documents, withholding of wages or debt bondage is present, or when 3 or more indicators are present. A referral opens a task for the organisation's supervisors and one for its law_enforcement role, listing the indicators found.",
        RuleThai = "ตอบใช่หรือไม่ใช่สำหรับข้อบ่งชี้ทั้ง 11 ข้อ คะแนนคือจำนวนข้อที่พบ กฎของ Saphan: ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมายเมื่อพบข้อใดข้อหนึ่งต่อไปนี้ ได้แก่ ความรุนแรงทางร่างกายหรือทางเพศ การยึดเอกสารประจำตัว การหน่วงเหนี่ยวค่าจ้าง หรือการผูกมัดด้วยหนี้ หรือเมื่อพบตั้งแต่ 3 ข้อขึ้นไป การส่งต่อจะเปิดงานให้หัวหน้างานและบทบาทเจ้าหน้าที่บังคับใช้กฎหมายของหน่วยงาน พร้อมรายการข้อบ่งชี้ที่พบ",
        Items =
        [
            new("abuse_of_vulnerability", "Abuse of vulnerability: the employer takes advantage of the worker's lack of language, legal status, knowledge or alternatives", "การใช้ประโยชน์จากความเปราะบาง: นายจ้างเอาเปรียบจากการที่ลูกจ้างไม่รู้ภาษา ไม่มีสถานะทางกฎหมาย ขาดความรู้ หรือไม่มีทางเลือก"),
            new("deception", "Deception: promises about the type of work, pay, conditions or place were not kept", "การหลอกลวง: คำสัญญาเกี่ยวกับลักษณะงาน ค่าจ้าง สภาพการทำงาน หรือสถานที่ไม่เป็นไปตามที่ตกลง"),
            new("restriction_of_movement", "Restriction of movement: the worker is locked in, guarded or cannot leave freely", "การจำกัดการเดินทาง: ลูกจ้างถูกขัง ถูกเฝ้า หรือออกไปไหนอย่างอิสระไม่ได้"),
            new("isolation", "Isolation: the worker is cut off from family, community or the outside world (remote site, vessel at sea, phone taken)", "การแยกตัว: ลูกจ้างถูกตัดขาดจากครอบครัว ชุมชน หรือโลกภายนอก (พื้นที่ห่างไกล เรือประมงกลางทะเล ถูกยึดโทรศัพท์)"),
            new("physical_sexual_violence", "Physical or sexual violence against the worker or their family", "ความรุนแรงทางร่างกายหรือทางเพศต่อลูกจ้างหรือครอบครัว"),
            new("intimidation_threats", "Intimidation and threats: threats of violence, denunciation to the authorities, deportation or loss of wages", "การข่มขู่: ขู่ว่าจะใช้ความรุนแรง แจ้งเจ้าหน้าที่ ส่งกลับประเทศ หรือไม่จ่ายค่าจ้าง"),
            new("retention_of_documents", "Retention of identity documents: the employer keeps the worker's passport, pink card or work permit", "การยึดเอกสารประจำตัว: นายจ้างเก็บหนังสือเดินทาง บัตรชมพู หรือใบอนุญาตทำงานของลูกจ้าง"),
            new("withholding_of_wages", "Withholding of wages: pay is kept back, delayed or not paid at all", "การหน่วงเหนี่ยวค่าจ้าง: ค่าจ้างถูกกัก ล่าช้า หรือไม่ได้รับเลย"),
            new("debt_bondage", "Debt bondage: a debt (recruitment fees, advances, deductions) ties the worker to the employer", "การผูกมัดด้วยหนี้: หนี้ (ค่านายหน้า เงินล่วงหน้า การหักเงิน) ผูกลูกจ้างไว้กับนายจ้าง"),
            new("abusive_conditions", "Abusive working and living conditions: degrading, hazardous or unhygienic work or housing", "สภาพการทำงานและความเป็นอยู่ที่เลวร้าย: งานหรือที่พักที่ย่ำยีศักดิ์ศรี อันตราย หรือไม่ถูกสุขอนามัย"),
            new("excessive_overtime", "Excessive overtime: hours far beyond the legal limits, or no rest days, under compulsion", "การทำงานล่วงเวลาเกินสมควร: ชั่วโมงทำงานเกินกฎหมายอย่างมาก หรือไม่มีวันหยุด โดยถูกบังคับ"),
        ],
        Options = YesNo,
        Bands =
        [
            new("no_indicators", 0, 0, "No indicators", "ไม่พบข้อบ่งชี้", "No indicator of forced labour found.", "ไม่พบข้อบ่งชี้ของแรงงานบังคับ"),
            new("indicators_present", 1, 2, "Indicators present", "พบข้อบ่งชี้", "Some indicators but below the referral rule: record them, inform the worker of their rights and follow up.", "พบข้อบ่งชี้แต่ยังไม่ถึงเกณฑ์ส่งต่อ: บันทึกไว้ แจ้งสิทธิแก่ลูกจ้าง และติดตามผล"),
            new("refer", 1, 11, "Refer to law enforcement", "ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมาย", "Positive screen: refer to law enforcement under Saphan's rule; tasks were opened for the supervisors and law enforcement.", "ผลคัดกรองเป็นบวก: ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมายตามกฎของ Saphan ระบบเปิดงานให้หัวหน้างานและเจ้าหน้าที่บังคับใช้กฎหมายแล้ว"),
        ],
        BandRule = (answers, total) => IloRefers(answers, total) ? "refer" : total == 0 ? "no_indicators" : "indicators_present",
        Rules = (answers, total) => (IloRefers(answers, total) ? [ScreeningFlags.ReferToLawEnforcement] : [], Present(IloCodes, answers)),
    };

    private static bool IloRefers(IReadOnlyList<int> answers, int total) =>
        total >= 3 || Present(IloCodes, answers).Any(StrongForcedLabourIndicators.Contains);

    /// <summary>Acts (the child was moved or is apart from family) under the Palermo Protocol art. 3(c).</summary>
    public static readonly FrozenSet<string> ChildActIndicators = FrozenSet.ToFrozenSet(["away_from_family", "moved_by_others"], StringComparer.Ordinal);

    /// <summary>Signs of an exploitative purpose.</summary>
    public static readonly FrozenSet<string> ChildExploitationIndicators = FrozenSet.ToFrozenSet(
        ["sexual_exploitation", "hazardous_work", "begging_or_crime", "earnings_taken", "debt", "documents_held", "movement_restricted", "threats_violence"], StringComparer.Ordinal);

    public static ScreeningInstrument ChildInstrument { get; } = new()
    {
        Code = ChildTrafficking, Version = "1.0", English = "Child-trafficking indicators (under 18)", Thai = "ข้อบ่งชี้การค้าเด็ก (อายุต่ำกว่า 18 ปี)", Category = ScreeningCategories.Child, UnderAge = 18,
        Source = "Indicators adapted from UNODC \"Human trafficking indicators\" (children) and ILO/UNICEF/UN.GIFT \"Training manual to fight trafficking in children\" (2009); rule from the Palermo Protocol art. 3(c) and Thailand's Anti-Trafficking in Persons Act B.E. 2551 s.6: for a child no threat, force or deception is needed.",
        RuleEnglish = "For persons under 18 only. Yes or no for each indicator; the score is the number present. Saphan's rule: refer to law enforcement (and child protection) when the child is sexually exploited, or when an act (apart from family, or recruited, moved or harboured by others) comes with any sign of exploitation, or when 4 or more indicators are present. A referral opens tasks for the supervisors and law enforcement.",
        RuleThai = "สำหรับบุคคลอายุต่ำกว่า 18 ปีเท่านั้น ตอบใช่หรือไม่ใช่ทุกข้อ คะแนนคือจำนวนข้อที่พบ กฎของ Saphan: ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมาย (และหน่วยคุ้มครองเด็ก) เมื่อเด็กถูกแสวงประโยชน์ทางเพศ หรือเมื่อมีการกระทำ (อยู่ห่างครอบครัว หรือถูกจัดหา ขนย้าย หรือให้ที่พักโดยผู้อื่น) ร่วมกับสัญญาณการแสวงประโยชน์ข้อใดข้อหนึ่ง หรือเมื่อพบตั้งแต่ 4 ข้อขึ้นไป การส่งต่อจะเปิดงานให้หัวหน้างานและเจ้าหน้าที่บังคับใช้กฎหมาย",
        Items =
        [
            new("away_from_family", "Lives or travels apart from parents or guardian, without an adult the child trusts", "อาศัยหรือเดินทางโดยไม่มีพ่อแม่หรือผู้ปกครอง และไม่มีผู้ใหญ่ที่เด็กไว้วางใจ"),
            new("moved_by_others", "Was recruited, transported, handed over or housed by someone other than a parent or guardian", "ถูกจัดหา ขนย้าย ส่งมอบ หรือให้ที่พักโดยบุคคลที่ไม่ใช่พ่อแม่หรือผู้ปกครอง"),
            new("sexual_exploitation", "Involved in commercial sex, pornography or sexual services, or given money or goods for sex", "เกี่ยวข้องกับการค้าประเวณี สื่อลามก หรือบริการทางเพศ หรือได้รับเงินหรือสิ่งของแลกกับเพศสัมพันธ์"),
            new("hazardous_work", "Does hazardous work, night work or long hours (fishing, construction, factories, domestic work, entertainment venues)", "ทำงานอันตราย ทำงานกลางคืน หรือทำงานเป็นเวลานาน (ประมง ก่อสร้าง โรงงาน งานบ้าน สถานบันเทิง)"),
            new("begging_or_crime", "Begs, sells on the street or commits crimes for someone else", "ขอทาน ขายของข้างถนน หรือกระทำผิดกฎหมายให้ผู้อื่น"),
            new("earnings_taken", "Hands earnings to an adult who is not a parent, or gets no pay", "ต้องมอบรายได้ให้ผู้ใหญ่ที่ไม่ใช่พ่อแม่ หรือไม่ได้รับค่าจ้าง"),
            new("debt", "The child or the family owes a debt to the employer or the recruiter", "เด็กหรือครอบครัวเป็นหนี้นายจ้างหรือผู้จัดหางาน"),
            new("documents_held", "Identity documents are held by someone else, or false documents overstate the age", "เอกสารประจำตัวถูกผู้อื่นเก็บไว้ หรือใช้เอกสารปลอมที่ระบุอายุมากกว่าจริง"),
            new("movement_restricted", "Cannot leave the workplace or home freely; locked in or watched", "ออกจากที่ทำงานหรือที่พักอย่างอิสระไม่ได้ ถูกขังหรือถูกเฝ้า"),
            new("threats_violence", "Has been hit or threatened, or the family has been threatened", "ถูกทำร้ายหรือถูกข่มขู่ หรือครอบครัวถูกข่มขู่"),
            new("not_in_school", "Does not attend school although of compulsory school age", "ไม่ได้ไปโรงเรียนทั้งที่อยู่ในวัยการศึกษาภาคบังคับ"),
            new("coached", "Seems coached or fearful, or is not allowed to speak alone", "ดูเหมือนถูกสอนให้พูด หวาดกลัว หรือไม่ได้รับอนุญาตให้พูดตามลำพัง"),
        ],
        Options = YesNo,
        Bands =
        [
            new("no_indicators", 0, 0, "No indicators", "ไม่พบข้อบ่งชี้", "No indicator found.", "ไม่พบข้อบ่งชี้"),
            new("indicators_present", 1, 3, "Indicators present", "พบข้อบ่งชี้", "Some indicators but below the referral rule: protect the child, record them and follow up.", "พบข้อบ่งชี้แต่ยังไม่ถึงเกณฑ์ส่งต่อ: คุ้มครองเด็ก บันทึกไว้ และติดตามผล"),
            new("refer", 1, 12, "Refer to law enforcement", "ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมาย", "Positive screen: refer to law enforcement and child protection; tasks were opened for the supervisors and law enforcement.", "ผลคัดกรองเป็นบวก: ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมายและหน่วยคุ้มครองเด็ก ระบบเปิดงานให้หัวหน้างานและเจ้าหน้าที่บังคับใช้กฎหมายแล้ว"),
        ],
        BandRule = (answers, total) => ChildRefers(answers, total) ? "refer" : total == 0 ? "no_indicators" : "indicators_present",
        Rules = (answers, total) => (ChildRefers(answers, total) ? [ScreeningFlags.ReferToLawEnforcement] : [], Present(ChildCodes, answers)),
    };

    private static bool ChildRefers(IReadOnlyList<int> answers, int total)
    {
        var present = Present(ChildCodes, answers);
        return total >= 4 || present.Contains("sexual_exploitation")
            || (present.Any(ChildActIndicators.Contains) && present.Any(ChildExploitationIndicators.Contains));
    }

    private static string[] Present(string[] codes, IReadOnlyList<int> answers) =>
        [.. codes.Where((_, i) => answers[i] > 0)];

    public static IReadOnlyList<ScreeningInstrument> All { get; } =
        [Phq9Instrument, Gad7Instrument, Pcl5Instrument, SuicideQuestionInstrument, IloInstrument, ChildInstrument];

    private static readonly FrozenDictionary<string, ScreeningInstrument> ByCode = All.ToFrozenDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);

    public static ScreeningInstrument? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var instrument) ? instrument : null;

    /// <summary>The instruments as a value set, for the dictionary.</summary>
    public static ValueSet ValueSet { get; } = new("screeningInstrument", [.. All.Select(i => new CodedValue(i.Code, i.English, i.Thai))]);

    public static ValueSet Categories { get; } = new("screeningCategory",
    [
        new(ScreeningCategories.Health, "Health (PDPA s.26)", "สุขภาพ (ม.26 พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล)"),
        new(ScreeningCategories.Labour, "Forced labour", "แรงงานบังคับ"),
        new(ScreeningCategories.Child, "Child trafficking", "การค้าเด็ก"),
    ]);

    /// <summary>Every band code of every instrument (a band code means the same across instruments of one kind).</summary>
    public static ValueSet Bands { get; } = new("screeningBand",
        [.. All.SelectMany(i => i.Bands).GroupBy(b => b.Code).Select(g => new CodedValue(g.Key, g.First().English, g.First().Thai))]);
}

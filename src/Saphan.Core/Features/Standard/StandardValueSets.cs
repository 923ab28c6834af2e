using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Standard;

/// <summary>
/// The value sets the data dictionary adds to those of the foundation record (<see cref="ValueSets"/>,
/// <see cref="Provinces"/>, <see cref="Countries"/>, which it reuses as they are). Codes follow HTCDS v2 and
/// CTDC where they define the list; codes are stable, labels may change.
/// </summary>
public static class StandardValueSets
{
    /// <summary>CTDC "ageBroad" bands (CTDC writes them as "0--8", "9--17" … "48+").</summary>
    public static readonly ValueSet AgeBand = new("ageBroad",
    [
        new("0-8", "0–8 years", "0–8 ปี"),
        new("9-17", "9–17 years", "9–17 ปี"),
        new("18-20", "18–20 years", "18–20 ปี"),
        new("21-23", "21–23 years", "21–23 ปี"),
        new("24-26", "24–26 years", "24–26 ปี"),
        new("27-29", "27–29 years", "27–29 ปี"),
        new("30-38", "30–38 years", "30–38 ปี"),
        new("39-47", "39–47 years", "39–47 ปี"),
        new("48+", "48 years or older", "48 ปีขึ้นไป"),
    ]);

    /// <summary>The CTDC age band of an age in years.</summary>
    public static string AgeBandOf(int age) => age switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(age)),
        <= 8 => "0-8",
        <= 17 => "9-17",
        <= 20 => "18-20",
        <= 23 => "21-23",
        <= 26 => "24-26",
        <= 29 => "27-29",
        <= 38 => "30-38",
        <= 47 => "39-47",
        _ => "48+",
    };

    public static readonly ValueSet MaritalStatus = new("maritalStatus",
    [
        new("single", "Single, never married", "โสด"),
        new("married", "Married", "สมรส"),
        new("cohabiting", "Living together, not married", "อยู่ด้วยกันโดยไม่ได้จดทะเบียนสมรส"),
        new("separated", "Separated", "แยกกันอยู่"),
        new("divorced", "Divorced", "หย่าร้าง"),
        new("widowed", "Widowed", "หม้าย (คู่สมรสเสียชีวิต)"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    /// <summary>Highest level of education completed, by ISCED 2011 level (UNESCO).</summary>
    public static readonly ValueSet Education = new("education",
    [
        new("none", "No formal education", "ไม่ได้รับการศึกษาในระบบ"),
        new("isced_0", "ISCED 0 – early childhood education", "ISCED 0 – การศึกษาปฐมวัย"),
        new("isced_1", "ISCED 1 – primary", "ISCED 1 – ประถมศึกษา"),
        new("isced_2", "ISCED 2 – lower secondary", "ISCED 2 – มัธยมศึกษาตอนต้น"),
        new("isced_3", "ISCED 3 – upper secondary (incl. vocational)", "ISCED 3 – มัธยมศึกษาตอนปลาย (รวม ปวช.)"),
        new("isced_4", "ISCED 4 – post-secondary non-tertiary", "ISCED 4 – หลังมัธยมศึกษาที่ไม่ใช่อุดมศึกษา"),
        new("isced_5", "ISCED 5 – short-cycle tertiary", "ISCED 5 – อุดมศึกษาระยะสั้น (เช่น ปวส.)"),
        new("isced_6", "ISCED 6 – bachelor's or equivalent", "ISCED 6 – ปริญญาตรีหรือเทียบเท่า"),
        new("isced_7", "ISCED 7 – master's or equivalent", "ISCED 7 – ปริญญาโทหรือเทียบเท่า"),
        new("isced_8", "ISCED 8 – doctoral or equivalent", "ISCED 8 – ปริญญาเอกหรือเทียบเท่า"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    /// <summary>Functional difficulty by domain (Washington Group short set), so no diagnosis is recorded.</summary>
    public static readonly ValueSet Disability = new("disability",
    [
        new("none", "No difficulty reported", "ไม่มีความลำบาก"),
        new("seeing", "Difficulty seeing", "ลำบากในการมองเห็น"),
        new("hearing", "Difficulty hearing", "ลำบากในการได้ยิน"),
        new("walking", "Difficulty walking or climbing steps", "ลำบากในการเดินหรือขึ้นบันได"),
        new("cognition", "Difficulty remembering or concentrating", "ลำบากในการจดจำหรือมีสมาธิ"),
        new("self_care", "Difficulty with self-care", "ลำบากในการดูแลตนเอง"),
        new("communication", "Difficulty communicating", "ลำบากในการสื่อสาร"),
        new("psychosocial", "Psychosocial disability", "ความพิการทางจิตสังคม"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    public static readonly ValueSet ContactRelationship = new("contactRelationship",
    [
        new("parent", "Parent", "บิดา / มารดา"),
        new("spouse_partner", "Spouse or partner", "คู่สมรส / คู่ชีวิต"),
        new("child", "Child", "บุตร"),
        new("sibling", "Brother or sister", "พี่น้อง"),
        new("other_relative", "Other relative", "ญาติอื่น"),
        new("guardian", "Legal guardian", "ผู้ปกครองตามกฎหมาย"),
        new("friend", "Friend", "เพื่อน"),
        new("community_leader", "Community leader", "ผู้นำชุมชน"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    /// <summary>HTCDS v2 trafficking status.</summary>
    public static readonly ValueSet TraffickingStatus = new("traffickingStatus",
    [
        new("possible", "Possible victim of trafficking", "อาจเป็นผู้เสียหายจากการค้ามนุษย์"),
        new("actual", "Victim of trafficking", "ผู้เสียหายจากการค้ามนุษย์"),
        new("not_trafficked", "Not a victim of trafficking", "ไม่ใช่ผู้เสียหายจากการค้ามนุษย์"),
    ]);

    /// <summary>HTCDS v2 organisation types (org_Type), used for who decided the trafficking status.</summary>
    public static readonly ValueSet HtcdsOrganisationType = new("htcdsOrganisationType",
    [
        new("ngo", "NGO", "องค์กรพัฒนาเอกชน"),
        new("law_enforcement", "Law enforcement", "หน่วยงานบังคับใช้กฎหมาย"),
        new("health_service", "Health service", "หน่วยบริการสุขภาพ"),
        new("central_government", "Central government", "หน่วยงานราชการส่วนกลาง"),
        new("local_government", "Local government", "องค์กรปกครองส่วนท้องถิ่น"),
        new("immigration_service", "Immigration service", "ตรวจคนเข้าเมือง"),
        new("legal_service", "Legal service", "หน่วยบริการทางกฎหมาย"),
        new("corporate_business", "Business", "ภาคธุรกิจ"),
    ]);

    /// <summary>CTDC recruiterRelation* (one column per value).</summary>
    public static readonly ValueSet RecruiterRelation = new("recruiterRelation",
    [
        new("intimate_partner", "Intimate partner", "คนรัก / คู่ครอง"),
        new("friend", "Friend", "เพื่อน"),
        new("family", "Family member", "สมาชิกในครอบครัว"),
        new("other", "Other (e.g. broker, employer, stranger)", "อื่น ๆ (เช่น นายหน้า นายจ้าง คนแปลกหน้า)"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    /// <summary>HTCDS v2 vic_MethodOfRecruitment.</summary>
    public static readonly ValueSet RecruitmentMethod = new("recruitmentMethod",
    [
        new("abduction", "Abduction", "การลักพาตัว"),
        new("educational_facility", "At an educational facility", "ในสถานศึกษา"),
        new("familial", "Through the family", "ผ่านครอบครัว"),
        new("internet", "Internet (social media, online advertisement)", "อินเทอร์เน็ต (สื่อสังคมออนไลน์ โฆษณาออนไลน์)"),
        new("marriage_broker", "International marriage broker", "นายหน้าจัดหาคู่ข้ามชาติ"),
        new("intimate_partner", "Intimate partner or marriage proposal", "คนรักหรือการชักชวนแต่งงาน"),
        new("job_offer", "Job offer or advertisement", "การเสนองานหรือประกาศรับสมัครงาน"),
        new("posing_as_benefactor", "Posing as a benefactor", "แอบอ้างเป็นผู้อุปการะ"),
        new("public_area", "In a public area", "ในที่สาธารณะ"),
        new("offer_of_accommodation", "Offer of accommodation", "การเสนอที่พัก"),
        new("shelter", "At a shelter", "ในสถานพักพิง"),
        new("smuggling_ransom", "Smuggling or ransom", "การลักลอบพาข้ามแดนหรือเรียกค่าไถ่"),
        new("work", "At work", "ในที่ทำงาน"),
        new("other", "Other", "อื่น ๆ"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    /// <summary>HTCDS v2 websites and apps (recruitment and exploitation).</summary>
    public static readonly ValueSet WebsitesAndApps = new("websitesAndApps",
    [
        new("line", "LINE", "ไลน์ (LINE)"),
        new("facebook", "Facebook", "เฟซบุ๊ก"),
        new("facebook_messenger", "Facebook Messenger", "เฟซบุ๊ก เมสเซนเจอร์"),
        new("tiktok", "TikTok", "ติ๊กต็อก"),
        new("wechat", "WeChat", "วีแชต"),
        new("telegram", "Telegram", "เทเลแกรม"),
        new("whatsapp", "WhatsApp", "วอตส์แอป"),
        new("instagram", "Instagram", "อินสตาแกรม"),
        new("viber", "Viber", "ไวเบอร์"),
        new("snapchat", "Snapchat", "สแนปแชต"),
        new("twitter", "Twitter / X", "ทวิตเตอร์ / X"),
        new("qq", "QQ", "QQ"),
        new("qzone", "Qzone", "Qzone"),
        new("4sale", "4Sale", "4Sale"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    public static readonly ValueSet ExploitationType = new("exploitationType",
    [
        new("sexual", "Sexual exploitation", "การแสวงประโยชน์ทางเพศ"),
        new("forced_labour", "Forced labour", "การบังคับใช้แรงงาน"),
        new("forced_begging", "Forced begging", "การบังคับให้ขอทาน"),
        new("forced_marriage", "Forced marriage", "การบังคับแต่งงาน"),
        new("forced_criminality", "Forced criminality (incl. online scam centres)", "การบังคับให้กระทำความผิด (รวมแก๊งคอลเซ็นเตอร์/สแกมออนไลน์)"),
        new("organ_removal", "Organ removal", "การตัดอวัยวะ"),
        new("surrogacy", "Forced surrogacy", "การบังคับให้ตั้งครรภ์แทน"),
        new("forced_military", "Forced military service", "การบังคับเป็นทหาร"),
        new("slavery_practices", "Slavery and similar practices", "การเอาคนลงเป็นทาสและการกระทำที่คล้ายคลึง"),
        new("other", "Other", "อื่น ๆ"),
        new("not_specified", "Not specified", "ไม่ระบุ"),
    ]);

    /// <summary>ISIC Rev. 4 sections (HTCDS v2 "Labour Industry", tier 1).</summary>
    public static readonly ValueSet IsicSection = new("isicSection",
    [
        new("A", "A – Agriculture, forestry and fishing", "A – เกษตรกรรม การป่าไม้ และการประมง"),
        new("B", "B – Mining and quarrying", "B – การทำเหมืองแร่และเหมืองหิน"),
        new("C", "C – Manufacturing", "C – การผลิต"),
        new("D", "D – Electricity, gas, steam and air conditioning supply", "D – ไฟฟ้า ก๊าซ ไอน้ำ และระบบปรับอากาศ"),
        new("E", "E – Water supply, sewerage and waste management", "E – การจัดหาน้ำ การจัดการน้ำเสียและของเสีย"),
        new("F", "F – Construction", "F – การก่อสร้าง"),
        new("G", "G – Wholesale and retail trade; repair of motor vehicles", "G – การขายส่งและขายปลีก การซ่อมยานยนต์"),
        new("H", "H – Transportation and storage", "H – การขนส่งและสถานที่เก็บสินค้า"),
        new("I", "I – Accommodation and food services (hospitality)", "I – ที่พักแรมและบริการด้านอาหาร"),
        new("J", "J – Information and communication", "J – ข้อมูลข่าวสารและการสื่อสาร"),
        new("K", "K – Financial and insurance activities", "K – การเงินและการประกันภัย"),
        new("L", "L – Real estate activities", "L – อสังหาริมทรัพย์"),
        new("M", "M – Professional, scientific and technical activities", "M – วิชาชีพ วิทยาศาสตร์ และเทคนิค"),
        new("N", "N – Administrative and support services", "N – การบริหารและบริการสนับสนุน"),
        new("O", "O – Public administration and defence", "O – การบริหารราชการและการป้องกันประเทศ"),
        new("P", "P – Education", "P – การศึกษา"),
        new("Q", "Q – Human health and social work", "Q – สุขภาพและงานสังคมสงเคราะห์"),
        new("R", "R – Arts, entertainment and recreation", "R – ศิลปะ ความบันเทิง และนันทนาการ"),
        new("S", "S – Other service activities", "S – กิจกรรมบริการอื่น ๆ"),
        new("T", "T – Households as employers (domestic work)", "T – ครัวเรือนในฐานะนายจ้าง (งานบ้าน)"),
        new("U", "U – Extraterritorial organisations", "U – องค์การระหว่างประเทศ"),
    ]);

    /// <summary>CTDC typeOfLabour* (one column per value); fishing is listed apart because it matters most in Thailand.</summary>
    public static readonly ValueSet LabourType = new("typeOfLabour",
    [
        new("agriculture", "Agriculture", "เกษตรกรรม"),
        new("fishing", "Fishing (at sea or inland)", "ประมง (ทะเลหรือน้ำจืด)"),
        new("aquafarming", "Aquafarming and seafood processing", "การเพาะเลี้ยงสัตว์น้ำและแปรรูปอาหารทะเล"),
        new("begging", "Begging", "การขอทาน"),
        new("construction", "Construction", "การก่อสร้าง"),
        new("domestic_work", "Domestic work", "งานบ้าน"),
        new("hospitality", "Hospitality (hotels, restaurants, bars)", "การบริการ (โรงแรม ร้านอาหาร บาร์)"),
        new("illicit_activities", "Illicit activities (incl. online scams)", "กิจกรรมผิดกฎหมาย (รวมการหลอกลวงออนไลน์)"),
        new("manufacturing", "Manufacturing", "การผลิต"),
        new("mining_drilling", "Mining or drilling", "การทำเหมืองหรือขุดเจาะ"),
        new("peddling", "Street selling", "การเร่ขายสินค้า"),
        new("transportation", "Transportation", "การขนส่ง"),
        new("other", "Other", "อื่น ๆ"),
        new("not_specified", "Not specified", "ไม่ระบุ"),
    ]);

    /// <summary>HTCDS vic_TypeOfSexExploitation and CTDC typeOfSex*.</summary>
    public static readonly ValueSet SexualExploitationType = new("typeOfSex",
    [
        new("prostitution", "Prostitution", "การค้าประเวณี"),
        new("pornography", "Pornography", "สื่อลามก"),
        new("remote_interactive", "Remote interactive services (online, webcam)", "บริการทางเพศผ่านช่องทางออนไลน์ (เว็บแคม)"),
        new("private_sexual_services", "Private sexual services", "บริการทางเพศส่วนตัว"),
        new("not_specified", "Not specified", "ไม่ระบุ"),
    ]);

    /// <summary>CTDC meansOfControl* (one column per value), the same list as HTCDS vic_MethodsOfControl plus "not specified".</summary>
    public static readonly ValueSet MeansOfControl = new("meansOfControl",
    [
        new("debt_bondage", "Debt bondage", "การใช้หนี้เป็นเครื่องผูกมัด"),
        new("takes_earnings", "Takes earnings", "ยึดรายได้"),
        new("restricts_financial_access", "Restricts access to money or accounts", "จำกัดการเข้าถึงเงินหรือบัญชี"),
        new("threats", "Threats", "การข่มขู่"),
        new("psychological_abuse", "Psychological abuse", "การทารุณกรรมทางจิตใจ"),
        new("physical_abuse", "Physical abuse", "การทำร้ายร่างกาย"),
        new("sexual_abuse", "Sexual abuse", "การล่วงละเมิดทางเพศ"),
        new("false_promises", "False promises or deception", "การให้สัญญาเท็จหรือหลอกลวง"),
        new("psychoactive_substances", "Psychoactive substances", "การใช้สารเสพติดหรือสารออกฤทธิ์ต่อจิตประสาท"),
        new("restricts_movement", "Restricts movement", "จำกัดเสรีภาพในการเดินทาง"),
        new("restricts_medical_care", "Restricts medical care", "จำกัดการเข้าถึงการรักษาพยาบาล"),
        new("excessive_working_hours", "Excessive working hours", "การบังคับทำงานเกินเวลา"),
        new("uses_children", "Uses or withholds the person's children", "ใช้บุตรของผู้เสียหายเป็นเครื่องต่อรอง"),
        new("threat_of_law_enforcement", "Threat of police or immigration", "ขู่ว่าจะแจ้งตำรวจหรือตรวจคนเข้าเมือง"),
        new("withholds_necessities", "Withholds necessities (food, water, sleep …)", "กักอาหาร น้ำ หรือสิ่งจำเป็น"),
        new("withholds_documents", "Withholds documents", "ยึดเอกสารประจำตัว"),
        new("other", "Other", "อื่น ๆ"),
        new("not_specified", "Not specified", "ไม่ระบุ"),
    ]);

    public static readonly ValueSet BorderCrossing = new("borderCrossing",
    [
        new("official_checkpoint", "Through an official checkpoint", "ผ่านด่านตรวจอย่างเป็นทางการ"),
        new("irregular", "Irregular (outside checkpoints)", "ผิดกฎหมาย (นอกด่านตรวจ)"),
        new("no_border", "No border crossed", "ไม่ได้ข้ามพรมแดน"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    public static readonly ValueSet IndividualVulnerability = new("individualVulnerability",
    [
        new("poverty", "Poverty or unemployment", "ความยากจนหรือว่างงาน"),
        new("irregular_migration", "Irregular migration status", "สถานะการย้ายถิ่นไม่ถูกต้องตามกฎหมาย"),
        new("no_documents", "No identity documents or statelessness", "ไม่มีเอกสารประจำตัวหรือไร้สัญชาติ"),
        new("low_education", "Little schooling or literacy", "การศึกษาหรือการอ่านออกเขียนได้น้อย"),
        new("language_barrier", "Does not speak Thai", "ไม่สามารถสื่อสารภาษาไทย"),
        new("addiction", "Addiction", "การติดสารเสพติด"),
        new("mental_health", "Mental health condition", "ปัญหาสุขภาพจิต"),
        new("disability_health", "Disability or physical health condition", "ความพิการหรือปัญหาสุขภาพกาย"),
        new("homelessness", "Homelessness", "ไร้ที่อยู่อาศัย"),
        new("abuse_physical", "Past physical or sexual abuse", "เคยถูกทำร้ายร่างกายหรือทางเพศ"),
        new("abuse_online", "Abuse through social media", "ถูกล่วงละเมิดผ่านสื่อสังคมออนไลน์"),
        new("discrimination", "Discrimination (ethnicity, caste, gender …)", "การเลือกปฏิบัติ (ชาติพันธุ์ วรรณะ เพศ …)"),
        new("previously_trafficked", "Trafficked before", "เคยตกเป็นผู้เสียหายจากการค้ามนุษย์มาก่อน"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    public static readonly ValueSet CommunityVulnerability = new("communityVulnerability",
    [
        new("border_area", "Border area", "พื้นที่ชายแดน"),
        new("remote_area", "Remote area, few services", "พื้นที่ห่างไกล บริการน้อย"),
        new("known_recruitment_area", "Known recruitment area", "พื้นที่ที่มีการชักชวนไปค้ามนุษย์"),
        new("conflict_or_disaster", "Conflict or disaster", "ความขัดแย้งหรือภัยพิบัติ"),
        new("high_migration", "High out-migration", "การย้ายถิ่นออกสูง"),
        new("discriminated_group", "Discriminated group or ethnic minority", "กลุ่มที่ถูกเลือกปฏิบัติหรือกลุ่มชาติพันธุ์"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    public static readonly ValueSet HealthNeed = new("healthNeed",
    [
        new("injury", "Injury", "การบาดเจ็บ"),
        new("chronic_illness", "Chronic or infectious illness", "โรคเรื้อรังหรือโรคติดต่อ"),
        new("sexual_reproductive", "Sexual or reproductive health", "อนามัยเจริญพันธุ์และสุขภาพทางเพศ"),
        new("pregnancy", "Pregnancy", "การตั้งครรภ์"),
        new("mental_health", "Mental health", "สุขภาพจิต"),
        new("substance_use", "Substance use", "การใช้สารเสพติด"),
        new("none", "None identified", "ไม่พบความต้องการ"),
    ]);

    /// <summary>What a consent covers; each purpose is asked and recorded separately (PDPA).</summary>
    public static readonly ValueSet ConsentPurpose = new("consentPurpose",
    [
        new("care", "Care and case management", "การดูแลและการจัดการรายกรณี"),
        new("referral", "Referral to another organisation", "การส่งต่อไปยังหน่วยงานอื่น"),
        new("law_enforcement", "Sharing with law enforcement", "การแบ่งปันข้อมูลกับเจ้าหน้าที่บังคับใช้กฎหมาย"),
        new("reporting", "De-identified reporting and research", "การรายงานและการวิจัยแบบไม่ระบุตัวตน"),
    ]);

    public static readonly ValueSet ConsentStatus = new("consentStatus",
    [
        new("given", "Given", "ให้ความยินยอม"),
        new("refused", "Refused", "ปฏิเสธ"),
        new("withdrawn", "Withdrawn", "ถอนความยินยอม"),
    ]);

    public static readonly ValueSet ConsentMethod = new("consentMethod",
    [
        new("written", "Written, signed by the person", "เป็นลายลักษณ์อักษร ลงนามโดยเจ้าตัว"),
        new("verbal_witnessed", "Verbal, with a witness", "ด้วยวาจา มีพยาน"),
        new("guardian", "By a parent or legal guardian", "โดยบิดามารดาหรือผู้ปกครองตามกฎหมาย"),
    ]);

    public static readonly ValueSet SupportType = new("supportType",
    [
        new("education", "Education", "การศึกษา"),
        new("financial", "Financial", "การเงิน"),
        new("health", "Health", "สุขภาพ"),
        new("legal", "Legal", "กฎหมาย"),
        new("livelihood", "Livelihood and job training", "อาชีพและการฝึกงาน"),
        new("social_care", "Social care", "การดูแลทางสังคม"),
        new("shelter", "Shelter", "ที่พักพิง"),
        new("repatriation", "Repatriation", "การส่งกลับภูมิลำเนา"),
    ]);

    /// <summary>Household income per month in baht, in bands (an exact figure is not needed to plan support).</summary>
    public static readonly ValueSet IncomeBand = new("householdIncomeBand",
    [
        new("none", "No income", "ไม่มีรายได้"),
        new("under_5000", "Under 5,000 baht", "ต่ำกว่า 5,000 บาท"),
        new("5000_9999", "5,000 – 9,999 baht", "5,000 – 9,999 บาท"),
        new("10000_14999", "10,000 – 14,999 baht", "10,000 – 14,999 บาท"),
        new("15000_29999", "15,000 – 29,999 baht", "15,000 – 29,999 บาท"),
        new("30000_plus", "30,000 baht or more", "30,000 บาทขึ้นไป"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    public static readonly ValueSet DebtCreditor = new("debtCreditor",
    [
        new("broker", "Broker or recruiter", "นายหน้าหรือผู้จัดหา"),
        new("employer", "Employer", "นายจ้าง"),
        new("moneylender", "Informal moneylender", "เงินกู้นอกระบบ"),
        new("bank", "Bank or cooperative", "ธนาคารหรือสหกรณ์"),
        new("family", "Family or friends", "ครอบครัวหรือเพื่อน"),
        new("other", "Other", "อื่น ๆ"),
        new("none", "No debt", "ไม่มีหนี้"),
    ]);

    public static readonly ValueSet PlanActionStatus = new("planActionStatus",
    [
        new("planned", "Planned", "วางแผนแล้ว"),
        new("in_progress", "In progress", "กำลังดำเนินการ"),
        new("done", "Done", "เสร็จแล้ว"),
        new("cancelled", "Cancelled", "ยกเลิก"),
    ]);

    public static readonly ValueSet ClosureReason = new("closureReason",
    [
        new("goals_met", "Plan goals met", "บรรลุเป้าหมายตามแผน"),
        new("referred", "Referred on", "ส่งต่อแล้ว"),
        new("repatriated", "Returned home, followed up elsewhere", "กลับภูมิลำเนา มีหน่วยงานอื่นติดตาม"),
        new("declined", "Person declined further support", "ผู้รับบริการปฏิเสธการช่วยเหลือ"),
        new("lost_contact", "Contact lost", "ขาดการติดต่อ"),
        new("not_trafficked", "Found not to be trafficked", "พบว่าไม่ใช่ผู้เสียหายจากการค้ามนุษย์"),
        new("deceased", "Deceased", "เสียชีวิต"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    /// <summary>What a service in the referral directory offers (issue 4: the continuum of care).</summary>
    public static readonly ValueSet ServiceType = new("serviceType",
    [
        new("shelter", "Shelter", "บ้านพักคุ้มครอง / ที่พักพิง"),
        new("medical", "Medical care", "การรักษาพยาบาล"),
        new("mental_health", "Mental-health care", "การดูแลสุขภาพจิต"),
        new("legal_aid", "Legal aid", "ความช่วยเหลือทางกฎหมาย"),
        new("interpretation", "Interpretation", "ล่ามแปลภาษา"),
        new("repatriation", "Repatriation / travel home", "การส่งกลับ / เดินทางกลับบ้าน"),
        new("family_tracing", "Family tracing", "การติดตามครอบครัว"),
        new("reintegration_follow_up", "Reintegration follow-up", "การติดตามผลการคืนสู่สังคม"),
        new("education", "Education", "การศึกษา"),
        new("vocational_training", "Vocational training", "การฝึกอาชีพ"),
        new("job_placement", "Job placement", "การจัดหางาน"),
        new("financial_support", "Financial support", "ความช่วยเหลือทางการเงิน"),
        new("victim_witness_support", "Victim-witness support", "การสนับสนุนผู้เสียหายที่เป็นพยาน"),
    ]);

    public static readonly ValueSet ReferralUrgency = new("referralUrgency",
    [
        new("normal", "Normal", "ปกติ"),
        new("urgent", "Urgent", "เร่งด่วน"),
    ]);

    /// <summary>draft → sent → accepted | declined → in_progress → completed; revoked by the sender; expired when not answered.</summary>
    public static readonly ValueSet ReferralStatus = new("referralStatus",
    [
        new("draft", "Draft", "ร่าง"),
        new("sent", "Sent", "ส่งแล้ว"),
        new("accepted", "Accepted", "ตอบรับแล้ว"),
        new("declined", "Declined", "ปฏิเสธ"),
        new("in_progress", "In progress", "กำลังให้บริการ"),
        new("completed", "Completed", "เสร็จสิ้น"),
        new("revoked", "Revoked", "ยกเลิกโดยผู้ส่ง"),
        new("expired", "Expired", "หมดเวลาตอบรับ"),
    ]);

    /// <summary>What a follow-up found (issue 4, "Follow-up and outcomes"); several may hold at once.</summary>
    public static readonly ValueSet FollowUpOutcome = new("followUpOutcome",
    [
        new("safe_stable", "Safe and stable living", "อยู่อย่างปลอดภัยและมั่นคง"),
        new("in_education", "In education", "กำลังศึกษา"),
        new("employed", "Employed", "มีงานทำ"),
        new("in_contact", "In contact", "ยังติดต่อได้"),
        new("re_trafficked", "Re-trafficked or re-exploited", "ถูกค้ามนุษย์หรือถูกแสวงประโยชน์ซ้ำ"),
        new("lost_to_contact", "Lost to contact", "ขาดการติดต่อ"),
    ]);

    /// <summary>Steps of a care pathway (issue 4: the standard survivor pathway and templates built from it).</summary>
    public static readonly ValueSet PathwayStep = new("pathwayStep",
    [
        new("safe_shelter", "Safe shelter", "ที่พักพิงที่ปลอดภัย"),
        new("health_check", "Health check", "ตรวจสุขภาพ"),
        new("mental_health", "Mental-health screening and care", "คัดกรองและดูแลสุขภาพจิต"),
        new("legal_support", "Legal aid / victim-witness support", "ความช่วยเหลือทางกฎหมาย / การสนับสนุนผู้เสียหายที่เป็นพยาน"),
        new("return_or_integration", "Return home or local integration", "กลับภูมิลำเนาหรือตั้งถิ่นฐานในพื้นที่"),
        new("follow_up_3m", "Follow-up at 3 months", "ติดตามผลเมื่อครบ 3 เดือน"),
        new("follow_up_6m", "Follow-up at 6 months", "ติดตามผลเมื่อครบ 6 เดือน"),
        new("follow_up_12m", "Follow-up at 12 months", "ติดตามผลเมื่อครบ 12 เดือน"),
        new("education_training", "Education or vocational training", "การศึกษาหรือการฝึกอาชีพ"),
        new("job_placement", "Job placement", "การจัดหางาน"),
    ]);

    /// <summary>Where a step's expected time is counted from.</summary>
    public static readonly ValueSet PathwayStepFrom = new("pathwayStepFrom",
    [
        new("identification", "From identification", "นับจากวันที่พบตัว"),
        new("previous_step", "From the previous step", "นับจากขั้นตอนก่อนหน้า"),
    ]);

    /// <summary>A step's state on a case, derived from the record (referrals, screenings, follow-ups) and manual marks.</summary>
    public static readonly ValueSet PathwayStepStatus = new("pathwayStepStatus",
    [
        new("pending", "Not yet due", "ยังไม่ถึงกำหนด"),
        new("under_way", "Under way", "กำลังดำเนินการ"),
        new("done", "Done", "เสร็จแล้ว"),
        new("overdue", "Overdue", "เกินกำหนด"),
        new("missed", "Missed", "พลาดขั้นตอน"),
    ]);

    /// <summary>What a worker marks by hand on a step (pending clears an earlier mark).</summary>
    public static readonly ValueSet PathwayMark = new("pathwayMark",
    [
        new("done", "Done", "เสร็จแล้ว"),
        new("under_way", "Under way", "กำลังดำเนินการ"),
        new("skipped", "Skipped", "ข้ามขั้นตอน"),
        new("pending", "Not marked", "ไม่ได้บันทึก"),
    ]);

    /// <summary>A suspect's part in the trafficking process (HTCDS perpetrator roles); a suspect may have several.</summary>
    public static readonly ValueSet PerpetratorRole = new("perpetratorRole",
    [
        new("recruiter", "Recruiter", "ผู้จัดหา"),
        new("transporter", "Transporter", "ผู้ขนส่ง"),
        new("broker", "Broker", "นายหน้า"),
        new("exploiter", "Exploiter", "ผู้แสวงประโยชน์"),
        new("financier", "Financier", "ผู้สนับสนุนทางการเงิน"),
        new("smuggler", "Smuggler", "ผู้ลักลอบนำพา"),
        new("harbourer", "Harbourer (keeps or hides victims)", "ผู้ให้ที่พักหรือซ่อนเร้นผู้เสียหาย"),
        new("document_forger", "Document forger", "ผู้ปลอมเอกสาร"),
        new("official_complicit", "Complicit official", "เจ้าหน้าที่รัฐที่มีส่วนร่วม"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    public static readonly ValueSet SuspectKind = new("suspectKind",
    [
        new("person", "Person", "บุคคล"),
        new("company", "Company or other juristic person", "บริษัทหรือนิติบุคคล"),
    ]);

    /// <summary>Identifiers that link suspects across cases; stored encrypted, matched by blind index.</summary>
    public static readonly ValueSet SuspectIdentifierType = new("suspectIdentifierType",
    [
        new("phone", "Phone number", "หมายเลขโทรศัพท์"),
        new("vehicle", "Vehicle registration", "ทะเบียนรถ"),
        new("bank_account", "Bank account", "บัญชีธนาคาร"),
        new("social_account", "Social media or messaging account", "บัญชีโซเชียลมีเดียหรือแอปสนทนา"),
    ]);

    /// <summary>
    /// Main sections of the Anti-Trafficking in Persons Act B.E. 2551 (2008) charged in trafficking cases. Source: the
    /// Act's English translation (Chapter 1 ss. 6-9, Chapter 6 ss. 52-54), see docs/justice.md. Amendments (B.E. 2558,
    /// 2560, 2562) add sections not listed here.
    /// </summary>
    public static readonly ValueSet TipActSection = new("tipActSection",
    [
        new("s6", "s.6 Trafficking in persons", "มาตรา 6 ความผิดฐานค้ามนุษย์"),
        new("s7", "s.7 Supporting or aiding trafficking", "มาตรา 7 สนับสนุนหรือช่วยเหลือการค้ามนุษย์"),
        new("s8", "s.8 Preparing to commit trafficking", "มาตรา 8 ตระเตรียมการค้ามนุษย์"),
        new("s9", "s.9 Conspiracy to commit trafficking", "มาตรา 9 สมคบกันค้ามนุษย์"),
        new("s52", "s.52 Penalty for trafficking (higher for a child victim)", "มาตรา 52 โทษฐานค้ามนุษย์ (สูงขึ้นเมื่อผู้เสียหายเป็นเด็ก)"),
        new("s53", "s.53 Juristic person committing trafficking", "มาตรา 53 นิติบุคคลกระทำความผิดฐานค้ามนุษย์"),
        new("s54", "s.54 Obstructing investigation or proceedings", "มาตรา 54 ขัดขวางการสอบสวนหรือดำเนินคดี"),
    ]);

    /// <summary>Where a legal case stands; the stage is the only thing roles outside law enforcement see.</summary>
    public static readonly ValueSet LegalStage = new("legalStage",
    [
        new("investigation", "Investigation", "การสืบสวนสอบสวน"),
        new("prosecution", "Prosecution", "การฟ้องคดี"),
        new("trial", "Trial", "การพิจารณาคดี"),
        new("verdict", "Verdict", "คำพิพากษา"),
        new("sentence", "Sentence", "การลงโทษ"),
        new("appeal", "Appeal", "อุทธรณ์"),
        new("closed", "Closed (final judgment)", "คดีถึงที่สุด"),
    ]);

    public static readonly ValueSet OperationType = new("operationType",
    [
        new("raid", "Raid", "การตรวจค้น"),
        new("rescue", "Rescue", "การช่วยเหลือ"),
    ]);

    public static readonly ValueSet AssetStatus = new("assetStatus",
    [
        new("seized", "Seized", "ยึด"),
        new("frozen", "Frozen", "อายัด"),
        new("forfeited", "Forfeited", "ริบ"),
    ]);

    /// <summary>The one value allowed for citizenship besides a country.</summary>
    public static readonly CodedValue Stateless = new(Countries.Stateless, "Stateless", "ไร้สัญชาติ");
}

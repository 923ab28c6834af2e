using System.Collections.Frozen;
using Saphan.Core.Features.Reference;
using V = Saphan.Core.Features.Standard.StandardValueSets;

namespace Saphan.Core.Features.Standard;

/// <summary>
/// Saphan's data dictionary: every field of the standard record, with its stable code, labels and help in
/// English and Thai, type, allowed values, protection (identifying, PDPA-sensitive) and its HTCDS v2 and
/// CTDC counterparts. Forms, validation, the API schema, imports, exports and docs/data-standard.md all
/// read it from here. Codes never change meaning; a field that goes away keeps its code retired.
/// </summary>
public static class DataStandard
{
    /// <summary>The dictionary's version: the minor number grows when fields or values are added.</summary>
    public const string Version = "0.3.0";

    public static IReadOnlyList<StandardSection> Sections { get; } =
    [
        Person(),
        Victim(),
        Recruitment(),
        Transit(),
        Exploitation(),
        Vulnerability(),
        Consent(),
        SupportPlan(),
        Case(),
        Service(),
        Referral(),
        FollowUp(),
        Pathway(),
        Tasks(),
        Screenings(),
        Perpetrator(),
        Justice(),
    ];

    public static IReadOnlyList<StandardField> Fields { get; } = [.. Sections.SelectMany(s => s.Fields)];

    private static readonly FrozenDictionary<string, StandardField> ByCode =
        Fields.ToFrozenDictionary(f => f.Code, StringComparer.Ordinal);

    public static StandardField? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var field) ? field : null;

    public static StandardField Get(string code) =>
        Find(code) ?? throw new KeyNotFoundException("No field " + code + " in the data standard.");

    /// <summary>Every value set the fields use, each once.</summary>
    public static IReadOnlyList<ValueSet> ValueSets { get; } =
        [.. Fields.Where(f => f.Values is not null).Select(f => f.Values!).Distinct()];

    private static StandardSection Person() => new("person", "Person", "บุคคล",
        "Who the person is. Never require an identity document: many survivors have none, are stateless or migrants.",
        "ข้อมูลว่าบุคคลเป็นใคร ห้ามบังคับให้มีเอกสารประจำตัว เพราะผู้เสียหายจำนวนมากไม่มีเอกสาร ไร้สัญชาติ หรือเป็นแรงงานข้ามชาติ",
    [
        new("person.givenName", FieldType.Text, "Given name", "ชื่อ",
            "The name the person gives; it may be a nickname or an alias.", "ชื่อที่บุคคลแจ้ง อาจเป็นชื่อเล่นหรือชื่อแฝง")
            { Required = true, Identifying = true, Stored = true, ApiName = "givenName", MaxLength = 200, Htcds = "prs_FirstName" },
        new("person.familyName", FieldType.Text, "Family name", "นามสกุล",
            "Leave empty if the person has none (common for Burmese names).", "เว้นว่างได้หากไม่มีนามสกุล (พบบ่อยในชื่อชาวเมียนมา)")
            { Identifying = true, Stored = true, ApiName = "familyName", MaxLength = 200, Htcds = "prs_SecondName" },
        new("person.otherNames", FieldType.Text, "Other names and aliases", "ชื่ออื่นและชื่อแฝง",
            "Names used at other times or by others, one per entry.", "ชื่อที่เคยใช้หรือที่ผู้อื่นเรียก รายการละหนึ่งชื่อ")
            { Identifying = true, Repeating = true, Stored = true, ApiName = "otherNames", MaxLength = 200, Htcds = "prs_MiddleName" },
        new("person.birthDate", FieldType.Date, "Birth date", "วันเกิด",
            "In the Common Era (BE − 543). Leave empty and give an estimated age when unknown.", "ปี ค.ศ. (พ.ศ. − 543) หากไม่ทราบให้เว้นว่างและระบุอายุโดยประมาณ")
            { Identifying = true, Stored = true, ApiName = "birthDate", Htcds = "prs_Birthdate" },
        new("person.estimatedAge", FieldType.WholeNumber, "Estimated age", "อายุโดยประมาณ",
            "Age in years when the birth date is unknown; give one or the other.", "อายุเป็นปีเมื่อไม่ทราบวันเกิด ให้ระบุอย่างใดอย่างหนึ่ง")
            { Stored = true, ApiName = "estimatedAge", Minimum = 0, Maximum = 120 },
        new("person.ageBroad", FieldType.Code, "Age band", "ช่วงอายุ",
            "Computed from the birth date or estimate at identification, in CTDC's bands; safe to publish.", "คำนวณจากวันเกิดหรืออายุโดยประมาณ ณ วันที่พบตัว ตามช่วงอายุของ CTDC เผยแพร่ได้")
            { Values = V.AgeBand, Derived = true, Ctdc = "ageBroad" },
        new("person.gender", FieldType.Code, "Gender", "เพศ",
            "As the person describes themself.", "ตามที่บุคคลระบุตนเอง")
            { Values = Reference.ValueSets.Gender, Stored = true, ApiName = "gender", Htcds = "prs_Gender", Ctdc = "gender",
              HtcdsValues = Map(("female", "Female"), ("male", "Male"), ("transgender_nonconforming", "Transgender/NonConforming"), ("unknown", "Unknown")) },
        new("person.citizenship", FieldType.Countries, "Citizenship", "สัญชาติ",
            "Every citizenship the person holds, or \"stateless\" alone.", "ทุกสัญชาติที่บุคคลถือ หรือ \"ไร้สัญชาติ\" เพียงค่าเดียว")
            { Values = Countries.All, ExtraValues = [V.Stateless], Stored = true, ApiName = "citizenship", Htcds = "prs_Nationality", Ctdc = "citizenship" },
        new("person.languages", FieldType.Codes, "Languages", "ภาษา",
            "Languages the person speaks; decides interpreters and materials.", "ภาษาที่บุคคลพูดได้ ใช้จัดหาล่ามและเอกสาร")
            { Values = Reference.ValueSets.Language, Stored = true, ApiName = "languages" },
        new("person.phone", FieldType.Phone, "Phone", "โทรศัพท์",
            "6 to 15 digits; spaces, dashes and a leading + are fine.", "6 ถึง 15 หลัก เว้นวรรค ขีด และเครื่องหมาย + นำหน้าได้")
            { Identifying = true, Stored = true, ApiName = "phone", MaxLength = 40, Htcds = "prs_MobilePhone" },
        new("person.address", FieldType.LongText, "Address", "ที่อยู่",
            "Where the person can be reached safely; never record an address the exploiter knows without saying so.", "ที่อยู่ที่ติดต่อได้อย่างปลอดภัย")
            { Identifying = true, Stored = true, ApiName = "address", MaxLength = 500, Htcds = "prs_MailingStreet" },
        new("person.identityDocuments.type", FieldType.Code, "Document type", "ประเภทเอกสาร",
            "One per document held; optional.", "หนึ่งรายการต่อเอกสารหนึ่งฉบับ ไม่บังคับ")
            { Values = Reference.ValueSets.DocumentType, Repeating = true, Stored = true, ApiName = "identityDocuments[].type" },
        new("person.identityDocuments.number", FieldType.Text, "Document number", "เลขที่เอกสาร",
            "A Thai national ID must have 13 digits with a valid check digit.", "เลขประจำตัวประชาชนไทยต้องมี 13 หลักและหลักตรวจสอบถูกต้อง")
            { Identifying = true, Repeating = true, Stored = true, ApiName = "identityDocuments[].number", MaxLength = 40 },
        new("person.identityDocuments.issuingCountry", FieldType.Country, "Issuing country", "ประเทศที่ออกเอกสาร",
            "Always TH for a Thai national ID.", "บัตรประจำตัวประชาชนไทยเป็น TH เสมอ")
            { Values = Countries.All, Repeating = true, Stored = true, ApiName = "identityDocuments[].issuingCountry" },
        new("person.maritalStatus", FieldType.Code, "Marital status", "สถานภาพสมรส", "", "")
            { Values = V.MaritalStatus },
        new("person.numberOfChildren", FieldType.WholeNumber, "Number of children", "จำนวนบุตร",
            "Children the person is responsible for, wherever they live.", "บุตรที่บุคคลต้องรับผิดชอบ ไม่ว่าอยู่ที่ใด")
            { Minimum = 0, Maximum = 30 },
        new("person.education", FieldType.Code, "Highest education completed", "ระดับการศึกษาสูงสุด",
            "ISCED 2011 level of the highest schooling finished.", "ระดับ ISCED 2011 ของการศึกษาสูงสุดที่สำเร็จ")
            { Values = V.Education },
        new("person.disability", FieldType.Codes, "Disability", "ความพิการ",
            "Functional difficulties the person reports (Washington Group domains), not a diagnosis.", "ความลำบากในการใช้ชีวิตที่บุคคลแจ้ง ไม่ใช่การวินิจฉัยโรค")
            { Values = V.Disability, ExclusiveCodes = ["none", "unknown"], Sensitive = SensitiveData.Disability },
        new("person.deceased", FieldType.Boolean, "Deceased", "เสียชีวิตแล้ว", "", "")
            { Htcds = "prs_Deceased" },
        new("person.contacts.name", FieldType.Text, "Contact's name", "ชื่อผู้ติดต่อ",
            "A person to reach in an emergency, only with the person's agreement.", "บุคคลที่ติดต่อได้ในกรณีฉุกเฉิน เฉพาะเมื่อบุคคลยินยอม")
            { Identifying = true, Repeating = true, MaxLength = 200 },
        new("person.contacts.relationship", FieldType.Code, "Contact's relationship", "ความสัมพันธ์ของผู้ติดต่อ",
            "Check that the contact is not connected to the exploitation.", "ตรวจสอบว่าผู้ติดต่อไม่เกี่ยวข้องกับการแสวงประโยชน์")
            { Values = V.ContactRelationship, Repeating = true },
        new("person.contacts.phone", FieldType.Phone, "Contact's phone", "โทรศัพท์ของผู้ติดต่อ", "", "")
            { Identifying = true, Repeating = true, MaxLength = 40 },
    ]);

    private static StandardSection Victim() => new("victim", "Victim context", "บริบทของผู้เสียหาย",
        "Whether and by whom the person was found to be trafficked, including formal identification under Thailand's National Referral Mechanism.",
        "สถานะการเป็นผู้เสียหาย ผู้ตัดสิน และการคัดแยกอย่างเป็นทางการตามกลไกการส่งต่อระดับชาติ (NRM)",
    [
        new("victim.traffickingStatus", FieldType.Code, "Trafficking status", "สถานะการค้ามนุษย์",
            "\"Possible\" while there are indicators but no determination yet.", "\"อาจเป็น\" เมื่อมีข้อบ่งชี้แต่ยังไม่มีการตัดสิน")
            { Values = V.TraffickingStatus, Required = true, Htcds = "vic_TraffickingStatus",
              HtcdsValues = Map(("possible", "PossibleVictimOfTrafficking"), ("actual", "ActualVictimOfTrafficking"), ("not_trafficked", "NotAVictimOfTrafficking")) },
        new("victim.traffickingStatusDecidedBy", FieldType.Code, "Status decided by", "ผู้ตัดสินสถานะ",
            "The kind of organisation that made the determination.", "ประเภทของหน่วยงานที่ตัดสินสถานะ")
            { Values = V.HtcdsOrganisationType, Htcds = "vic_TraffickingStatusDecisionMakingOrganisation" },
        new("victim.nrm.identifiedOn", FieldType.Date, "Formally identified on", "วันที่คัดแยกอย่างเป็นทางการ",
            "The date of formal victim identification under the NRM; empty if not (yet) formally identified.", "วันที่คัดแยกผู้เสียหายอย่างเป็นทางการตาม NRM เว้นว่างหากยังไม่ได้คัดแยก") { },
        new("victim.nrm.multidisciplinaryTeam", FieldType.Boolean, "Multidisciplinary team interview", "สัมภาษณ์โดยทีมสหวิชาชีพ",
            "Whether the identification interview was held by a multidisciplinary team (police, social worker, labour, interpreter).", "การสัมภาษณ์คัดแยกทำโดยทีมสหวิชาชีพ (ตำรวจ นักสังคมสงเคราะห์ แรงงาน ล่าม) หรือไม่") { },
        new("victim.healthNeeds", FieldType.Codes, "Health needs", "ความต้องการด้านสุขภาพ",
            "Needs seen at identification, to plan care; no diagnosis.", "ความต้องการที่พบเมื่อคัดแยก เพื่อวางแผนการดูแล ไม่ใช่การวินิจฉัย")
            { Values = V.HealthNeed, ExclusiveCodes = ["none"], Sensitive = SensitiveData.Health },
        new("victim.arrestedOrCharged", FieldType.Boolean, "Arrested or charged", "ถูกจับกุมหรือถูกดำเนินคดี",
            "Whether the person was arrested or charged for acts they were forced to commit (non-punishment principle).", "บุคคลถูกจับกุมหรือดำเนินคดีจากการกระทำที่ถูกบังคับให้ทำหรือไม่ (หลักการไม่ลงโทษผู้เสียหาย)")
            { Sensitive = SensitiveData.CriminalRecord },
    ]);

    private static StandardSection Recruitment() => new("event.recruitment", "Recruitment", "การจัดหา",
        "How, where and by whom the person was recruited. One record per recruitment event (HTCDS historic trafficking event of type Recruitment).",
        "การจัดหาเกิดขึ้นอย่างไร ที่ไหน โดยใคร หนึ่งรายการต่อเหตุการณ์",
    [
        .. Place("recruitment", "Recruitment", "การจัดหา", country: null),
        new("event.recruitment.date", FieldType.PartialDate, "Recruitment date", "วันที่ถูกจัดหา",
            "As precise as known: a year, a month or a day.", "ระบุละเอียดเท่าที่ทราบ: ปี เดือน หรือวัน")
            { Htcds = "hte_Date" },
        new("event.recruitment.recruiterRelation", FieldType.Codes, "Relationship to recruiter", "ความสัมพันธ์กับผู้จัดหา", "", "")
            { Values = V.RecruiterRelation, ExclusiveCodes = ["unknown"], Ctdc = "RecruiterRelationship",
              CtdcValues = Map(("intimate_partner", "recruiterRelationIntimatePartner"), ("friend", "recruiterRelationFriend"),
                  ("family", "recruiterRelationFamily"), ("other", "recruiterRelationOther"), ("unknown", "recruiterRelationUnknown")) },
        new("event.recruitment.methods", FieldType.Codes, "Method of recruitment", "วิธีการจัดหา", "", "")
            { Values = V.RecruitmentMethod, ExclusiveCodes = ["unknown"], Htcds = "vic_MethodOfRecruitment" },
        new("event.recruitment.abduction", FieldType.Boolean, "Abducted", "ถูกลักพาตัว",
            "Whether the person was taken by force rather than recruited.", "บุคคลถูกพาตัวไปโดยใช้กำลังแทนการชักชวนหรือไม่")
            { Ctdc = "isAbduction" },
        new("event.recruitment.websitesAndApps", FieldType.Codes, "Websites and apps used", "เว็บไซต์และแอปที่ใช้",
            "Platforms through which the person was approached.", "ช่องทางออนไลน์ที่ใช้ติดต่อชักชวน")
            { Values = V.WebsitesAndApps, Htcds = "vic_RecruitmentWebsitesAndApps", HtcdsValues = AppNames() },
        Description("recruitment"),
    ]) { HtcdsTable = "hte_ (Type = Recruitment)" };

    private static StandardSection Transit() => new("event.transit", "Transit", "การเคลื่อนย้าย",
        "Where the person was moved through or held on the way. One record per stage.",
        "สถานที่ที่บุคคลถูกเคลื่อนย้ายผ่านหรือถูกกักไว้ระหว่างทาง หนึ่งรายการต่อช่วง",
    [
        .. Place("transit", "Transit", "การเคลื่อนย้าย", country: null),
        new("event.transit.startDate", FieldType.PartialDate, "Transit from", "เริ่มเคลื่อนย้าย", "", "") { Htcds = "hte_Date" },
        new("event.transit.endDate", FieldType.PartialDate, "Transit until", "สิ้นสุดการเคลื่อนย้าย", "", ""),
        new("event.transit.borderCrossing", FieldType.Code, "Border crossing", "การข้ามพรมแดน", "", "")
            { Values = V.BorderCrossing },
        Description("transit"),
    ]) { HtcdsTable = "hte_ (Type = Transit)" };

    private static StandardSection Exploitation() => new("event.exploitation", "Exploitation", "การแสวงประโยชน์",
        "Where, how long and in which ways the person was exploited, and how they were controlled. One record per place or period of exploitation.",
        "การแสวงประโยชน์เกิดขึ้นที่ใด นานเท่าใด ในรูปแบบใด และผู้กระทำควบคุมผู้เสียหายอย่างไร หนึ่งรายการต่อสถานที่หรือช่วงเวลา",
    [
        .. Place("exploitation", "Exploitation", "การแสวงประโยชน์", country: "CountryOfExploitation"),
        new("event.exploitation.startDate", FieldType.PartialDate, "Exploited from", "เริ่มถูกแสวงประโยชน์", "", "") { Htcds = "hte_Date" },
        new("event.exploitation.endDate", FieldType.PartialDate, "Exploited until", "สิ้นสุดการถูกแสวงประโยชน์",
            "Empty while the exploitation continues.", "เว้นว่างหากยังคงถูกแสวงประโยชน์อยู่"),
        new("event.exploitation.durationMonths", FieldType.WholeNumber, "Duration (months)", "ระยะเวลา (เดือน)",
            "When the dates are not known: the person's estimate of how long it lasted.", "หากไม่ทราบวันที่ ให้ระบุระยะเวลาโดยประมาณ")
            { Minimum = 0, Maximum = 600 },
        new("event.exploitation.types", FieldType.Codes, "Types of exploitation", "รูปแบบการแสวงประโยชน์",
            "Every form the person suffered here; several are common.", "ทุกรูปแบบที่เกิดขึ้น มักมีหลายรูปแบบพร้อมกัน")
            { Values = V.ExploitationType, Required = true, ExclusiveCodes = ["not_specified"],
              Htcds = "vic_TypeOfExploitation", Ctdc = "typeOfExploitConcatenated",
              HtcdsValues = Map(("sexual", "Sexual exploitation"), ("forced_labour", "Forced labour"), ("forced_begging", "Begging"),
                  ("forced_marriage", "Forced marriage"), ("forced_criminality", "Illicit activities"), ("organ_removal", "Organ removal"),
                  ("forced_military", "Forced military service"), ("slavery_practices", "Slavery and similar practices"), ("surrogacy", "Other"), ("other", "Other")),
              CtdcValues = Map(("sexual", "isSexualExploit"), ("forced_labour", "isForcedLabour"), ("forced_marriage", "isForcedMarriage"),
                  ("forced_military", "isForcedMilitary"), ("organ_removal", "isOrganRemoval"), ("slavery_practices", "isSlaveryAndPractices"),
                  ("forced_begging", "isOtherExploit"), ("forced_criminality", "isOtherExploit"), ("surrogacy", "isOtherExploit"), ("other", "isOtherExploit")) },
        new("event.exploitation.industry", FieldType.Codes, "Industry", "ภาคอุตสาหกรรม",
            "ISIC Rev. 4 section of the workplace, e.g. A for fishing and agriculture, T for domestic work.", "หมวดใหญ่ ISIC Rev. 4 ของสถานที่ทำงาน เช่น A ประมงและเกษตร T งานบ้าน")
            { Values = V.IsicSection, Htcds = "vic_Labour Industry",
              HtcdsValues = Map(("A", "A_AgricultureForestryAndFishing"), ("B", "B_MiningAndQuarrying"), ("C", "C_Manufacturing"),
                  ("D", "D_ElectricityGasSteamAndAirConditioningSupply"), ("E", "E_WaterSupplySewerageWasteManagement"), ("F", "F_Construction"),
                  ("G", "G_WholesaleAndRetailTradeRepairOfMotorVehicles"), ("H", "H_TransportationAndStorage"), ("I", "I_AccommodationAndFoodServiceActivities"),
                  ("J", "J_InformationAndCommunication"), ("K", "K_FinancialAndInsuranceActivities"), ("L", "L_RealEstateActivities"),
                  ("M", "M_ProfessionalScientificAndTechnicalActivities"), ("N", "N_AdministrativeAndSupportServiceActivities"),
                  ("O", "O_PublicAdministrationAndDefence"), ("P", "P_Education"), ("Q", "Q_HumanHealthAndSocialWorkActivities"),
                  ("R", "R_ArtsEntertainmentAndRecreation"), ("S", "S_OtherServiceActivities"), ("T", "T_ActivitiesOfHouseholdsAsEmployers"),
                  ("U", "U_ActivitiesOfExtraterritorialOrganizations")) },
        new("event.exploitation.labourTypes", FieldType.Codes, "Type of labour", "ประเภทงาน",
            "For forced labour: the kind of work.", "สำหรับการบังคับใช้แรงงาน: ลักษณะงานที่ทำ")
            { Values = V.LabourType, ExclusiveCodes = ["not_specified"], Ctdc = "typeOfLabourConcatenated",
              CtdcValues = Map(("agriculture", "typeOfLabourAgriculture"), ("fishing", "typeOfLabourFishing"), ("aquafarming", "typeOfLabourAquafarming"),
                  ("begging", "typeOfLabourBegging"), ("construction", "typeOfLabourConstruction"), ("domestic_work", "typeOfLabourDomesticWork"),
                  ("hospitality", "typeOfLabourHospitality"), ("illicit_activities", "typeOfLabourIllicitActivities"), ("manufacturing", "typeOfLabourManufacturing"),
                  ("mining_drilling", "typeOfLabourMiningOrDrilling"), ("peddling", "typeOfLabourPeddling"), ("transportation", "typeOfLabourTransportation"),
                  ("other", "typeOfLabourOther"), ("not_specified", "typeOfLabourNotSpecified")) },
        new("event.exploitation.sexTypes", FieldType.Codes, "Type of sexual exploitation", "ประเภทการแสวงประโยชน์ทางเพศ", "", "")
            { Values = V.SexualExploitationType, ExclusiveCodes = ["not_specified"], Sensitive = SensitiveData.SexualBehaviour,
              Htcds = "vic_TypeOfSexExploitation", Ctdc = "typeOfSexConcatenated",
              HtcdsValues = Map(("prostitution", "Prostitution"), ("pornography", "Pornography"), ("remote_interactive", "RemoteInteractiveServices"), ("private_sexual_services", "PrivateSexualServices")),
              CtdcValues = Map(("prostitution", "typeOfSexProstitution"), ("pornography", "typeOfSexPornography"),
                  ("remote_interactive", "typeOfSexRemoteInteractiveServices"), ("private_sexual_services", "typeOfSexPrivateSexualServices")) },
        new("event.exploitation.meansOfControl", FieldType.Codes, "Means of control", "วิธีการควบคุม",
            "Every way the exploiters kept control of the person.", "ทุกวิธีที่ผู้แสวงประโยชน์ใช้ควบคุมบุคคล")
            { Values = V.MeansOfControl, ExclusiveCodes = ["not_specified"], Htcds = "vic_MethodsOfControl", Ctdc = "meansOfControlConcatenated",
              HtcdsValues = Map(("debt_bondage", "DebtBondage"), ("takes_earnings", "TakesEarnings"), ("restricts_financial_access", "RestrictsFinancialAccess"),
                  ("threats", "Threats"), ("psychological_abuse", "PsychologicalAbuse"), ("physical_abuse", "PhysicalAbuse"), ("sexual_abuse", "SexualAbuse"),
                  ("false_promises", "FalsePromises"), ("psychoactive_substances", "PsychoactiveSubstances"), ("restricts_movement", "RestrictsMovement"),
                  ("restricts_medical_care", "RestrictsMedicalCare"), ("excessive_working_hours", "ExcessiveWorkingHours"), ("uses_children", "UsesChildren"),
                  ("threat_of_law_enforcement", "ThreatOfLawEnforcement"), ("withholds_necessities", "WithholdsNecessities"),
                  ("withholds_documents", "WithholdsDocuments"), ("other", "Other")),
              CtdcValues = Map(("debt_bondage", "meansOfControlDebtBondage"), ("takes_earnings", "meansOfControlTakesEarnings"),
                  ("restricts_financial_access", "meansOfControlRestrictsFinancialAccess"), ("threats", "meansOfControlThreats"),
                  ("psychological_abuse", "meansOfControlPsychologicalAbuse"), ("physical_abuse", "meansOfControlPhysicalAbuse"),
                  ("sexual_abuse", "meansOfControlSexualAbuse"), ("false_promises", "meansOfControlFalsePromises"),
                  ("psychoactive_substances", "meansOfControlPsychoactiveSubstances"), ("restricts_movement", "meansOfControlRestrictsMovement"),
                  ("restricts_medical_care", "meansOfControlRestrictsMedicalCare"), ("excessive_working_hours", "meansOfControlExcessiveWorkingHours"),
                  ("uses_children", "meansOfControlUsesChildren"), ("threat_of_law_enforcement", "meansOfControlThreatOfLawEnforcement"),
                  ("withholds_necessities", "meansOfControlWithholdsNecessities"), ("withholds_documents", "meansOfControlWithholdsDocuments"),
                  ("other", "meansOfControlOther"), ("not_specified", "meansOfControlNotSpecified")) },
        new("event.exploitation.websitesAndApps", FieldType.Codes, "Websites and apps used", "เว็บไซต์และแอปที่ใช้",
            "Platforms used to advertise or control the person.", "ช่องทางออนไลน์ที่ใช้โฆษณาหรือควบคุมบุคคล")
            { Values = V.WebsitesAndApps, Htcds = "vic_ExploitationWebsitesAndApps", HtcdsValues = AppNames() },
        new("event.exploitation.unpaidWagesThb", FieldType.MoneyThb, "Unpaid wages or earnings taken", "ค่าจ้างค้างจ่ายหรือรายได้ที่ถูกยึด",
            "Best estimate in baht; basis for compensation claims.", "ประมาณการเป็นบาท ใช้เป็นฐานการเรียกร้องค่าสินไหมทดแทน") { },
        Description("exploitation"),
    ]) { HtcdsTable = "hte_ and vic_ (Type = Exploitation)" };

    private static StandardSection Vulnerability() => new("vulnerability", "Risk and vulnerability", "ความเสี่ยงและความเปราะบาง",
        "Assessed at intake and again during the case, at three levels (HTCDS v2 replaces its single vulnerabilities list with these). The latest assessment counts; it may be saved part-done.",
        "ประเมินเมื่อรับเรื่องและระหว่างการดูแล ในสามระดับ: บุคคล ครัวเรือน และชุมชน การประเมินล่าสุดมีผล บันทึกได้แม้ยังไม่ครบ",
    [
        new("vulnerability.assessedOn", FieldType.Date, "Assessed on", "วันที่ประเมิน", "", "") { Required = true, Stored = true, ApiName = "assessedOn" },
        new("vulnerability.individual", FieldType.Codes, "Individual vulnerabilities", "ความเปราะบางระดับบุคคล",
            "Health-related factors are PDPA s.26 data: only supervisors and case workers see this list.", "ปัจจัยด้านสุขภาพเป็นข้อมูลอ่อนไหวตามมาตรา 26 เฉพาะหัวหน้างานและเจ้าหน้าที่ดูแลกรณีเห็นรายการนี้")
            { Values = V.IndividualVulnerability, Sensitive = SensitiveData.Health, Htcds = "vic_Vulnerabilities", Stored = true, ApiName = "individual" },
        new("vulnerability.household.incomeBand", FieldType.Code, "Household income per month", "รายได้ครัวเรือนต่อเดือน",
            "The band is enough: an exact figure is not needed.", "ระบุช่วงก็เพียงพอ ไม่ต้องระบุตัวเลขที่แน่นอน")
            { Values = V.IncomeBand, Stored = true, ApiName = "household.incomeBand" },
        new("vulnerability.household.debtThb", FieldType.MoneyThb, "Household debt", "หนี้สินครัวเรือน",
            "All debts, including to brokers and employers.", "หนี้ทั้งหมด รวมหนี้นายหน้าและนายจ้าง") { Stored = true, ApiName = "household.debtThb" },
        new("vulnerability.household.debtTo", FieldType.Codes, "Debt owed to", "เป็นหนี้กับ", "", "")
            { Values = V.DebtCreditor, ExclusiveCodes = ["none"], Stored = true, ApiName = "household.debtTo" },
        new("vulnerability.household.dependants", FieldType.WholeNumber, "Dependants", "จำนวนผู้พึ่งพิง",
            "People who rely on the person's income.", "จำนวนคนที่พึ่งพารายได้ของบุคคล") { Minimum = 0, Maximum = 50, Stored = true, ApiName = "household.dependants" },
        new("vulnerability.community", FieldType.Codes, "Community risks", "ความเสี่ยงระดับชุมชน", "", "")
            { Values = V.CommunityVulnerability, Stored = true, ApiName = "community" },
        new("vulnerability.details", FieldType.LongText, "Details", "รายละเอียด", "", "")
            { Identifying = true, MaxLength = 4000, Htcds = "vic_DetailsOfVulnerabilities", Stored = true, ApiName = "details" },
    ]);

    private static StandardSection Consent() => new("consent", "Consent", "ความยินยอม",
        "One record per purpose and decision: the latest record for a purpose is the one that counts. A person may withdraw at any time (PDPA).",
        "หนึ่งรายการต่อวัตถุประสงค์และการตัดสินใจ รายการล่าสุดของแต่ละวัตถุประสงค์มีผล บุคคลถอนความยินยอมได้ทุกเมื่อ (พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล)",
    [
        new("consent.purpose", FieldType.Code, "Purpose", "วัตถุประสงค์", "", "")
            { Values = V.ConsentPurpose, Required = true, Htcds = "vic_AgreementToManagePersonalData" },
        new("consent.status", FieldType.Code, "Decision", "การตัดสินใจ", "", "") { Values = V.ConsentStatus, Required = true },
        new("consent.method", FieldType.Code, "How given", "วิธีให้ความยินยอม",
            "For a child, the guardian consents and the child's own view is recorded too.", "กรณีเด็ก ผู้ปกครองเป็นผู้ให้ความยินยอม และบันทึกความเห็นของเด็กด้วย")
            { Values = V.ConsentMethod, Required = true },
        new("consent.date", FieldType.Date, "Date", "วันที่", "", "") { Required = true },
        new("consent.recordedBy", FieldType.Reference, "Recorded by", "ผู้บันทึก",
            "The staff account that recorded the decision.", "บัญชีเจ้าหน้าที่ที่บันทึกการตัดสินใจ") { Required = true },
    ]);

    private static StandardSection SupportPlan() => new("plan", "Support plan", "แผนการช่วยเหลือ",
        "What the person wants to achieve and what each organisation will do: objectives, then actions with a type, a status, a due date and the organisation responsible.",
        "สิ่งที่บุคคลต้องการบรรลุ และสิ่งที่แต่ละหน่วยงานจะดำเนินการ: วัตถุประสงค์ และการดำเนินการพร้อมประเภท สถานะ กำหนดเสร็จ และหน่วยงานที่รับผิดชอบ",
    [
        new("plan.objectives", FieldType.LongText, "Objectives", "วัตถุประสงค์", "In the person's own words where possible.", "ใช้คำพูดของบุคคลเองเมื่อเป็นไปได้")
            { Identifying = true, Required = true, MaxLength = 4000, Stored = true, ApiName = "objectives" },
        new("plan.agreedOn", FieldType.Date, "Agreed on", "วันที่ตกลงแผน", "", "") { Stored = true, ApiName = "agreedOn" },
        new("plan.reviewOn", FieldType.Date, "Review on", "วันที่ทบทวนแผน", "", "") { AllowsFuture = true, Stored = true, ApiName = "reviewOn" },
        new("plan.action.type", FieldType.Code, "Type of support", "ประเภทการช่วยเหลือ", "", "")
            { Values = V.SupportType, Required = true, Repeating = true, Stored = true, ApiName = "actions[].type" },
        new("plan.action.description", FieldType.LongText, "Action", "การดำเนินการ", "Who does what.", "ใครทำอะไร")
            { Identifying = true, Required = true, Repeating = true, MaxLength = 2000, Stored = true, ApiName = "actions[].description" },
        new("plan.action.status", FieldType.Code, "Action status", "สถานะการดำเนินการ", "", "")
            { Values = V.PlanActionStatus, Required = true, Repeating = true, Stored = true, ApiName = "actions[].status" },
        new("plan.action.dueOn", FieldType.Date, "Due on", "กำหนดเสร็จ", "", "")
            { AllowsFuture = true, Repeating = true, Stored = true, ApiName = "actions[].dueOn" },
        new("plan.action.responsibleOrganisation", FieldType.Reference, "Responsible organisation", "หน่วยงานที่รับผิดชอบ",
            "Any organisation of the network; empty means the case's own.", "หน่วยงานใดก็ได้ในเครือข่าย เว้นว่างหมายถึงหน่วยงานเจ้าของกรณี")
            { Repeating = true, Stored = true, ApiName = "actions[].responsibleOrganisationId" },
    ]);

    private static StandardSection Case() => new("case", "Case", "กรณี",
        "The organisation's work with the person, from identification to closure.",
        "การทำงานของหน่วยงานกับบุคคล ตั้งแต่พบตัวจนปิดกรณี",
    [
        new("case.identifiedOn", FieldType.Date, "Identified on", "วันที่พบตัว", "The day the organisation first met the person as a possible victim.", "วันที่หน่วยงานพบบุคคลในฐานะผู้ที่อาจเป็นผู้เสียหายครั้งแรก")
            { Required = true, Stored = true, ApiName = "identifiedOn", Ctdc = "yearOfRegistration" },
        new("case.identificationRoute", FieldType.Code, "How identified", "ช่องทางที่พบตัว", "", "")
            { Values = Reference.ValueSets.IdentificationRoute, Stored = true, ApiName = "identificationRoute" },
        new("case.province", FieldType.Province, "Province", "จังหวัด", "Where the organisation works the case.", "จังหวัดที่หน่วยงานดูแลกรณี")
            { Values = Provinces.All, Required = true, Stored = true, ApiName = "province" },
        new("case.status", FieldType.Code, "Status", "สถานะ", "", "")
            { Values = Reference.ValueSets.CaseStatus, Required = true, Stored = true, ApiName = "status", Htcds = "cas_Status",
              HtcdsValues = Map(("active", "Active"), ("follow_up", "FollowUp"), ("closed", "Closed"), ("closed_referred", "ClosedReferred")) },
        new("case.assignedWorker", FieldType.Reference, "Assigned to", "ผู้รับผิดชอบ", "", "")
            { Stored = true, ApiName = "assignedWorkerId" },
        new("case.summary", FieldType.LongText, "Summary", "สรุป",
            "Write what colleagues need to help; avoid details that are not needed.", "เขียนสิ่งที่เพื่อนร่วมงานต้องรู้เพื่อช่วยเหลือ หลีกเลี่ยงรายละเอียดที่ไม่จำเป็น")
            { Identifying = true, Stored = true, ApiName = "summary", MaxLength = 4000 },
        new("case.comment", FieldType.LongText, "Case comment", "บันทึกความคืบหน้า",
            "A dated note on the case; one per entry, never changed or removed.", "บันทึกที่ลงวันที่ หนึ่งรายการต่อครั้ง แก้ไขหรือลบไม่ได้")
            { Identifying = true, Repeating = true, MaxLength = 4000, Stored = true, ApiName = "comments[].text" },
        new("case.closureReason", FieldType.Code, "Reason for closure", "เหตุผลในการปิดกรณี", "", "")
            { Values = V.ClosureReason, Htcds = "cas_ReasonForCaseClosure", Stored = true, ApiName = "closure.reason" },
        new("case.closedOn", FieldType.Date, "Closed on", "วันที่ปิดกรณี",
            "Not before the identification date, not in the future.", "ไม่ก่อนวันที่พบตัว และไม่เป็นวันในอนาคต")
            { Stored = true, ApiName = "closure.closedOn" },
        new("case.closureDetails", FieldType.LongText, "Closure details", "รายละเอียดการปิดกรณี", "", "")
            { Identifying = true, MaxLength = 4000, Htcds = "cas_ReasonForCaseClosure", Stored = true, ApiName = "closure.details" },
    ]);

    private static StandardSection Service() => new("service", "Service", "บริการ",
        "A service an organisation offers in the referral directory: who it serves, where, and how many places are free.",
        "บริการที่หน่วยงานเปิดให้ในทำเนียบการส่งต่อ ผู้มีสิทธิ์ พื้นที่ และจำนวนที่ว่าง",
    [
        new("service.type", FieldType.Code, "Service type", "ประเภทบริการ", "", "")
            { Values = V.ServiceType, Required = true, Stored = true, ApiName = "type" },
        new("service.name", FieldType.Text, "Name", "ชื่อบริการ", "", "") { Required = true, Stored = true, ApiName = "name", MaxLength = 200 },
        new("service.provinces", FieldType.Codes, "Provinces covered", "จังหวัดที่ให้บริการ", "", "")
            { Values = Provinces.All, Required = true, Stored = true, ApiName = "provinces" },
        new("service.languages", FieldType.Codes, "Languages", "ภาษา", "", "")
            { Values = Reference.ValueSets.Language, Stored = true, ApiName = "languages" },
        new("service.eligibility.genders", FieldType.Codes, "Genders served", "เพศที่รับบริการ", "Empty: everyone.", "เว้นว่าง: ทุกเพศ")
            { Values = Reference.ValueSets.Gender, Stored = true, ApiName = "genders" },
        new("service.eligibility.minAge", FieldType.WholeNumber, "Minimum age", "อายุต่ำสุด", "", "")
            { Stored = true, ApiName = "minAge", Minimum = 0, Maximum = 120 },
        new("service.eligibility.maxAge", FieldType.WholeNumber, "Maximum age", "อายุสูงสุด", "", "")
            { Stored = true, ApiName = "maxAge", Minimum = 0, Maximum = 120 },
        new("service.eligibility.nationalities", FieldType.Countries, "Nationalities served", "สัญชาติที่รับบริการ", "Empty: every nationality.", "เว้นว่าง: ทุกสัญชาติ")
            { Values = Countries.All, ExtraValues = [V.Stateless], Stored = true, ApiName = "nationalities" },
        new("service.capacity", FieldType.WholeNumber, "Capacity", "จำนวนที่รับได้", "", "")
            { Required = true, Stored = true, ApiName = "capacity", Minimum = 0, Maximum = 100000 },
        new("service.available", FieldType.WholeNumber, "Places available now", "จำนวนที่ว่างขณะนี้", "0 means full: referrals are refused.", "0 คือเต็ม ระบบจะไม่รับการส่งต่อ")
            { Stored = true, ApiName = "available", Minimum = 0, Maximum = 100000 },
        new("service.contactRoute", FieldType.Text, "Contact route", "ช่องทางติดต่อ",
            "How other organisations reach the service (a desk, a hotline); never a person's private number.", "ช่องทางที่หน่วยงานอื่นติดต่อบริการ ไม่ใช่เบอร์ส่วนตัว")
            { Stored = true, ApiName = "contactRoute", MaxLength = 500 },
    ]);

    private static StandardSection Referral() => new("referral", "Referral", "การส่งต่อ",
        "A case handed to a service, with consent for referral on record (or a supervisor's override with a reason).",
        "การส่งต่อกรณีไปยังบริการ โดยต้องมีความยินยอมในการส่งต่อ (หรือหัวหน้างานบันทึกเหตุผลยกเว้น)",
    [
        new("referral.service", FieldType.Reference, "Service", "บริการ", "", "") { Required = true, Stored = true, ApiName = "serviceId" },
        new("referral.urgency", FieldType.Code, "Urgency", "ความเร่งด่วน", "Urgent referrals are overdue after 24 hours without an answer, others after 3 days.", "การส่งต่อเร่งด่วนเกินกำหนดเมื่อไม่มีคำตอบภายใน 24 ชั่วโมง กรณีอื่น 3 วัน")
            { Values = V.ReferralUrgency, Required = true, Stored = true, ApiName = "urgency" },
        new("referral.reason", FieldType.LongText, "Reason and urgent needs", "เหตุผลและความต้องการเร่งด่วน", "", "")
            { Identifying = true, Stored = true, ApiName = "reason", MaxLength = 2000 },
        new("referral.status", FieldType.Code, "Status", "สถานะ", "", "")
            { Values = V.ReferralStatus, Required = true, Stored = true, ApiName = "status" },
        new("referral.consentOverride", FieldType.LongText, "Consent override reason", "เหตุผลการยกเว้นความยินยอม",
            "Only a supervisor, only when the person cannot consent; audited.", "เฉพาะหัวหน้างาน เมื่อบุคคลให้ความยินยอมไม่ได้ มีการบันทึกตรวจสอบ")
            { Identifying = true, Stored = true, ApiName = "consentOverride", MaxLength = 2000 },
    ]);

    private static StandardSection FollowUp() => new("followUp", "Follow-up", "การติดตามผล",
        "Contacts after the person leaves care, usually at 3, 6 and 12 months, recorded with what was found. The aftercare figures come from these.",
        "การติดต่อหลังบุคคลออกจากการดูแล โดยทั่วไปที่ 3, 6 และ 12 เดือน พร้อมผลที่พบ ตัวเลขผลลัพธ์หลังการดูแลคำนวณจากข้อมูลนี้",
    [
        new("followUp.dueOn", FieldType.Date, "Due on", "กำหนดติดตาม", "", "") { Required = true, AllowsFuture = true, Stored = true, ApiName = "dueOn" },
        new("followUp.doneOn", FieldType.Date, "Done on", "วันที่ติดตาม", "", "") { Stored = true, ApiName = "doneOn" },
        new("followUp.outcomes", FieldType.Codes, "Outcome", "ผลการติดตาม", "Everything that holds; re-trafficked counts against the aftercare figure.", "ทุกข้อที่เป็นจริง การถูกค้ามนุษย์ซ้ำนับเป็นผลลบในตัวเลขหลังการดูแล")
            { Values = V.FollowUpOutcome, Stored = true, ApiName = "outcomes" },
        new("followUp.note", FieldType.LongText, "Note", "บันทึก", "", "") { Identifying = true, Stored = true, ApiName = "note", MaxLength = 2000 },
    ]);

    private static StandardSection Pathway() => new("pathway", "Care pathway", "เส้นทางการดูแล",
        "The steps a survivor is expected to go through, each with the service types that fulfil it and an expected time. A step's status is derived from the record (a referral of that type under way or completed, a health screening, a follow-up done) or marked by hand.",
        "ขั้นตอนที่ผู้เสียหายควรได้รับ แต่ละขั้นมีประเภทบริการและเวลาที่คาดหมาย สถานะของขั้นตอนคำนวณจากข้อมูลในระบบ (การส่งต่อบริการประเภทนั้น การคัดกรองสุขภาพจิต การติดตามผล) หรือบันทึกด้วยตนเอง",
    [
        new("pathway.step", FieldType.Code, "Step", "ขั้นตอน", "", "") { Values = V.PathwayStep, Required = true, Stored = true, ApiName = "code" },
        new("pathway.step.serviceTypes", FieldType.Codes, "Service types", "ประเภทบริการ", "Services that fulfil the step; the gaps view looks for them in the case's province.", "บริการที่ทำให้ขั้นตอนนี้สำเร็จ มุมมองช่องว่างค้นหาบริการเหล่านี้ในจังหวัดของกรณี")
            { Values = V.ServiceType, Stored = true, ApiName = "serviceTypes" },
        new("pathway.step.expectedDays", FieldType.WholeNumber, "Expected within (days)", "ภายใน (วัน)", "", "")
            { Required = true, Stored = true, ApiName = "expectedDays", Minimum = 0, Maximum = 3650 },
        new("pathway.step.from", FieldType.Code, "Counted from", "นับจาก", "", "") { Values = V.PathwayStepFrom, Required = true, Stored = true, ApiName = "from" },
        new("pathway.step.status", FieldType.Code, "Step status", "สถานะขั้นตอน", "Overdue: past its expected time and not done. Missed: skipped, the case closed without it, or more than 90 days overdue.", "เกินกำหนด: เลยเวลาที่คาดหมายและยังไม่เสร็จ พลาด: ข้ามขั้นตอน ปิดกรณีโดยไม่ได้ทำ หรือเกินกำหนดกว่า 90 วัน")
            { Values = V.PathwayStepStatus, Derived = true, ApiName = "status" },
        new("pathway.step.mark", FieldType.Code, "Marked by hand", "บันทึกด้วยตนเอง", "", "") { Values = V.PathwayMark, Stored = true, ApiName = "mark" },
    ]);

    private static StandardSection Tasks() => new("task", "Task", "งาน",
        "Work for a role or a user of an organisation, opened by Saphan's rules (a suicide-risk answer, a positive forced-labour screen, an overdue referral). Urgent tasks are closed only with a note on the action taken.",
        "งานสำหรับบทบาทหรือผู้ใช้ของหน่วยงาน ที่ Saphan เปิดตามกฎ (คำตอบบ่งชี้ความเสี่ยงฆ่าตัวตาย ผลคัดกรองแรงงานบังคับเป็นบวก การส่งต่อเกินกำหนด) งานเร่งด่วนปิดได้เมื่อบันทึกการดำเนินการที่ทำไปแล้วเท่านั้น",
    [
        new("task.kind", FieldType.Code, "Kind", "ประเภทงาน", "", "") { Values = Saphan.Core.Features.Tasks.TaskValueSets.Kind, Required = true, Stored = true, ApiName = "kind" },
        new("task.urgency", FieldType.Code, "Urgency", "ความเร่งด่วน", "", "") { Values = Saphan.Core.Features.Tasks.TaskValueSets.Urgency, Required = true, Stored = true, ApiName = "urgency" },
        new("task.title", FieldType.Code, "Title", "หัวข้องาน", "", "") { Values = Saphan.Core.Features.Tasks.TaskValueSets.Title, Required = true, Stored = true, ApiName = "titleCode" },
        new("task.detail", FieldType.Text, "Detail", "รายละเอียด", "Written by the rule that opened the task; never identifying.", "เขียนโดยกฎที่เปิดงาน ไม่มีข้อมูลระบุตัวตน")
            { Stored = true, ApiName = "detail", MaxLength = 500 },
        new("task.assigneeRole", FieldType.Code, "For role", "สำหรับบทบาท", "Everyone in the organisation holding the role sees the task.", "ทุกคนในหน่วยงานที่มีบทบาทนี้เห็นงาน")
            { Values = Reference.ValueSets.Role, Stored = true, ApiName = "assigneeRole" },
        new("task.assigneeUser", FieldType.Reference, "For user", "สำหรับผู้ใช้", "", "") { Stored = true, ApiName = "assigneeUserId" },
        new("task.dueAt", FieldType.Date, "Due", "กำหนดเสร็จ", "", "") { Stored = true, ApiName = "dueAt", AllowsFuture = true },
        new("task.status", FieldType.Code, "Status", "สถานะ", "", "") { Values = Saphan.Core.Features.Tasks.TaskValueSets.Status, Required = true, Stored = true, ApiName = "status" },
        new("task.closureNote", FieldType.LongText, "Action taken", "การดำเนินการที่ทำไปแล้ว",
            "Required to close an urgent task (at least 10 characters).", "จำเป็นเมื่อปิดงานเร่งด่วน (อย่างน้อย 10 ตัวอักษร)")
            { Identifying = true, Stored = true, ApiName = "closureNote", MaxLength = 2000 },
    ]);

    private static StandardSection Screenings() => new("screening", "Screening", "การคัดกรอง",
        "A scored instrument recorded on a case (see docs/screenings.md for items, scoring, bands and decision rules). Health instruments are PDPA s.26 data: only supervisors and case workers record and see them, and every view is audited.",
        "แบบคัดกรองที่ให้คะแนนและบันทึกในกรณี (ดู docs/screenings.md) แบบคัดกรองด้านสุขภาพเป็นข้อมูลอ่อนไหวตามมาตรา 26 พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล เฉพาะหัวหน้างานและเจ้าหน้าที่ดูแลกรณีเท่านั้นที่บันทึกและเห็นได้ และทุกการเปิดดูถูกบันทึก",
    [
        new("screening.instrument", FieldType.Code, "Instrument", "แบบคัดกรอง", "With its version, stored beside each screening.", "พร้อมเวอร์ชัน บันทึกไว้กับการคัดกรองแต่ละครั้ง")
            { Values = Saphan.Core.Features.Screenings.ScreeningInstruments.ValueSet, Required = true, Stored = true, ApiName = "instrument" },
        new("screening.category", FieldType.Code, "Category", "หมวด", "", "")
            { Values = Saphan.Core.Features.Screenings.ScreeningInstruments.Categories, Derived = true, Stored = true, ApiName = "category" },
        new("screening.answers", FieldType.Text, "Answers", "คำตอบ", "One whole number per item, in item order.", "จำนวนเต็มหนึ่งค่าต่อข้อ ตามลำดับข้อ")
            { Required = true, Identifying = true, Sensitive = SensitiveData.Health, Repeating = true, Stored = true, ApiName = "answers" },
        new("screening.score", FieldType.WholeNumber, "Score", "คะแนน", "", "")
            { Derived = true, Sensitive = SensitiveData.Health, Stored = true, ApiName = "score", Minimum = 0, Maximum = 80 },
        new("screening.band", FieldType.Code, "Band", "ระดับ", "The instrument's published band of the score, or its decision rule's outcome.", "ระดับตามเกณฑ์ที่เผยแพร่ของแบบคัดกรอง หรือผลของกฎการตัดสินใจ")
            { Values = Saphan.Core.Features.Screenings.ScreeningInstruments.Bands, Derived = true, Sensitive = SensitiveData.Health, Stored = true, ApiName = "band" },
        new("screening.flags", FieldType.Codes, "Flags", "สัญญาณเตือน", "Each flag opens tasks (suicide risk: urgent, for the supervisors).", "สัญญาณเตือนแต่ละข้อเปิดงาน (ความเสี่ยงฆ่าตัวตาย: เร่งด่วน สำหรับหัวหน้างาน)")
            { Values = Saphan.Core.Features.Screenings.ScreeningFlags.All, Derived = true, Stored = true, ApiName = "flags" },
    ]);

    private static StandardSection Perpetrator() => new("perpetrator", "Suspect", "ผู้ต้องสงสัย",
        "People and companies suspected of trafficking. Law-enforcement roles only.",
        "บุคคลและนิติบุคคลที่ต้องสงสัยว่ากระทำการค้ามนุษย์ เฉพาะเจ้าหน้าที่บังคับใช้กฎหมาย",
    [
        new("perpetrator.kind", FieldType.Code, "Person or company", "บุคคลหรือนิติบุคคล", "", "") { Values = V.SuspectKind, Required = true },
        new("perpetrator.name", FieldType.Text, "Name", "ชื่อ", "", "") { Identifying = true, Required = true, MaxLength = 200 },
        new("perpetrator.roles", FieldType.Codes, "Roles in the process", "บทบาทในกระบวนการ", "", "") { Values = V.PerpetratorRole },
        new("perpetrator.identifierType", FieldType.Code, "Identifier type", "ประเภทข้อมูลระบุตัว",
            "Matched across cases by keyed hash, never decrypted in bulk.", "จับคู่ข้ามคดีด้วยค่าแฮชที่มีกุญแจ ไม่ถอดรหัสเป็นชุด")
            { Values = V.SuspectIdentifierType },
        new("perpetrator.identifierValue", FieldType.Text, "Identifier", "ข้อมูลระบุตัว", "", "") { Identifying = true, MaxLength = 200 },
    ]);

    private static StandardSection Justice() => new("justice", "Legal case and operation", "คดีและปฏิบัติการ",
        "Prosecution under the Anti-Trafficking in Persons Act B.E. 2551, operations, asset seizure and compensation.",
        "การดำเนินคดีตาม พ.ร.บ. ป้องกันและปราบปรามการค้ามนุษย์ พ.ศ. 2551 ปฏิบัติการ การยึดทรัพย์ และค่าสินไหมทดแทน",
    [
        new("justice.stage", FieldType.Code, "Stage", "ขั้นตอนคดี", "", "") { Values = V.LegalStage, Required = true },
        new("justice.charges", FieldType.Codes, "Charges", "ข้อหา", "", "") { Values = V.TipActSection },
        new("justice.operationType", FieldType.Code, "Operation type", "ประเภทปฏิบัติการ", "", "") { Values = V.OperationType, Required = true },
        new("justice.assetStatus", FieldType.Code, "Asset status", "สถานะทรัพย์สิน", "", "") { Values = V.AssetStatus },
        new("justice.assetValueThb", FieldType.MoneyThb, "Asset value", "มูลค่าทรัพย์สิน", "Stored in satang as a whole number.", "เก็บเป็นสตางค์ จำนวนเต็ม"),
    ]);

    private static StandardField[] Place(string step, string english, string thai, string? country) =>
    [
        new($"event.{step}.country", FieldType.Country, english + " country", "ประเทศที่เกิด" + thai, "", "")
            { Values = Countries.All, Required = true, Htcds = "hte_Country", Ctdc = country },
        new($"event.{step}.province", FieldType.Province, english + " province", "จังหวัดที่เกิด" + thai,
            "Only when the country is Thailand.", "เฉพาะเมื่อประเทศเป็นไทย")
            { Values = Provinces.All, Htcds = "hte_State" },
        new($"event.{step}.district", FieldType.Text, english + " district", "อำเภอที่เกิด" + thai,
            "District (amphoe) or town. Leave out anything more precise: a survivor's safety outranks completeness.", "อำเภอหรือเมือง ไม่ต้องระบุละเอียดกว่านี้ ความปลอดภัยของผู้เสียหายสำคัญกว่าความครบถ้วน")
            { MaxLength = 100, Htcds = "hte_City" },
    ];

    private static StandardField Description(string step) =>
        new($"event.{step}.description", FieldType.LongText, "Description", "คำอธิบาย",
            "What happened, in the person's words where possible.", "สิ่งที่เกิดขึ้น ใช้คำพูดของบุคคลเมื่อเป็นไปได้")
            { Identifying = true, MaxLength = 4000, Htcds = "hte_Description" };

    private static FrozenDictionary<string, string> AppNames() => Map(
        ("line", "Line"), ("facebook", "Facebook"), ("facebook_messenger", "FacebookMessenger"), ("tiktok", "TikTok"), ("wechat", "WeChat"),
        ("telegram", "Telegram"), ("whatsapp", "WhatsApp"), ("instagram", "Instagram"), ("viber", "Viber"), ("snapchat", "SnapChat"),
        ("twitter", "Twitter"), ("qq", "QQ"), ("qzone", "QZone"), ("4sale", "4Sale"), ("other", "Other"));

    private static FrozenDictionary<string, string> Map(params (string Code, string Name)[] pairs) =>
        pairs.ToFrozenDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
}

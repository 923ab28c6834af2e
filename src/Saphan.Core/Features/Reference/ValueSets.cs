namespace Saphan.Core.Features.Reference;

/// <summary>
/// The coded value sets of the foundation record, aligned with HTCDS v2 (IOM) where it defines them.
/// The full data dictionary extends these; codes here must stay stable.
/// </summary>
public static class ValueSets
{
    /// <summary>HTCDS prs_Gender: Male, Female, Transgender/NonConforming, Unknown.</summary>
    public static readonly ValueSet Gender = new("gender",
    [
        new("female", "Female", "หญิง"),
        new("male", "Male", "ชาย"),
        new("transgender_nonconforming", "Transgender / non-conforming", "คนข้ามเพศ / ไม่ระบุเพศตามขนบ"),
        new("unknown", "Unknown", "ไม่ทราบ"),
    ]);

    /// <summary>HTCDS case status.</summary>
    public static readonly ValueSet CaseStatus = new("caseStatus",
    [
        new("active", "Active", "กำลังดำเนินการ"),
        new("follow_up", "Follow-up", "ติดตามผล"),
        new("closed", "Closed", "ปิดแล้ว"),
        new("closed_referred", "Closed – referred", "ปิด – ส่งต่อแล้ว"),
    ]);

    /// <summary>How the person came to the organisation's attention.</summary>
    public static readonly ValueSet IdentificationRoute = new("identificationRoute",
    [
        new("hotline", "Hotline or tip", "สายด่วน / แจ้งเบาะแส"),
        new("outreach", "Outreach", "ลงพื้นที่เชิงรุก"),
        new("police_operation", "Police operation", "ปฏิบัติการของตำรวจ"),
        new("labour_inspection", "Labour inspection", "การตรวจแรงงาน"),
        new("border_screening", "Border or immigration screening", "การคัดกรองที่ชายแดน / ตรวจคนเข้าเมือง"),
        new("self_referral", "Self-referral", "ติดต่อเข้ามาเอง"),
        new("ngo_referral", "Referral from another organisation", "ส่งต่อจากหน่วยงานอื่น"),
        new("embassy", "Embassy or consulate", "สถานทูต / สถานกงสุล"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    /// <summary>Identity documents. Many survivors have none, which is why every one is optional.</summary>
    public static readonly ValueSet DocumentType = new("documentType",
    [
        new("thai_id", "Thai national ID card", "บัตรประจำตัวประชาชน"),
        new("passport", "Passport", "หนังสือเดินทาง"),
        new("pink_card", "Pink card (migrant worker ID)", "บัตรชมพู (บัตรประจำตัวแรงงานต่างด้าว)"),
        new("certificate_of_identity", "Certificate of identity", "หนังสือรับรองสถานะบุคคล (CI)"),
        new("border_pass", "Border pass", "บัตรผ่านแดน"),
        new("birth_certificate", "Birth certificate", "สูติบัตร"),
        new("other", "Other", "อื่น ๆ"),
    ]);

    public static readonly ValueSet OrganisationType = new("organisationType",
    [
        new("ngo", "NGO", "องค์กรพัฒนาเอกชน"),
        new("shelter", "Shelter", "บ้านพักคุ้มครอง"),
        new("government", "Government agency", "หน่วยงานรัฐ"),
        new("police", "Police / anti-trafficking unit", "ตำรวจ / หน่วยปราบปรามการค้ามนุษย์"),
        new("labour_inspection", "Labour inspection", "ตรวจแรงงาน"),
        new("trade_union", "Trade union", "สหภาพแรงงาน"),
        new("hotline", "Hotline", "สายด่วน"),
        new("repository", "Neutral data repository", "คลังข้อมูลกลาง"),
    ]);

    public static readonly ValueSet Role = new("role",
    [
        new("org_admin", "Organisation admin", "ผู้ดูแลองค์กร"),
        new("supervisor", "Supervisor", "หัวหน้างาน"),
        new("case_worker", "Case worker", "เจ้าหน้าที่ดูแลรายกรณี"),
        new("law_enforcement", "Law enforcement", "เจ้าหน้าที่บังคับใช้กฎหมาย"),
        new("labour_inspector", "Labour inspector", "พนักงานตรวจแรงงาน"),
        new("hotline_operator", "Hotline operator", "เจ้าหน้าที่สายด่วน"),
        new("analyst", "Analyst", "นักวิเคราะห์ข้อมูล"),
        new("network_admin", "Network admin", "ผู้ดูแลเครือข่าย"),
    ]);

    /// <summary>Languages that matter most in Thai casework (ISO 639-1, or 639-3 where there is no 639-1 code).</summary>
    public static readonly ValueSet Language = new("language",
    [
        new("th", "Thai", "ไทย"),
        new("my", "Burmese", "พม่า"),
        new("km", "Khmer", "เขมร"),
        new("lo", "Lao", "ลาว"),
        new("shn", "Shan", "ไทใหญ่"),
        new("kar", "Karen", "กะเหรี่ยง"),
        new("mnw", "Mon", "มอญ"),
        new("vi", "Vietnamese", "เวียดนาม"),
        new("zh", "Chinese", "จีน"),
        new("ms", "Malay", "มลายู"),
        new("hmn", "Hmong", "ม้ง"),
        new("en", "English", "อังกฤษ"),
        new("id", "Indonesian", "อินโดนีเซีย"),
        new("bn", "Bengali", "เบงกาลี"),
        new("ne", "Nepali", "เนปาล"),
        new("ru", "Russian", "รัสเซีย"),
        new("other", "Other", "อื่น ๆ"),
    ]);
}

using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Tasks;

/// <summary>The codes of tasks (kinds, titles, urgency, status). Features that open tasks add their codes here.</summary>
public static class TaskValueSets
{
    public const string SuicideRisk = "suicide_risk";
    public const string ForcedLabour = "forced_labour";
    public const string ChildTrafficking = "child_trafficking";
    public const string ReferralOverdue = "referral_overdue";
    public const string FollowUp = "follow_up";
    public const string PathwayStep = "pathway_step";

    public static readonly ValueSet Kind = new("taskKind",
    [
        new(SuicideRisk, "Suicide risk", "ความเสี่ยงฆ่าตัวตาย"),
        new(ForcedLabour, "Forced-labour indicators", "ข้อบ่งชี้แรงงานบังคับ"),
        new(ChildTrafficking, "Child-trafficking indicators", "ข้อบ่งชี้การค้าเด็ก"),
        new(ReferralOverdue, "Overdue referral", "การส่งต่อเกินกำหนด"),
        new(FollowUp, "Follow-up", "การติดตาม"),
        new(PathwayStep, "Late pathway step", "ขั้นตอนเส้นทางการดูแลล่าช้า"),
    ]);

    public static readonly ValueSet Title = new("taskTitle",
    [
        new("suicide_risk_follow_up", "Suicide-risk answer on a screening: speak with the person and make a safety plan today",
            "มีคำตอบบ่งชี้ความเสี่ยงฆ่าตัวตายในแบบคัดกรอง: พูดคุยกับบุคคลและจัดทำแผนความปลอดภัยภายในวันนี้"),
        new("forced_labour_review", "Forced-labour screen positive: check the inspector's referral to law enforcement",
            "ผลคัดกรองแรงงานบังคับเป็นบวก: ตรวจสอบการส่งต่อของพนักงานตรวจแรงงานไปยังเจ้าหน้าที่บังคับใช้กฎหมาย"),
        new("forced_labour_investigate", "Forced-labour screen positive: referral for investigation",
            "ผลคัดกรองแรงงานบังคับเป็นบวก: ส่งต่อเพื่อสืบสวน"),
        new("child_trafficking_review", "Child-trafficking screen positive: arrange child protection and check the referral",
            "ผลคัดกรองการค้าเด็กเป็นบวก: จัดการคุ้มครองเด็กและตรวจสอบการส่งต่อ"),
        new("child_trafficking_investigate", "Child-trafficking screen positive: referral for investigation",
            "ผลคัดกรองการค้าเด็กเป็นบวก: ส่งต่อเพื่อสืบสวน"),
        new("referral_overdue", "A referral has had no answer in time: follow it up", "การส่งต่อยังไม่ได้รับการตอบรับภายในกำหนด: ติดตาม"),
        new("follow_up", "Follow up the case", "ติดตามกรณี"),
        new("pathway_step_overdue", "A step of the case's care pathway is overdue: arrange it or mark it", "ขั้นตอนในเส้นทางการดูแลของกรณีเกินกำหนด: จัดการหรือบันทึกสถานะ"),
        new("pathway_step_escalated", "A pathway step is still overdue: check with the case's worker", "ขั้นตอนในเส้นทางการดูแลยังเกินกำหนด: ตรวจสอบกับผู้รับผิดชอบกรณี"),
    ]);

    public static readonly ValueSet Urgency = new("taskUrgency",
    [
        new(TaskUrgency.Normal, "Normal", "ปกติ"),
        new(TaskUrgency.Urgent, "Urgent", "เร่งด่วน"),
    ]);

    public static readonly ValueSet Status = new("taskStatus",
    [
        new(TaskStatus.Open, "Open", "เปิดอยู่"),
        new(TaskStatus.Done, "Done", "เสร็จแล้ว"),
    ]);
}

namespace Saphan.Web.Features.Tips;

/// <summary>
/// The public tip pages' words in the five languages of the people who send tips: Thai, English,
/// Burmese, Khmer and Lao. The staff UI's localizer has only English and Thai, and these pages are
/// for the public, so they carry their own small table. Short sentences, plain words.
/// </summary>
public sealed class TipTexts
{
    public const string DefaultLanguage = "th";

    /// <summary>Each language's own name, in its own script, for the language buttons.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Languages =
        [("th", "ไทย"), ("en", "English"), ("my", "မြန်မာ"), ("km", "ខ្មែរ"), ("lo", "ລາວ")];

    private readonly IReadOnlyDictionary<string, string> _texts;

    private TipTexts(string code, IReadOnlyDictionary<string, string> texts)
    {
        Code = code;
        _texts = texts;
    }

    public string Code { get; }

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text : All["en"]._texts[key];

    public static IReadOnlyDictionary<string, TipTexts> All { get; } = Build();

    public static IReadOnlyList<string> Keys => [.. All["en"]._texts.Keys];

    public static TipTexts For(string? code) => code is not null && All.TryGetValue(code, out var texts) ? texts : All[DefaultLanguage];

    /// <summary>The language asked for in the address, else the browser's first of ours, else Thai.</summary>
    public static string Choose(string? requested, string? acceptLanguage)
    {
        if (requested is not null && All.ContainsKey(requested))
        {
            return requested;
        }

        foreach (var part in (acceptLanguage ?? "").Split(','))
        {
            var tag = part.Split(';')[0].Trim();
            var primary = tag.Split('-')[0].ToLowerInvariant();
            if (All.ContainsKey(primary))
            {
                return primary;
            }
        }

        return DefaultLanguage;
    }

    private static Dictionary<string, TipTexts> Build()
    {
        // key: th, en, my, km, lo
        var rows = new (string Key, string Th, string En, string My, string Km, string Lo)[]
        {
            ("title", "แจ้งเบาะแส", "Report a tip", "သတင်းပေးပို့ရန်", "រាយការណ៍ព័ត៌មាន", "ແຈ້ງຂໍ້ມູນ"),
            ("anonymous",
                "คุณไม่ต้องบอกชื่อ เราไม่เก็บที่อยู่ IP หรือข้อมูลโทรศัพท์ของคุณ",
                "You do not have to give your name. We do not keep your IP address or any data about your phone.",
                "သင့်အမည် ပေးရန် မလိုပါ။ သင့် IP လိပ်စာ သို့မဟုတ် ဖုန်းအချက်အလက်များကို ကျွန်ုပ်တို့ မသိမ်းဆည်းပါ။",
                "អ្នកមិនចាំបាច់ប្រាប់ឈ្មោះទេ។ យើងមិនរក្សាទុកអាសយដ្ឋាន IP ឬព័ត៌មានទូរស័ព្ទរបស់អ្នកទេ។",
                "ທ່ານບໍ່ຈຳເປັນຕ້ອງບອກຊື່. ພວກເຮົາບໍ່ເກັບທີ່ຢູ່ IP ຫຼື ຂໍ້ມູນໂທລະສັບຂອງທ່ານ."),
            ("emergency",
                "มีอันตรายตอนนี้? โทร 191 (ตำรวจ) หรือ 1300 (สายด่วนช่วยเหลือ)",
                "In danger now? Call 191 (police) or 1300 (help hotline).",
                "ယခု အန္တရာယ်ရှိပါသလား။ 191 (ရဲ) သို့မဟုတ် 1300 (အကူအညီ ဖုန်းလိုင်း) ကို ခေါ်ပါ။",
                "មានគ្រោះថ្នាក់ឥឡូវនេះ? ហៅលេខ 191 (ប៉ូលិស) ឬ 1300 (ខ្សែទូរស័ព្ទជំនួយ)។",
                "ມີອັນຕະລາຍຕອນນີ້ບໍ? ໂທ 191 (ຕຳຫຼວດ) ຫຼື 1300 (ສາຍດ່ວນຊ່ວຍເຫຼືອ)."),
            ("what", "เกิดอะไรขึ้น", "What happened?", "ဘာဖြစ်ခဲ့သလဲ။", "តើមានរឿងអ្វីកើតឡើង?", "ເກີດຫຍັງຂຶ້ນ?"),
            ("whatHint",
                "เล่าสิ่งที่คุณเห็นหรือได้ยิน ด้วยคำพูดของคุณเอง",
                "Tell us what you saw or heard, in your own words.",
                "သင်မြင်ခဲ့ သို့မဟုတ် ကြားခဲ့သည်များကို သင့်စကားဖြင့် ပြောပြပါ။",
                "សូមប្រាប់អ្វីដែលអ្នកបានឃើញ ឬបានឮ តាមពាក្យរបស់អ្នកផ្ទាល់។",
                "ບອກສິ່ງທີ່ທ່ານເຫັນ ຫຼື ໄດ້ຍິນ ດ້ວຍຄຳເວົ້າຂອງທ່ານເອງ."),
            ("where", "เกิดที่ไหน", "Where did it happen?", "ဘယ်မှာ ဖြစ်ခဲ့သလဲ။", "តើវាកើតឡើងនៅឯណា?", "ເກີດຂຶ້ນຢູ່ໃສ?"),
            ("province", "จังหวัด", "Province", "ခရိုင်", "ខេត្ត", "ແຂວງ"),
            ("chooseProvince", "เลือกจังหวัด", "Choose a province", "ခရိုင်ကို ရွေးပါ", "ជ្រើសរើសខេត្ត", "ເລືອກແຂວງ"),
            ("place",
                "สถานที่ (อำเภอ หมู่บ้าน ที่ทำงาน) ไม่บังคับ",
                "Place (district, village, workplace), optional",
                "နေရာ (မြို့နယ်၊ ရွာ၊ အလုပ်နေရာ) — မဖြည့်လည်း ရပါသည်",
                "ទីកន្លែង (ស្រុក ភូមិ កន្លែងធ្វើការ) — មិនបង្ខំ",
                "ສະຖານທີ່ (ເມືອງ, ບ້ານ, ບ່ອນເຮັດວຽກ) — ບໍ່ບັງຄັບ"),
            ("when", "เมื่อไร", "When?", "ဘယ်အချိန်လဲ။", "នៅពេលណា?", "ເມື່ອໃດ?"),
            ("when.now", "กำลังเกิดขึ้นตอนนี้", "It is happening now", "ယခု ဖြစ်နေဆဲ", "កំពុងកើតឡើងឥឡូវនេះ", "ກຳລັງເກີດຂຶ້ນຕອນນີ້"),
            ("when.today", "วันนี้", "Today", "ယနေ့", "ថ្ងៃនេះ", "ມື້ນີ້"),
            ("when.last_week", "ในสัปดาห์ที่ผ่านมา", "In the last week", "ပြီးခဲ့သော တစ်ပတ်အတွင်း", "ក្នុងសប្តាហ៍កន្លងមក", "ໃນອາທິດທີ່ຜ່ານມາ"),
            ("when.earlier", "ก่อนหน้านั้น", "Earlier", "အရင်က", "មុននេះ", "ກ່ອນໜ້ານັ້ນ"),
            ("when.unknown", "ไม่แน่ใจ", "I am not sure", "မသေချာပါ", "ខ្ញុំមិនប្រាកដទេ", "ບໍ່ແນ່ໃຈ"),
            ("danger",
                "มีคนตกอยู่ในอันตรายตอนนี้",
                "Someone is in danger right now",
                "တစ်စုံတစ်ယောက် ယခု အန္တရာယ်ရှိနေသည်",
                "មាននរណាម្នាក់កំពុងស្ថិតក្នុងគ្រោះថ្នាក់ឥឡូវនេះ",
                "ມີຄົນກຳລັງຢູ່ໃນອັນຕະລາຍຕອນນີ້"),
            ("children",
                "อาจมีเด็ก (อายุต่ำกว่า 18 ปี) ตกอยู่ในอันตราย",
                "Children (under 18) may be at risk",
                "ကလေးများ (အသက် ၁၈ နှစ်အောက်) အန္တရာယ်ရှိနိုင်သည်",
                "កុមារ (អាយុក្រោម ១៨ ឆ្នាំ) អាចស្ថិតក្នុងគ្រោះថ្នាក់",
                "ອາດມີເດັກນ້ອຍ (ອາຍຸຕ່ຳກວ່າ 18 ປີ) ຢູ່ໃນອັນຕະລາຍ"),
            ("childrenCount", "เด็กกี่คน (ถ้าทราบ)", "How many children? (if you know)", "ကလေး ဘယ်နှစ်ယောက်လဲ။ (သိလျှင်)", "កុមារប៉ុន្មាននាក់? (បើអ្នកដឹង)", "ເດັກນ້ອຍຈັກຄົນ? (ຖ້າຮູ້)"),
            ("contact",
                "ติดต่อคุณได้อย่างไร (ไม่บังคับ)",
                "How can we reach you? (optional)",
                "သင့်ကို ဘယ်လို ဆက်သွယ်နိုင်မလဲ။ (မဖြည့်လည်း ရပါသည်)",
                "តើយើងអាចទាក់ទងអ្នកដោយរបៀបណា? (មិនបង្ខំ)",
                "ພວກເຮົາຈະຕິດຕໍ່ທ່ານໄດ້ແນວໃດ? (ບໍ່ບັງຄັບ)"),
            ("contactHint",
                "เฉพาะเมื่อปลอดภัยสำหรับคุณ: โทรศัพท์ LINE หรืออีเมล",
                "Only if it is safe for you: phone, LINE or e-mail.",
                "သင့်အတွက် လုံခြုံမှသာ — ဖုန်း၊ LINE သို့မဟုတ် အီးမေးလ်။",
                "លុះត្រាតែមានសុវត្ថិភាពសម្រាប់អ្នក៖ ទូរស័ព្ទ LINE ឬអ៊ីមែល។",
                "ສະເພາະເມື່ອປອດໄພສຳລັບທ່ານ: ໂທລະສັບ, LINE ຫຼື ອີເມວ."),
            ("send", "ส่ง", "Send", "ပို့ရန်", "ផ្ញើ", "ສົ່ງ"),
            ("thanks",
                "ขอบคุณ เราได้รับเบาะแสของคุณแล้ว",
                "Thank you. We received your tip.",
                "ကျေးဇူးတင်ပါသည်။ သင့်သတင်းကို လက်ခံရရှိပါပြီ။",
                "សូមអរគុណ។ យើងបានទទួលព័ត៌មានរបស់អ្នកហើយ។",
                "ຂອບໃຈ. ພວກເຮົາໄດ້ຮັບຂໍ້ມູນຂອງທ່ານແລ້ວ."),
            ("receipt", "รหัสใบรับของคุณ", "Your receipt code", "သင့် လက်ခံဖြတ်ပိုင်း ကုဒ်", "លេខកូដបង្កាន់ដៃរបស់អ្នក", "ລະຫັດໃບຮັບຂອງທ່ານ"),
            ("receiptHint",
                "จดไว้หรือถ่ายรูปไว้ รหัสนี้แสดงเพียงครั้งเดียว ใช้ตรวจสอบสถานะหรือเพิ่มข้อมูลภายหลังได้ อย่าให้ผู้อื่นเห็น",
                "Write it down or take a photo. It is shown only once. With it you can check the status or add information later. Keep it away from others.",
                "ရေးမှတ်ထားပါ သို့မဟုတ် ဓာတ်ပုံရိုက်ထားပါ။ ဤကုဒ်ကို တစ်ကြိမ်သာ ပြပါမည်။ ၎င်းဖြင့် အခြေအနေကို စစ်ဆေးနိုင်ပြီး နောက်မှ အချက်အလက် ထပ်ပေးနိုင်ပါသည်။ အခြားသူများ မမြင်အောင် ထားပါ။",
                "សូមកត់ទុក ឬថតរូបទុក។ វាបង្ហាញតែម្តងប៉ុណ្ណោះ។ ជាមួយវា អ្នកអាចពិនិត្យស្ថានភាព ឬបន្ថែមព័ត៌មាននៅពេលក្រោយ។ កុំឱ្យអ្នកដទៃឃើញ។",
                "ຈົດໄວ້ ຫຼື ຖ່າຍຮູບໄວ້. ລະຫັດນີ້ສະແດງພຽງຄັ້ງດຽວ. ໃຊ້ມັນເພື່ອກວດສະຖານະ ຫຼື ເພີ່ມຂໍ້ມູນພາຍຫຼັງ. ຢ່າໃຫ້ຄົນອື່ນເຫັນ."),
            ("checkLink",
                "ตรวจสอบเบาะแสหรือเพิ่มข้อมูล",
                "Check a tip or add information",
                "သတင်းကို စစ်ဆေးရန် သို့မဟုတ် အချက်အလက် ထပ်ပေးရန်",
                "ពិនិត្យព័ត៌មាន ឬបន្ថែមព័ត៌មាន",
                "ກວດຂໍ້ມູນ ຫຼື ເພີ່ມຂໍ້ມູນ"),
            ("newTip", "แจ้งเบาะแสใหม่", "Send a new tip", "သတင်းအသစ် ပေးပို့ရန်", "រាយការណ៍ព័ត៌មានថ្មី", "ແຈ້ງຂໍ້ມູນໃໝ່"),
            ("receiptLabel", "รหัสใบรับ", "Receipt code", "လက်ခံဖြတ်ပိုင်း ကုဒ်", "លេខកូដបង្កាន់ដៃ", "ລະຫັດໃບຮັບ"),
            ("check", "ตรวจสอบ", "Check", "စစ်ဆေးရန်", "ពិនិត្យ", "ກວດ"),
            ("status", "สถานะ", "Status", "အခြေအနေ", "ស្ថានភាព", "ສະຖານະ"),
            ("status.received", "ได้รับแล้ว", "Received", "လက်ခံရရှိပြီး", "បានទទួល", "ໄດ້ຮັບແລ້ວ"),
            ("status.under_review", "กำลังตรวจสอบ", "Under review", "စစ်ဆေးနေဆဲ", "កំពុងពិនិត្យ", "ກຳລັງກວດສອບ"),
            ("status.action_taken",
                "ดำเนินการแล้ว: ส่งต่อให้หน่วยงานที่ช่วยได้",
                "Action taken: passed to a partner who can help",
                "အရေးယူဆောင်ရွက်ပြီး - ကူညီနိုင်သော အဖွဲ့အစည်းထံ လွှဲပြောင်းပြီး",
                "បានចាត់វិធានការ៖ បានបញ្ជូនទៅដៃគូដែលអាចជួយបាន",
                "ໄດ້ດຳເນີນການແລ້ວ: ສົ່ງຕໍ່ໃຫ້ອົງການທີ່ຊ່ວຍໄດ້"),
            ("status.closed", "ปิดแล้ว", "Closed", "ပိတ်ပြီး", "បានបិទ", "ປິດແລ້ວ"),
            ("notFound",
                "ไม่พบเบาะแสสำหรับรหัสนี้ ตรวจสอบรหัสแล้วลองอีกครั้ง",
                "No tip has this code. Check the code and try again.",
                "ဤကုဒ်ဖြင့် သတင်း မရှိပါ။ ကုဒ်ကို စစ်ပြီး ထပ်ကြိုးစားပါ။",
                "រកមិនឃើញព័ត៌មានសម្រាប់លេខកូដនេះទេ។ សូមពិនិត្យលេខកូដ ហើយព្យាយាមម្តងទៀត។",
                "ບໍ່ພົບຂໍ້ມູນສຳລັບລະຫັດນີ້. ກວດລະຫັດແລ້ວລອງໃໝ່."),
            ("addInfo", "เพิ่มข้อมูล", "Add information", "အချက်အလက် ထပ်ပေးရန်", "បន្ថែមព័ត៌មាន", "ເພີ່ມຂໍ້ມູນ"),
            ("added",
                "ขอบคุณ เพิ่มข้อมูลของคุณแล้ว",
                "Thank you. Your information was added.",
                "ကျေးဇူးတင်ပါသည်။ သင့်အချက်အလက်ကို ထည့်ပြီးပါပြီ။",
                "សូមអរគុណ។ ព័ត៌មានរបស់អ្នកត្រូវបានបន្ថែម។",
                "ຂອບໃຈ. ເພີ່ມຂໍ້ມູນຂອງທ່ານແລ້ວ."),
            ("descriptionRequired", "กรุณาเล่าว่าเกิดอะไรขึ้น", "Please tell us what happened.", "ဘာဖြစ်ခဲ့သည်ကို ပြောပြပါ။", "សូមប្រាប់យើងថាមានរឿងអ្វីកើតឡើង។", "ກະລຸນາບອກວ່າເກີດຫຍັງຂຶ້ນ."),
            ("provinceRequired", "กรุณาเลือกจังหวัด", "Please choose a province.", "ခရိုင်ကို ရွေးပါ။", "សូមជ្រើសរើសខេត្ត។", "ກະລຸນາເລືອກແຂວງ."),
            ("tooLong", "ข้อความยาวเกินไป กรุณาทำให้สั้นลง", "This is too long. Please make it shorter.", "ရှည်လွန်းပါသည်။ တိုအောင် ပြင်ပါ။", "វាវែងពេក។ សូមធ្វើឱ្យខ្លីជាងនេះ។", "ຍາວເກີນໄປ. ກະລຸນາເຮັດໃຫ້ສັ້ນລົງ."),
            ("invalid", "กรุณาตรวจสอบคำตอบนี้", "Please check this answer.", "ဤအဖြေကို စစ်ဆေးပါ။", "សូមពិនិត្យចម្លើយនេះ។", "ກະລຸນາກວດຄຳຕອບນີ້."),
            ("retry",
                "กรุณาตรวจสอบคำตอบแล้วกดส่งอีกครั้ง",
                "Please check your answers and press Send again.",
                "သင့်အဖြေများကို စစ်ပြီး ပို့ရန်ကို ထပ်နှိပ်ပါ။",
                "សូមពិនិត្យចម្លើយរបស់អ្នក ហើយចុចផ្ញើម្តងទៀត។",
                "ກະລຸນາກວດຄຳຕອບ ແລ້ວກົດສົ່ງອີກຄັ້ງ."),
            ("tooMany",
                "มีการส่งจากที่นี่มากเกินไป กรุณารอสักครู่แล้วลองอีกครั้ง",
                "Too much was sent from here. Please wait a few minutes and try again.",
                "ဤနေရာမှ အများကြီး ပို့ထားပါသည်။ မိနစ်အနည်းငယ် စောင့်ပြီး ထပ်ကြိုးစားပါ။",
                "មានការផ្ញើច្រើនពេកពីទីនេះ។ សូមរង់ចាំប៉ុន្មាននាទី ហើយព្យាយាមម្តងទៀត។",
                "ມີການສົ່ງຈາກບ່ອນນີ້ຫຼາຍເກີນໄປ. ກະລຸນາລໍຖ້າຈັກໜ້ອຍ ແລ້ວລອງໃໝ່."),
            ("leaveEmpty", "เว้นว่างไว้", "Leave this empty", "ဤနေရာကို ကွက်လပ်ထားပါ", "ទុកកន្លែងនេះឱ្យទទេ", "ປ່ອຍບ່ອນນີ້ຫວ່າງໄວ້"),
        };

        var languages = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            ["th"] = new(StringComparer.Ordinal), ["en"] = new(StringComparer.Ordinal), ["my"] = new(StringComparer.Ordinal),
            ["km"] = new(StringComparer.Ordinal), ["lo"] = new(StringComparer.Ordinal),
        };
        foreach (var row in rows)
        {
            languages["th"].Add(row.Key, row.Th);
            languages["en"].Add(row.Key, row.En);
            languages["my"].Add(row.Key, row.My);
            languages["km"].Add(row.Key, row.Km);
            languages["lo"].Add(row.Key, row.Lo);
        }

        return languages.ToDictionary(l => l.Key, l => new TipTexts(l.Key, l.Value), StringComparer.Ordinal);
    }
}

using System.Globalization;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Demo;

/// <summary>An invented member organisation of the demo network.</summary>
public sealed record SyntheticOrganisation(string Name, string Type, string Province, string EmailDomain);

/// <summary>An invented staff account: <see cref="OrganisationIndex"/> points into <see cref="SyntheticNetworkPlan.Organisations"/>.</summary>
public sealed record SyntheticStaffMember(int OrganisationIndex, string Email, string DisplayName, IReadOnlyList<string> Roles);

/// <summary>
/// One invented person and their case, as a client would submit it. <see cref="AssignedStaffIndex"/> points into
/// <see cref="SyntheticNetworkPlan.Staff"/>: a member of the case's organisation with a role that may write cases, who
/// both opens the case and is assigned to it (the input's <c>AssignedWorkerId</c> is left empty: ids exist only once
/// the accounts do). <see cref="Exploitation"/> and <see cref="Industry"/> describe the scenario the summary tells.
/// </summary>
public sealed record SyntheticCase(int OrganisationIndex, int AssignedStaffIndex, string Exploitation, string Industry, CaseInput Input);

/// <summary>
/// A whole invented network: organisations, staff and cases. <see cref="Today"/> is the day the dates are relative to:
/// every identification date is on or before it, every birth date on or before the case's identification date.
/// </summary>
public sealed record SyntheticNetworkPlan(
    int Seed,
    DateOnly Today,
    IReadOnlyList<SyntheticOrganisation> Organisations,
    IReadOnlyList<SyntheticStaffMember> Staff,
    IReadOnlyList<SyntheticCase> Cases);

/// <summary>
/// Invents a Thai counter-trafficking caseload for demonstrations and load tests: no database, no real people.
/// The same seed, number of persons and day always give the same plan (a seeded <see cref="Random"/> is stable
/// across runs of the same .NET). Shares follow the published shape of the Thai caseload: mostly Myanmar, Thai,
/// Cambodian and Lao nationals; fishing and seafood in Samut Sakhon, Ranong and Songkhla; sexual exploitation in
/// Bangkok, Pattaya and Phuket; scam-compound returnees through Mae Sot; about a fifth children.
/// </summary>
public static class SyntheticNetwork
{
    /// <summary>A plan whose dates are relative to today (UTC): deterministic for the same seed and persons on the same day.</summary>
    public static SyntheticNetworkPlan Generate(int seed, int persons) =>
        Generate(seed, persons, DateOnly.FromDateTime(DateTime.UtcNow));

    /// <summary>A plan whose dates are relative to <paramref name="today"/>: fully deterministic.</summary>
    public static SyntheticNetworkPlan Generate(int seed, int persons, DateOnly today)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(persons);
        return new Generator(seed, today).Run(persons);
    }

    private enum Scenario
    {
        Sex,
        Fishing,
        Seafood,
        Labour,
        Domestic,
        Begging,
        Scam,
        Marriage,
    }

    private sealed record OrganisationDefinition(
        string Name, string Type, string Province, string Domain, double CaseWeight, bool National, string[][] Staff);

    private sealed record Name(string Thai, string Roman);

    private sealed record Foreigner(string Given, string? Family, bool Female);

    private sealed record PersonName(string Given, string? Family, List<string> Others, List<string> Languages);

    // Organisation types and the roles that fit them. Case weights: the share of the caseload each holds.
    private static readonly OrganisationDefinition[] OrganisationDefinitions =
    [
        new("Mekong Migrant Support Foundation", OrganisationTypes.Ngo, "TH-10", "mekong-support.example", 18, true,
            [[Roles.OrgAdmin], [Roles.Supervisor], [Roles.CaseWorker], [Roles.CaseWorker], [Roles.CaseWorker], [Roles.CaseWorker]]),
        new("Moei River Migrant Assistance Centre", OrganisationTypes.Ngo, "TH-63", "moei-assist.example", 14, false,
            [[Roles.OrgAdmin], [Roles.Supervisor], [Roles.CaseWorker], [Roles.CaseWorker], [Roles.CaseWorker]]),
        new("Baan Pak Chiang Rai Shelter", OrganisationTypes.Shelter, "TH-57", "baanpak-cr.example", 9, false,
            [[Roles.OrgAdmin], [Roles.Supervisor], [Roles.CaseWorker], [Roles.CaseWorker], [Roles.CaseWorker]]),
        new("Pattaya Safe Haven Shelter", OrganisationTypes.Shelter, "TH-20", "safehaven-pattaya.example", 8, false,
            [[Roles.OrgAdmin, Roles.Supervisor], [Roles.CaseWorker], [Roles.CaseWorker]]),
        new("MSDHS Provincial Office Chiang Mai", OrganisationTypes.Government, "TH-50", "msdhs-cm.example", 12, false,
            [[Roles.OrgAdmin], [Roles.Supervisor], [Roles.CaseWorker], [Roles.CaseWorker], [Roles.CaseWorker], [Roles.CaseWorker]]),
        new("Anti-Trafficking Police Division (ATPD) Bangkok", OrganisationTypes.Police, "TH-10", "atpd-bkk.example", 13, true,
            [[Roles.OrgAdmin], [Roles.Supervisor, Roles.LawEnforcement], [Roles.LawEnforcement], [Roles.LawEnforcement], [Roles.LawEnforcement], [Roles.LawEnforcement]]),
        new("Department of Labour Protection and Welfare, Songkhla", OrganisationTypes.LabourInspection, "TH-90", "dlpw-songkhla.example", 12, false,
            [[Roles.OrgAdmin], [Roles.Supervisor, Roles.LabourInspector], [Roles.LabourInspector], [Roles.LabourInspector], [Roles.LabourInspector]]),
        new("Thai Fishers' Union", OrganisationTypes.TradeUnion, "TH-74", "thaifishers-union.example", 0, false,
            [[Roles.OrgAdmin], [Roles.CaseWorker]]),
        new("1300 Prachabodi Hotline", OrganisationTypes.Hotline, "TH-10", "prachabodi1300.example", 0, true,
            [[Roles.OrgAdmin], [Roles.Supervisor, Roles.HotlineOperator], [Roles.HotlineOperator], [Roles.HotlineOperator], [Roles.HotlineOperator]]),
        new("Saphan Neutral Data Repository", OrganisationTypes.Repository, "TH-10", "saphan-repository.example", 0, true,
            [[Roles.OrgAdmin, Roles.NetworkAdmin], [Roles.NetworkAdmin], [Roles.Analyst], [Roles.Analyst]]),
    ];

    private static readonly (string Code, double Weight)[] Nationalities =
    [
        ("MM", 45), ("TH", 25), ("KH", 12), ("LA", 10), ("VN", 2.5), ("CN", 1.5), ("stateless", 2.5), ("other", 1.5),
    ];

    private static readonly Dictionary<string, (Scenario Scenario, double Weight)[]> ScenariosByNationality = new(StringComparer.Ordinal)
    {
        ["MM"] = [(Scenario.Fishing, 22), (Scenario.Seafood, 20), (Scenario.Labour, 30), (Scenario.Sex, 12), (Scenario.Domestic, 8), (Scenario.Scam, 5), (Scenario.Begging, 2), (Scenario.Marriage, 1)],
        ["TH"] = [(Scenario.Sex, 40), (Scenario.Scam, 25), (Scenario.Labour, 18), (Scenario.Fishing, 8), (Scenario.Domestic, 3), (Scenario.Begging, 3), (Scenario.Marriage, 3)],
        ["KH"] = [(Scenario.Fishing, 28), (Scenario.Labour, 25), (Scenario.Begging, 15), (Scenario.Seafood, 10), (Scenario.Sex, 12), (Scenario.Domestic, 5), (Scenario.Scam, 5)],
        ["LA"] = [(Scenario.Sex, 45), (Scenario.Domestic, 15), (Scenario.Labour, 18), (Scenario.Seafood, 5), (Scenario.Marriage, 10), (Scenario.Scam, 5), (Scenario.Begging, 2)],
        ["VN"] = [(Scenario.Sex, 30), (Scenario.Scam, 30), (Scenario.Labour, 20), (Scenario.Marriage, 20)],
        ["CN"] = [(Scenario.Scam, 70), (Scenario.Sex, 20), (Scenario.Labour, 10)],
        ["stateless"] = [(Scenario.Labour, 30), (Scenario.Sex, 30), (Scenario.Fishing, 10), (Scenario.Begging, 10), (Scenario.Domestic, 20)],
        ["other"] = [(Scenario.Scam, 65), (Scenario.Sex, 20), (Scenario.Labour, 15)],
    };

    // Where each kind of exploitation is identified (ISO 3166-2:TH).
    private static readonly Dictionary<Scenario, (string Province, double Weight)[]> ProvincesByScenario = new()
    {
        [Scenario.Sex] = [("TH-10", 30), ("TH-20", 20), ("TH-83", 12), ("TH-50", 10), ("TH-57", 8), ("TH-90", 10), ("TH-63", 4), ("TH-43", 3), ("TH-41", 3)],
        [Scenario.Fishing] = [("TH-74", 35), ("TH-85", 25), ("TH-90", 20), ("TH-94", 8), ("TH-20", 4), ("TH-23", 4), ("TH-82", 4)],
        [Scenario.Seafood] = [("TH-74", 60), ("TH-90", 18), ("TH-11", 12), ("TH-85", 10)],
        [Scenario.Labour] = [("TH-63", 20), ("TH-10", 15), ("TH-50", 12), ("TH-20", 10), ("TH-74", 8), ("TH-84", 8), ("TH-30", 6), ("TH-57", 6), ("TH-27", 5), ("TH-71", 5), ("TH-21", 5)],
        [Scenario.Domestic] = [("TH-10", 55), ("TH-50", 15), ("TH-12", 10), ("TH-20", 10), ("TH-11", 10)],
        [Scenario.Begging] = [("TH-10", 50), ("TH-20", 20), ("TH-27", 20), ("TH-83", 10)],
        [Scenario.Scam] = [("TH-63", 60), ("TH-10", 15), ("TH-57", 10), ("TH-27", 10), ("TH-43", 5)],
        [Scenario.Marriage] = [("TH-57", 35), ("TH-43", 20), ("TH-10", 20), ("TH-63", 10), ("TH-49", 15)],
    };

    // Border provinces people of a nationality cross through: identification there is more likely.
    private static readonly Dictionary<string, string[]> BorderProvinces = new(StringComparer.Ordinal)
    {
        ["MM"] = ["TH-63", "TH-85", "TH-57", "TH-71"],
        ["KH"] = ["TH-27", "TH-23"],
        ["LA"] = ["TH-43", "TH-49", "TH-57"],
        ["stateless"] = ["TH-57", "TH-50", "TH-90"],
    };

    private static readonly Dictionary<string, string> Places = new(StringComparer.Ordinal)
    {
        ["TH-10"] = "Bangkok", ["TH-11"] = "Samut Prakan", ["TH-12"] = "Nonthaburi", ["TH-20"] = "Pattaya", ["TH-21"] = "Rayong",
        ["TH-23"] = "Khlong Yai, Trat", ["TH-27"] = "Aranyaprathet", ["TH-30"] = "Nakhon Ratchasima", ["TH-41"] = "Udon Thani",
        ["TH-43"] = "Nong Khai", ["TH-49"] = "Mukdahan", ["TH-50"] = "Chiang Mai", ["TH-57"] = "Mae Sai, Chiang Rai",
        ["TH-63"] = "Mae Sot", ["TH-71"] = "Sangkhla Buri, Kanchanaburi", ["TH-74"] = "Mahachai, Samut Sakhon", ["TH-82"] = "Khura Buri, Phangnga",
        ["TH-83"] = "Patong, Phuket", ["TH-84"] = "Surat Thani", ["TH-85"] = "Ranong", ["TH-90"] = "Hat Yai, Songkhla", ["TH-94"] = "Pattani",
    };

    // Fishing ports, where a place name above is inland or a resort.
    private static readonly Dictionary<string, string> Ports = new(StringComparer.Ordinal)
    {
        ["TH-20"] = "Sattahip", ["TH-74"] = "Samut Sakhon", ["TH-90"] = "Songkhla", ["TH-82"] = "Khura Buri",
    };

    // Farm work by province; elsewhere any of the default crops.
    private static readonly Dictionary<string, string[]> Crops = new(StringComparer.Ordinal)
    {
        ["TH-84"] = ["a palm-oil plantation", "a rubber plantation"],
        ["TH-90"] = ["a rubber plantation"],
        ["TH-30"] = ["a sugar-cane farm", "a cassava farm"],
        ["TH-27"] = ["a sugar-cane farm", "a cassava farm"],
        ["TH-71"] = ["a sugar-cane farm", "a pig farm"],
        ["TH-50"] = ["an orange orchard", "a longan orchard"],
        ["TH-57"] = ["an orange orchard", "a corn farm"],
        ["TH-63"] = ["a corn farm", "a cabbage farm"],
        ["TH-21"] = ["a durian orchard", "a rubber plantation"],
        ["default"] = ["a vegetable farm", "a chicken farm", "a fruit orchard"],
    };

    // Cities and industrial provinces, where forced labour is rarely on farms.
    private static readonly string[] Urban = ["TH-10", "TH-11", "TH-12", "TH-20", "TH-74"];

    private static readonly Dictionary<string, string[]> Origins = new(StringComparer.Ordinal)
    {
        ["MM"] = ["Myawaddy", "Dawei", "Mawlamyine", "Kawthaung", "Tachileik", "Yangon", "Hpa-an", "Magway"],
        ["TH"] = ["Udon Thani", "Khon Kaen", "Surin", "Nakhon Phanom", "Chiang Rai", "Buri Ram", "Sakon Nakhon", "Phayao"],
        ["KH"] = ["Battambang", "Banteay Meanchey", "Prey Veng", "Siem Reap", "Poipet", "Kampong Cham"],
        ["LA"] = ["Savannakhet", "Champasak", "Vientiane", "Bokeo", "Luang Namtha", "Khammouane"],
        ["VN"] = ["Nghe An", "Ha Tinh", "Hai Phong", "Lao Cai", "Thanh Hoa"],
        ["CN"] = ["Guangxi", "Yunnan", "Fujian", "Henan", "Sichuan"],
        ["ID"] = ["Jakarta", "Medan", "Surabaya"], ["BD"] = ["Dhaka", "Chittagong"], ["NP"] = ["Kathmandu", "Pokhara"],
        ["KE"] = ["Nairobi", "Mombasa"], ["UG"] = ["Kampala"], ["UZ"] = ["Tashkent", "Samarkand"], ["PH"] = ["Manila", "Cebu"],
        ["LK"] = ["Colombo", "Kandy"], ["hill"] = ["a hill village in Chiang Rai", "a village in Mae Hong Son", "a hill village near Fang"],
        ["rohingya"] = ["Cox's Bazar", "Maungdaw", "Sittwe"],
    };

    private static readonly Name[] ThaiMale =
    [
        new("สมชาย", "Somchai"), new("ประเสริฐ", "Prasert"), new("สุริยา", "Suriya"), new("อนุชา", "Anucha"), new("ธนากร", "Thanakorn"),
        new("วีระพงษ์", "Weerapong"), new("ณัฐพล", "Nattapon"), new("กิตติศักดิ์", "Kittisak"), new("สมศักดิ์", "Somsak"), new("ชัยวัฒน์", "Chaiwat"),
        new("อภิชาติ", "Apichat"), new("ศุภชัย", "Supachai"), new("บุญมี", "Boonmee"), new("เอกชัย", "Ekkachai"), new("พงศกร", "Pongsakorn"),
        new("วิชัย", "Wichai"), new("ธีรวัฒน์", "Teerawat"), new("จักรพันธ์", "Jakkapan"),
    ];

    private static readonly Name[] ThaiFemale =
    [
        new("สมศรี", "Somsri"), new("มาลี", "Malee"), new("สุภาพร", "Supaporn"), new("วันเพ็ญ", "Wanpen"), new("นภัสสร", "Napatsorn"),
        new("กาญจนา", "Kanjana"), new("ปิยะนุช", "Piyanuch"), new("อรทัย", "Orathai"), new("จันทร์เพ็ญ", "Janpen"), new("พรทิพย์", "Porntip"),
        new("ศิริพร", "Siriporn"), new("รัตนา", "Rattana"), new("ดารุณี", "Darunee"), new("สุนิสา", "Sunisa"), new("ณัฐธิดา", "Nattida"),
        new("ปวีณา", "Paweena"), new("ขวัญใจ", "Kwanjai"), new("อัมพร", "Amporn"),
    ];

    private static readonly Name[] ThaiFamily =
    [
        new("แก้วมณี", "Kaewmanee"), new("ศรีสุข", "Srisuk"), new("บุญเรือง", "Boonruang"), new("ทองดี", "Thongdee"), new("สุขสวัสดิ์", "Suksawat"),
        new("วงศ์ใหญ่", "Wongyai"), new("จันทร์แก้ว", "Jankaew"), new("พรหมมา", "Promma"), new("ใจดี", "Jaidee"), new("มณีวงศ์", "Maneewong"),
        new("ศรีวงศ์", "Sriwong"), new("อินทร์แก้ว", "Inkaew"), new("สายทอง", "Saithong"), new("ปัญญาดี", "Panyadee"), new("คำแสง", "Khamsaeng"),
        new("บุญมา", "Boonma"), new("ชัยมงคล", "Chaimongkol"), new("รุ่งเรือง", "Rungruang"), new("เพชรสุวรรณ", "Petchsuwan"), new("ทองคำ", "Thongkham"),
    ];

    private static readonly Name[] ThaiNicknames =
    [
        new("นก", "Nok"), new("แอน", "Ann"), new("ต่าย", "Tai"), new("น้อย", "Noi"), new("พลอย", "Ploy"), new("บี", "Bee"), new("เก่ง", "Keng"),
        new("ต้น", "Ton"), new("เอ็ม", "Em"), new("ปุ๊ก", "Puk"), new("แดง", "Daeng"), new("หนุ่ม", "Num"), new("อ้อม", "Om"), new("เล็ก", "Lek"),
    ];

    private static readonly string[] BurmeseMale =
        ["Aung", "Min", "Zaw", "Htet", "Kyaw", "Thura", "Naing", "Myint", "Soe", "Tun", "Htun", "Ko", "Ye", "Lin", "Thant", "Zin", "Oo", "Win", "Phyo", "Hein", "Nay", "Thet", "Paing", "Khant", "Hlaing", "Lwin", "Moe"];

    private static readonly string[] BurmeseFemale =
        ["Mya", "Thi", "Nandar", "Khin", "Su", "Ei", "Phyu", "Yadanar", "Thandar", "Moe", "Nwe", "Aye", "Cho", "Sandar", "Hnin", "Zin", "Mar", "Wai", "Yin", "May", "Thuzar", "Hla", "Nilar", "Kyi", "Pyae", "Shwe", "Htwe", "Win", "San"];

    private static readonly string[] ShanSyllables = ["Lao", "Kham", "Hseng", "Mong", "Noom", "Leng", "Hom", "Seng", "Tip", "Awn", "Pan", "Ying", "Ong", "Yee"];
    private static readonly string[] KarenSyllables = ["Eh", "Doh", "Htoo", "Ler", "Wah", "Paw", "Say", "Moo", "Kaw", "Hsa", "Blu", "Gay", "Poe", "Mu"];
    private static readonly string[] MonSyllables = ["Sein", "Chan", "Tun", "Aung", "Htaw", "Myo", "Hla", "Mon", "Aye", "Kyi"];

    private static readonly string[] KhmerFamily = ["Sok", "Chan", "Chea", "Kim", "Heng", "Ly", "Meas", "Nhem", "Pich", "Prak", "Seng", "Sorn", "Touch", "Vann", "Yim", "Keo", "Mao", "Ouk", "Phan", "Rath", "Sim"];
    private static readonly string[] KhmerMale = ["Dara", "Sokha", "Vannak", "Piseth", "Rithy", "Visal", "Bunthoeun", "Sophal", "Veasna", "Kosal", "Makara", "Samnang", "Vuthy", "Sovann", "Chhay"];
    private static readonly string[] KhmerFemale = ["Sophea", "Srey Mom", "Sreyleak", "Channary", "Bopha", "Kunthea", "Sreypov", "Leakhena", "Phalla", "Sopheap", "Dalin", "Mealea", "Rachana", "Thida", "Sreyneang"];

    private static readonly string[] LaoFamily = ["Phommachanh", "Sisouphanh", "Vongsa", "Keomany", "Inthavong", "Sayavong", "Phetsavong", "Xaysana", "Douangmala", "Chanthavong", "Souvannavong", "Khounphonh"];
    private static readonly string[] LaoMale = ["Souksavanh", "Khamphone", "Bounmy", "Somphone", "Phouvong", "Vilay", "Thongsavanh", "Anousone", "Khamla", "Sengphet"];
    private static readonly string[] LaoFemale = ["Manivanh", "Phonevilay", "Vanida", "Souphaphone", "Chanthavy", "Daovone", "Khamphet", "Latsamy", "Viengkham", "Bouasone", "Noy"];
    private static readonly string[] LaoNicknames = ["Noy", "Toy", "Kham", "Ping", "Nang", "Keo"];

    private static readonly (string Accented, string Plain)[] VietFamily =
        [("Nguyễn", "Nguyen"), ("Trần", "Tran"), ("Lê", "Le"), ("Phạm", "Pham"), ("Hoàng", "Hoang"), ("Vũ", "Vu"), ("Đặng", "Dang"), ("Bùi", "Bui"), ("Đỗ", "Do"), ("Ngô", "Ngo")];

    private static readonly (string Accented, string Plain)[] VietMale =
        [("Văn Hùng", "Van Hung"), ("Đức Anh", "Duc Anh"), ("Minh Tuấn", "Minh Tuan"), ("Quốc Bảo", "Quoc Bao"), ("Văn Nam", "Van Nam"), ("Thành Long", "Thanh Long")];

    private static readonly (string Accented, string Plain)[] VietFemale =
        [("Thị Lan", "Thi Lan"), ("Thị Hoa", "Thi Hoa"), ("Thị Mai", "Thi Mai"), ("Ngọc Anh", "Ngoc Anh"), ("Thu Trang", "Thu Trang"), ("Thị Hằng", "Thi Hang")];

    private static readonly (string Hanzi, string Pinyin)[] ChineseFamily =
        [("王", "Wang"), ("李", "Li"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"), ("黄", "Huang"), ("赵", "Zhao"), ("吴", "Wu"), ("周", "Zhou")];

    private static readonly (string Hanzi, string Pinyin)[] ChineseMale =
        [("伟", "Wei"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("浩然", "Haoran"), ("子轩", "Zixuan"), ("建国", "Jianguo")];

    private static readonly (string Hanzi, string Pinyin)[] ChineseFemale =
        [("芳", "Fang"), ("娜", "Na"), ("静", "Jing"), ("丽", "Li"), ("婷婷", "Tingting"), ("雪梅", "Xuemei"), ("欣怡", "Xinyi")];

    private static readonly string[] HmongClans = ["Vang", "Yang", "Lee", "Xiong", "Her", "Thao", "Moua", "Lor", "Vue", "Hang"];
    private static readonly string[] HmongMale = ["Pao", "Tou", "Chue", "Kou", "Neng", "Xeng", "Yer", "Fong"];
    private static readonly string[] HmongFemale = ["Mai", "Nou", "Pa", "Ia", "Zoua", "Yia", "Kia", "Dua"];
    private static readonly string[] AkhaClans = ["Jupoh", "Mayer", "Morpa", "Lorkhu", "Saedoo"];
    private static readonly string[] AkhaMale = ["Abo", "Aju", "Apa", "Ayo", "Asang"];
    private static readonly string[] AkhaFemale = ["Ami", "Amyu", "Ayeu", "Abeu", "Ami Ja"];
    private static readonly string[] RohingyaMale = ["Mohammed Ayaz", "Abdul Hamid", "Nur Hossain", "Mohammed Rafiq", "Syed Alam", "Rashid Ullah"];
    private static readonly string[] RohingyaFemale = ["Nur Begum", "Rahima Khatun", "Setara Begum", "Minara", "Yasmin Ara", "Hasina Begum"];

    private static readonly (string Country, double Weight, string[] Languages, Foreigner[] Names)[] OtherCountries =
    [
        ("ID", 2, ["id"], [new("Budi", "Santoso", false), new("Agus", "Setiawan", false), new("Rizky", "Pratama", false), new("Siti", "Rahmawati", true), new("Dewi", "Lestari", true), new("Sri Wahyuni", null, true)]),
        ("BD", 1, ["bn"], [new("Mohammad Rahim", null, false), new("Abdul Karim", null, false), new("Fatema", "Begum", true), new("Nasrin", "Akter", true)]),
        ("NP", 1, ["ne"], [new("Ram Bahadur", "Thapa", false), new("Bikash", "Gurung", false), new("Sita", "Tamang", true), new("Gita", "Rai", true)]),
        ("KE", 2, ["en"], [new("Brian", "Otieno", false), new("Kevin", "Kiprop", false), new("Faith", "Wanjiku", true), new("Mercy", "Achieng", true)]),
        ("UG", 1, ["en"], [new("Joseph", "Okello", false), new("Ivan", "Mugisha", false), new("Grace", "Nakato", true), new("Esther", "Namutebi", true)]),
        ("UZ", 1, ["ru", "other"], [new("Aziz", "Rakhimov", false), new("Jasur", "Tursunov", false), new("Dilnoza", "Karimova", true), new("Malika", "Yusupova", true)]),
        ("PH", 1.5, ["en", "other"], [new("Jerome", "Dela Cruz", false), new("Mark Anthony", "Bautista", false), new("Maria", "Santos", true), new("Angelica", "Reyes", true)]),
        ("LK", 1, ["en", "other"], [new("Nuwan", "Perera", false), new("Kasun", "Silva", false), new("Chamari", "Fernando", true), new("Dilani", "Jayasinghe", true)]),
    ];

    private static readonly string[] Recruiters =
    [
        "Recruited through a Facebook job advert",
        "Recruited by a broker from {origin}",
        "Introduced to an agent by a relative in {origin}",
        "Answered a job offer shared in a LINE group",
        "Recruited by a neighbour in {origin}",
        "Recruited through a TikTok video",
        "Approached by a recruiter at a bus station",
        "Recruited by a returning migrant from {origin}",
    ];

    private sealed class Generator(int seed, DateOnly today)
    {
        private const int HistoryDays = 4 * 365;
        private readonly Random _rng = new(seed);
        private readonly List<SyntheticOrganisation> _organisations = [];
        private readonly List<SyntheticStaffMember> _staff = [];
        private readonly List<(string Code, int Number)> _provinceNumbers = [];

        public SyntheticNetworkPlan Run(int persons)
        {
            foreach (var definition in OrganisationDefinitions)
            {
                AddOrganisation(definition);
            }

            var cases = new List<SyntheticCase>(persons);
            for (var i = 0; i < persons; i++)
            {
                cases.Add(NextCase());
            }

            return new SyntheticNetworkPlan(seed, today, _organisations, _staff, cases);
        }

        private void AddOrganisation(OrganisationDefinition definition)
        {
            var index = _organisations.Count;
            _organisations.Add(new SyntheticOrganisation(definition.Name, definition.Type, definition.Province, definition.Domain));
            var locals = new HashSet<string>(StringComparer.Ordinal);
            foreach (var roles in definition.Staff)
            {
                var female = Chance(0.6);
                var given = Pick(female ? ThaiFemale : ThaiMale).Roman;
                var family = Pick(ThaiFamily).Roman;
                var local = given.ToLowerInvariant() + "." + char.ToLowerInvariant(family[0]);
                if (!locals.Add(local))
                {
                    local = given.ToLowerInvariant() + "." + family.ToLowerInvariant();
                    for (var n = 2; !locals.Add(local); n++)
                    {
                        local = given.ToLowerInvariant() + "." + family.ToLowerInvariant() + n.ToString(CultureInfo.InvariantCulture);
                    }
                }

                var display = given + " " + family;
                if (definition.Type == OrganisationTypes.Police)
                {
                    display = (roles.Contains(Roles.Supervisor) ? "Pol. Col. " : roles.Contains(Roles.OrgAdmin) ? "Pol. Maj. " : Pick(["Pol. Capt. ", "Pol. Lt. ", "Pol. Sgt. Maj. "])) + display;
                }

                _staff.Add(new SyntheticStaffMember(index, local + "@" + definition.Domain, display, roles));
            }
        }

        private SyntheticCase NextCase()
        {
            var nationality = Weighted(Nationalities);
            var country = nationality;
            string[]? otherLanguages = null;
            Foreigner[]? otherNames = null;
            if (nationality == "other")
            {
                var other = Weighted(OtherCountries.Select(o => (o, o.Weight)).ToArray());
                (country, otherLanguages, otherNames) = (other.Country, other.Languages, other.Names);
            }

            var scenario = Weighted(ScenariosByNationality[nationality]);
            if (country == "UZ")
            {
                scenario = Scenario.Sex;
            }

            var child = Chance(ChildShare(scenario));
            var age = child ? ChildAge(scenario) : AdultAge();
            var gender = Gender(scenario, child);
            var province = Province(scenario, nationality);
            var daysAgo = (int)(HistoryDays * Math.Pow(_rng.NextDouble(), 1.3));
            var identifiedOn = today.AddDays(-daysAgo);
            var birth = identifiedOn.AddYears(-age).AddDays(-_rng.Next(365));
            var organisation = ChooseOrganisation(scenario, province, gender, child);
            var orgType = _organisations[organisation].Type;
            var industry = Industry(scenario, province);

            var originKey = nationality == "other" ? country : nationality;
            var female = gender == "female" || (gender == "transgender_nonconforming" && Chance(0.8)) || (gender == "unknown" && Chance(0.5));
            var name = nationality switch
            {
                "TH" => ThaiPersonName(female),
                "MM" => BurmesePersonName(female, age),
                "KH" => KhmerPersonName(female),
                "LA" => LaoPersonName(female),
                "VN" => VietnamesePersonName(female),
                "CN" => ChinesePersonName(female),
                "stateless" => StatelessPersonName(female, out originKey),
                _ => ForeignPersonName(female, otherNames!, otherLanguages!),
            };

            var documents = Documents(nationality, country, child, birth, identifiedOn);
            var knowsBirthDate = nationality == "TH" ? Chance(documents.Count > 0 ? 0.85 : 0.55)
                : Chance(documents.Count > 0 ? 0.6 : 0.2);
            string? birthDate = null;
            int? estimatedAge = null;
            if (knowsBirthDate)
            {
                birthDate = Iso(birth);
            }
            else if (child || Chance(0.95))
            {
                // An estimate is recorded as of the day the case is entered (today), like a worker would.
                var ageToday = AgeOn(birth, today);
                estimatedAge = ageToday >= 25 && Chance(0.3) ? (int)Math.Round(ageToday / 5.0) * 5 : ageToday;
            }

            var person = new PersonInput
            {
                GivenName = name.Given,
                FamilyName = name.Family,
                OtherNames = name.Others.Count == 0 ? null : name.Others,
                BirthDate = birthDate,
                EstimatedAge = estimatedAge,
                Gender = gender,
                Citizenship = [country],
                Languages = name.Languages,
                Phone = Phone(nationality, child),
                Address = Address(nationality, province),
                IdentityDocuments = documents.Count == 0 ? null : documents,
            };

            var status = Status(daysAgo);
            var input = new CaseInput
            {
                Person = person,
                IdentifiedOn = Iso(identifiedOn),
                IdentificationRoute = Route(orgType, scenario),
                Province = province,
                Status = status,
                Summary = Summary(scenario, industry, nationality, originKey, province, child),
                // Closing needs a reason (session 4); closed_referred implies "referred".
                ClosureReason = status == "closed" ? ClosureReasons[Math.Abs(identifiedOn.DayNumber) % ClosureReasons.Length] : null,
            }.AllPresent();

            return new SyntheticCase(organisation, AssignStaff(organisation), Exploitation(scenario), industry, input);
        }

        private static double ChildShare(Scenario scenario) => scenario switch
        {
            Scenario.Begging => 0.9,
            Scenario.Sex => 0.3,
            Scenario.Marriage => 0.3,
            Scenario.Domestic => 0.22,
            Scenario.Seafood => 0.18,
            Scenario.Labour => 0.13,
            Scenario.Fishing => 0.1,
            _ => 0.03,
        };

        private int ChildAge(Scenario scenario) => scenario switch
        {
            Scenario.Begging => _rng.Next(5, 15),
            Scenario.Sex => _rng.Next(13, 18),
            Scenario.Domestic => _rng.Next(12, 18),
            Scenario.Fishing => _rng.Next(15, 18),
            _ => _rng.Next(14, 18),
        };

        private int AdultAge()
        {
            var roll = _rng.NextDouble();
            return roll < 0.72 ? _rng.Next(18, 36) : roll < 0.95 ? _rng.Next(36, 51) : _rng.Next(51, 66);
        }

        private string Gender(Scenario scenario, bool child)
        {
            if (Chance(0.01))
            {
                return "unknown";
            }

            var (female, trans) = scenario switch
            {
                Scenario.Sex => (0.85, 0.08),
                Scenario.Fishing => (0.02, 0.0),
                Scenario.Seafood => (0.55, 0.0),
                Scenario.Labour => (0.33, 0.02),
                Scenario.Domestic => (0.9, 0.0),
                Scenario.Begging => (0.5, 0.0),
                Scenario.Scam => (0.3, 0.02),
                _ => (1.0, 0.0),
            };
            if (child)
            {
                trans /= 2;
            }

            var roll = _rng.NextDouble();
            return roll < trans ? "transgender_nonconforming" : roll < trans + female ? "female" : "male";
        }

        private string Province(Scenario scenario, string nationality)
        {
            var weights = ProvincesByScenario[scenario];
            if (BorderProvinces.TryGetValue(nationality, out var border))
            {
                weights = weights.Select(w => (w.Province, border.Contains(w.Province) ? w.Weight * 2 : w.Weight)).ToArray();
            }

            return Weighted(weights);
        }

        private int ChooseOrganisation(Scenario scenario, string province, string gender, bool child)
        {
            var choices = new List<(int Index, double Weight)>();
            for (var i = 0; i < OrganisationDefinitions.Length; i++)
            {
                var definition = OrganisationDefinitions[i];
                if (definition.CaseWeight <= 0)
                {
                    continue;
                }

                var weight = definition.CaseWeight;
                weight *= definition.Province == province ? 4
                    : Region(definition.Province) == Region(province) ? 1.5
                    : definition.National ? 1 : 0.25;
                weight *= definition.Type switch
                {
                    OrganisationTypes.Police => scenario switch
                    {
                        Scenario.Sex or Scenario.Scam => 2,
                        Scenario.Fishing or Scenario.Begging or Scenario.Marriage => 1,
                        _ => 0.6,
                    },
                    OrganisationTypes.LabourInspection => scenario switch
                    {
                        Scenario.Fishing or Scenario.Seafood => 3,
                        Scenario.Labour => 2.5,
                        Scenario.Domestic => 0.3,
                        _ => 0,
                    },
                    OrganisationTypes.Shelter => (child ? 2 : gender == "male" ? 0.3 : 1.5) * (scenario == Scenario.Sex ? 1.5 : 1),
                    OrganisationTypes.Government => child ? 1.3 : 1,
                    _ => 1,
                };
                if (weight > 0)
                {
                    choices.Add((i, weight));
                }
            }

            return Weighted(choices.ToArray());
        }

        private static int Region(string province)
        {
            var digit = province[3] - '0';
            return digit switch
            {
                1 or 2 or 7 => 1,
                3 or 4 => 3,
                5 or 6 => 5,
                _ => 8,
            };
        }

        private int AssignStaff(int organisation)
        {
            var choices = new List<(int Index, double Weight)>();
            for (var i = 0; i < _staff.Count; i++)
            {
                var member = _staff[i];
                if (member.OrganisationIndex != organisation || !member.Roles.Any(Roles.CaseWriters.Contains))
                {
                    continue;
                }

                choices.Add((i, member.Roles.Contains(Roles.Supervisor) ? 1 : 4));
            }

            return Weighted(choices.ToArray());
        }

        private string Route(string orgType, Scenario scenario)
        {
            (string, double)[] routes = orgType switch
            {
                OrganisationTypes.Police => [("police_operation", 75), ("hotline", 10), ("ngo_referral", 10), ("border_screening", 5)],
                OrganisationTypes.LabourInspection => [("labour_inspection", 80), ("hotline", 8), ("ngo_referral", 10), ("self_referral", 2)],
                OrganisationTypes.Shelter => [("ngo_referral", 50), ("police_operation", 15), ("self_referral", 8), ("hotline", 8), ("embassy", 7), ("border_screening", 12)],
                OrganisationTypes.Government => [("ngo_referral", 30), ("police_operation", 15), ("border_screening", 20), ("hotline", 20), ("embassy", 10), ("self_referral", 5)],
                _ => [("outreach", 40), ("hotline", 15), ("self_referral", 20), ("ngo_referral", 15), ("embassy", 5), ("other", 5)],
            };
            if (scenario == Scenario.Scam && orgType != OrganisationTypes.Police && Chance(0.5))
            {
                return "border_screening";
            }

            return Weighted(routes);
        }

        private static readonly string[] ClosureReasons = ["goals_met", "goals_met", "repatriated", "lost_contact", "declined"];

        private string Status(int daysAgo)
        {
            (string, double)[] statuses = daysAgo switch
            {
                < 90 => [("active", 90), ("follow_up", 10)],
                < 365 => [("active", 55), ("follow_up", 35), ("closed", 5), ("closed_referred", 5)],
                _ => [("active", 30), ("follow_up", 40), ("closed", 18), ("closed_referred", 12)],
            };
            return Weighted(statuses);
        }

        private static string Exploitation(Scenario scenario) => scenario switch
        {
            Scenario.Sex => "sexual_exploitation",
            Scenario.Fishing or Scenario.Seafood or Scenario.Labour => "forced_labour",
            Scenario.Domestic => "domestic_servitude",
            Scenario.Begging => "forced_begging",
            Scenario.Scam => "forced_criminality",
            _ => "forced_marriage",
        };

        private string Industry(Scenario scenario, string province) => scenario switch
        {
            Scenario.Sex => "sex_industry",
            Scenario.Fishing => "fishing",
            Scenario.Seafood => "seafood_processing",
            Scenario.Labour => Weighted([("agriculture", Urban.Contains(province) ? 3.0 : 45.0), ("construction", 30.0), ("manufacturing", 30.0)]),
            Scenario.Domestic => "domestic_work",
            Scenario.Begging => "begging",
            Scenario.Scam => "online_scam",
            _ => "marriage",
        };

        private string Summary(Scenario scenario, string industry, string nationality, string originKey, string province, bool child)
        {
            var place = Places.GetValueOrDefault(province, "Bangkok");
            var origin = Pick(Origins.GetValueOrDefault(originKey, Origins["TH"]));
            var recruit = Pick(Recruiters).Replace("{origin}", origin, StringComparison.Ordinal);
            var months = _rng.Next(2, 19).ToString(CultureInfo.InvariantCulture);
            var debt = (_rng.Next(3, 31) * 5000).ToString("N0", CultureInfo.InvariantCulture);
            return scenario switch
            {
                Scenario.Fishing => $"{recruit} with a promise of {Pick(["factory work in Bangkok", "restaurant work in Malaysia", "construction work at a good wage", "a job in a seafood factory"])}; "
                    + $"{Pick(["held in debt bondage", "kept at sea for months without pay", "made to work 20-hour days for nothing", "had documents taken by the captain and was forced to work"])} "
                    + $"on a fishing boat out of {Ports.GetValueOrDefault(province, place)}.",
                Scenario.Seafood => $"{recruit} with a promise of factory work; {Pick(["held in debt bondage", "had wages withheld for " + months + " months", "locked in at night and unpaid", "had documents kept by the employer and was forced to work"])} "
                    + $"in {Pick(["a shrimp-peeling shed", "a fish-canning factory", "a squid-processing plant", "a fishmeal factory"])} in {place}.",
                Scenario.Sex when child => $"{Pick(["Groomed online through a gaming app", "Groomed through Facebook Messenger", "Befriended by an older acquaintance", "Sold to an agent by an acquaintance of the family"])}; "
                    + $"sexually exploited in {Pick(["a hotel", "a karaoke bar", "a rented room", "an entertainment venue"])} in {place}.",
                Scenario.Sex => $"{recruit} with a promise of {Pick(["waitressing work", "a job in a massage shop", "work as a karaoke hostess", "a hotel cleaning job"])}; "
                    + $"forced into commercial sex in {Pick(["a karaoke bar", "a massage parlour", "an entertainment venue", "a beer bar"])} in {place} to repay a debt of {debt} baht.",
                Scenario.Labour => $"{recruit} with a promise of {Pick(["a well-paid factory job", "farm work with housing", "construction work at a good wage", "a job with a work permit"])}; "
                    + $"{Pick(["held in debt bondage", "had wages withheld for " + months + " months", "kept under guard and unpaid", "threatened with arrest by the employer and forced to work"])} "
                    + industry switch
                    {
                        "agriculture" => $"on {Pick(Crops.GetValueOrDefault(province, Crops["default"]))} near {place}.",
                        "construction" => $"on a construction site in {place}.",
                        _ => $"in {Pick(["a garment factory", "a brick kiln", "a plastics factory", "a furniture workshop"])} in {place}.",
                    },
                Scenario.Domestic => child
                    ? $"Sent by the family to work for an acquaintance; kept as an unpaid domestic worker in a private house in {place} and not allowed to attend school."
                    : $"{recruit} with a promise of a job as a housekeeper; confined to a private house in {place}, unpaid and not allowed to leave.",
                Scenario.Begging when nationality is "TH" or "stateless" =>
                    $"Taken from {origin} by {Pick(["an acquaintance of the family", "a woman posing as a relative", "a gang leader"])}; "
                    + $"forced to {Pick(["beg", "sell flowers", "sell garlands and beg"])} on the streets of {place} and hand over the earnings.",
                Scenario.Begging => $"Brought across the border {Pick(["at Poipet", "at Aranyaprathet", "through the forest near the border"])} by {Pick(["an acquaintance of the family", "a woman posing as a relative", "a broker"])}; "
                    + $"forced to {Pick(["beg", "sell flowers", "sell sweets and beg"])} on the streets of {place} and hand over the earnings.",
                Scenario.Scam => $"{recruit} with a promise of {Pick(["a customer-service job in Bangkok", "translation work in Thailand", "an IT job with a high salary", "an office job at a casino company"])}; "
                    + $"taken {Pick(["across the Moei River to a scam compound near Myawaddy", "to an online fraud compound in Cambodia", "to a guarded compound in the Golden Triangle"])} "
                    + $"and forced to run {Pick(["romance-investment scams", "crypto-investment scams", "fake police-call scams"])} under threat of beatings, then returned through {place}.",
                _ => (child ? "Promised by a marriage broker to the family as a bride for a wealthy man; " : "Introduced by a marriage broker with promises of a wealthy husband; ")
                    + $"taken to {Pick(["Henan", "Shandong", "Jiangsu", "Hebei"])}, China, and forced into marriage, then escaped and returned through {place}.",
            };
        }

        private PersonName ThaiPersonName(bool female)
        {
            var given = Pick(female ? ThaiFemale : ThaiMale);
            var family = Pick(ThaiFamily);
            var thaiScript = Chance(0.8);
            var others = new List<string>();
            if (Chance(0.35))
            {
                var nickname = Pick(ThaiNicknames);
                others.Add(thaiScript ? nickname.Thai : nickname.Roman);
            }

            if (thaiScript && Chance(0.15))
            {
                others.Add(given.Roman + " " + family.Roman);
            }

            var languages = new List<string> { "th" };
            if (Chance(0.08))
            {
                languages.Add("lo");
            }

            if (Chance(0.05))
            {
                languages.Add("en");
            }

            return thaiScript
                ? new PersonName(given.Thai, family.Thai, others, languages)
                : new PersonName(given.Roman, family.Roman, others, languages);
        }

        private PersonName BurmesePersonName(bool female, int age)
        {
            var group = Weighted([("bamar", 60.0), ("shan", 15.0), ("karen", 13.0), ("mon", 12.0)]);
            var languages = new List<string>();
            string given;
            switch (group)
            {
                case "shan":
                    given = (female ? "Nang " : "Sai ") + Pick(ShanSyllables) + (Chance(0.6) ? " " + Pick(ShanSyllables) : "");
                    languages.Add("shn");
                    if (Chance(0.5))
                    {
                        languages.Add("my");
                    }

                    break;
                case "karen":
                    given = (female ? "Naw " : "Saw ") + Pick(KarenSyllables) + " " + Pick(KarenSyllables);
                    languages.Add("kar");
                    languages.Add("my");
                    break;
                case "mon":
                    given = (female ? "Mi " : "Nai ") + Pick(MonSyllables) + (Chance(0.5) ? " " + Pick(MonSyllables) : "");
                    languages.Add("mnw");
                    languages.Add("my");
                    break;
                default:
                    var pool = female ? BurmeseFemale : BurmeseMale;
                    var first = Pick(pool);
                    given = _rng.Next(4) switch
                    {
                        0 => first + " " + first,
                        1 => first + " " + first + " " + Pick(pool),
                        2 => first + " " + Pick(pool),
                        _ => first + " " + Pick(pool) + " " + Pick(pool),
                    };
                    languages.Add("my");
                    break;
            }

            var others = new List<string>();
            if (group == "bamar" && Chance(0.2))
            {
                // Honorifics are often heard as part of the name.
                others.Add((female ? age >= 40 ? "Daw " : "Ma " : age >= 40 ? "U " : age >= 18 ? "Ko " : "Maung ") + given);
            }

            if (Chance(0.1))
            {
                // A Thai nickname given by an employer.
                others.Add(Pick(ThaiNicknames).Roman);
            }

            if (Chance(0.25))
            {
                languages.Add("th");
            }

            return new PersonName(given, null, others, languages);
        }

        private PersonName KhmerPersonName(bool female)
        {
            var family = Pick(KhmerFamily);
            var given = Pick(female ? KhmerFemale : KhmerMale);
            var others = new List<string>();
            if (Chance(0.15))
            {
                others.Add(given + " " + family);
            }

            var languages = new List<string> { "km" };
            if (Chance(0.2))
            {
                languages.Add("th");
            }

            return new PersonName(given, family, others, languages);
        }

        private PersonName LaoPersonName(bool female)
        {
            var others = new List<string>();
            if (Chance(0.25))
            {
                others.Add(Pick(LaoNicknames));
            }

            var languages = new List<string> { "lo" };
            if (Chance(0.4))
            {
                languages.Add("th");
            }

            return new PersonName(Pick(female ? LaoFemale : LaoMale), Pick(LaoFamily), others, languages);
        }

        private PersonName VietnamesePersonName(bool female)
        {
            var family = Pick(VietFamily);
            var given = Pick(female ? VietFemale : VietMale);
            var accented = Chance(0.5);
            var others = new List<string>();
            if (accented && Chance(0.4))
            {
                others.Add(family.Plain + " " + given.Plain);
            }

            var languages = new List<string> { "vi" };
            if (Chance(0.1))
            {
                languages.Add("en");
            }

            return accented
                ? new PersonName(given.Accented, family.Accented, others, languages)
                : new PersonName(given.Plain, family.Plain, others, languages);
        }

        private PersonName ChinesePersonName(bool female)
        {
            var family = Pick(ChineseFamily);
            var given = Pick(female ? ChineseFemale : ChineseMale);
            var hanzi = Chance(0.4);
            var others = new List<string>();
            if (hanzi || Chance(0.2))
            {
                others.Add(hanzi ? family.Pinyin + " " + given.Pinyin : family.Hanzi + given.Hanzi);
            }

            var languages = new List<string> { "zh" };
            if (Chance(0.15))
            {
                languages.Add("en");
            }

            return hanzi
                ? new PersonName(given.Hanzi, family.Hanzi, others, languages)
                : new PersonName(given.Pinyin, family.Pinyin, others, languages);
        }

        /// <summary>Hill-tribe people born in Thailand without registration, or Rohingya; citizenship is always "stateless".</summary>
        private PersonName StatelessPersonName(bool female, out string originKey)
        {
            originKey = "hill";
            var languages = new List<string>();
            var others = new List<string>();
            var group = Weighted([("thai-named", 30.0), ("hmong", 20.0), ("akha", 20.0), ("karen", 10.0), ("rohingya", 20.0)]);
            PersonName name;
            switch (group)
            {
                case "rohingya":
                    originKey = "rohingya";
                    languages.Add("other");
                    if (Chance(0.3))
                    {
                        languages.Add("my");
                    }

                    if (Chance(0.2))
                    {
                        languages.Add("ms");
                    }

                    return new PersonName(Pick(female ? RohingyaFemale : RohingyaMale), null, others, languages);
                case "hmong":
                    languages.Add("hmn");
                    name = new PersonName(Pick(female ? HmongFemale : HmongMale), Pick(HmongClans), others, languages);
                    break;
                case "akha":
                    languages.Add("other");
                    name = new PersonName(Pick(female ? AkhaFemale : AkhaMale), Pick(AkhaClans), others, languages);
                    break;
                case "karen":
                    languages.Add("kar");
                    name = new PersonName((female ? "Naw " : "Saw ") + Pick(KarenSyllables) + " " + Pick(KarenSyllables), null, others, languages);
                    break;
                default:
                    languages.Add(Pick(["hmn", "kar", "other"]));
                    var given = Pick(female ? ThaiFemale : ThaiMale);
                    name = new PersonName(given.Thai, Pick(ThaiFamily).Thai, others, languages);
                    break;
            }

            if (Chance(0.7))
            {
                languages.Add("th");
            }

            if (Chance(0.2))
            {
                others.Add(Pick(ThaiNicknames).Thai);
            }

            return name;
        }

        private PersonName ForeignPersonName(bool female, Foreigner[] names, string[] languages)
        {
            var candidates = names.Where(n => n.Female == female).ToArray();
            var chosen = Pick(candidates.Length > 0 ? candidates : names);
            var spoken = languages.ToList();
            if (!spoken.Contains("en") && Chance(0.5))
            {
                spoken.Add("en");
            }

            return new PersonName(chosen.Given, chosen.Family, [], spoken);
        }

        private List<DocumentInput> Documents(string nationality, string country, bool child, DateOnly birth, DateOnly identifiedOn)
        {
            var documents = new List<DocumentInput>();
            void Add(string type, string number, string? issuer) =>
                documents.Add(new DocumentInput { Type = type, Number = number, IssuingCountry = issuer });

            var roll = _rng.NextDouble();
            switch (nationality)
            {
                case "TH":
                    if (roll < 0.5 && (!child || AgeOn(birth, identifiedOn) >= 7))
                    {
                        Add("thai_id", ThaiId(birth), null);
                    }
                    else if (roll < 0.55)
                    {
                        Add("passport", Letters(2) + Digits(7), "TH");
                    }
                    else if (child && roll < 0.7)
                    {
                        Add("birth_certificate", Digits(2) + "/" + Digits(4), "TH");
                    }

                    break;
                case "MM":
                    if (roll < 0.22)
                    {
                        Add("pink_card", PinkCard(), "TH");
                        if (Chance(0.2))
                        {
                            Add("certificate_of_identity", Letters(2) + " " + Digits(6), "MM");
                        }
                    }
                    else if (roll < 0.37)
                    {
                        Add("passport", "M" + Pick(["A", "B", "C", "D"]) + Digits(6), "MM");
                    }
                    else if (roll < 0.44)
                    {
                        Add("certificate_of_identity", Letters(2) + " " + Digits(6), "MM");
                    }
                    else if (roll < 0.49)
                    {
                        Add("border_pass", "BP" + Digits(7), "MM");
                    }

                    break;
                case "KH":
                    if (roll < 0.18)
                    {
                        Add("passport", "N" + Digits(8), "KH");
                    }
                    else if (roll < 0.3)
                    {
                        Add("border_pass", "BP" + Digits(7), "KH");
                    }
                    else if (roll < 0.42)
                    {
                        Add("pink_card", PinkCard(), "TH");
                    }

                    break;
                case "LA":
                    if (roll < 0.25)
                    {
                        Add("passport", "P" + Digits(7), "LA");
                    }
                    else if (roll < 0.35)
                    {
                        Add("border_pass", "BP" + Digits(7), "LA");
                    }
                    else if (roll < 0.47)
                    {
                        Add("pink_card", PinkCard(), "TH");
                    }

                    break;
                case "VN":
                    if (roll < 0.5)
                    {
                        Add("passport", Pick(["B", "C"]) + Digits(7), "VN");
                    }

                    break;
                case "CN":
                    if (roll < 0.55)
                    {
                        Add("passport", "E" + Digits(8), "CN");
                    }

                    break;
                case "stateless":
                    if (roll < 0.25)
                    {
                        // The card for persons without Thai nationality: a 13-digit number starting with 0.
                        Add("other", WithCheckDigit("0" + Digits(11)), "TH");
                    }
                    else if (roll < 0.35)
                    {
                        Add("birth_certificate", Digits(2) + "/" + Digits(4), "TH");
                    }

                    break;
                default:
                    if (roll < 0.6)
                    {
                        Add("passport", Letters(2) + Digits(7), country);
                    }

                    break;
            }

            return documents;
        }

        private string? Phone(string nationality, bool child)
        {
            var share = nationality switch
            {
                "TH" => 0.55,
                "stateless" => 0.2,
                _ => 0.3,
            };
            if (!Chance(child ? share / 2 : share))
            {
                return null;
            }

            if (nationality == "MM" && Chance(0.15))
            {
                return "+95 9 " + Digits(3) + " " + Digits(3) + " " + Digits(3);
            }

            return "0" + Pick(["6", "8", "8", "9"]) + Digits(1) + "-" + Digits(3) + "-" + Digits(4);
        }

        private string? Address(string nationality, string province)
        {
            if (nationality == "TH" && Chance(0.4))
            {
                var home = Pick(["TH-57", "TH-41", "TH-40", "TH-34", "TH-32", "TH-48", "TH-56", "TH-10", "TH-50", "TH-31"]);
                var provinceName = Provinces.All.Label(home, CultureInfo.InvariantCulture);
                var district = home == "TH-10" ? Pick(["Khlong Toei", "Din Daeng", "Bang Khen"]) : "Mueang " + provinceName;
                return string.Create(CultureInfo.InvariantCulture, $"{_rng.Next(1, 300)}/{_rng.Next(1, 20)} Moo {_rng.Next(1, 15)}, {district} District, {provinceName}");
            }

            if (nationality != "TH" && Chance(0.12))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Workers' dormitory, Moo {_rng.Next(1, 15)}, {Places.GetValueOrDefault(province, "Bangkok")}");
            }

            return null;
        }

        /// <summary>A valid Thai ID: 1 for those born since 1984 (registered at birth), 3 for older house registrations.</summary>
        private string ThaiId(DateOnly birth)
        {
            var province = Pick(["10", "50", "57", "40", "41", "34", "32", "48", "56", "31"]);
            var first = birth.Year >= 1984 ? "1" : "3";
            var number = WithCheckDigit(first + province + Digits(2) + Digits(7));
            return Chance(0.3)
                ? number[..1] + "-" + number[1..5] + "-" + number[5..10] + "-" + number[10..12] + "-" + number[12..]
                : number;
        }

        private string PinkCard() => WithCheckDigit("00" + Digits(10));

        private static string WithCheckDigit(string twelveDigits) => twelveDigits + ThaiNationalId.CheckDigit(twelveDigits);

        private string Digits(int count) => string.Create(count, _rng, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('0' + rng.Next(10));
            }
        });

        private string Letters(int count) => string.Create(count, _rng, static (span, rng) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)('A' + rng.Next(26));
            }
        });

        private static int AgeOn(DateOnly birth, DateOnly day)
        {
            var age = day.Year - birth.Year;
            return birth.AddYears(age) > day ? age - 1 : age;
        }

        private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private bool Chance(double probability) => _rng.NextDouble() < probability;

        private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

        private T Weighted<T>((T Item, double Weight)[] items)
        {
            var total = 0.0;
            foreach (var item in items)
            {
                total += item.Weight;
            }

            var roll = _rng.NextDouble() * total;
            foreach (var item in items)
            {
                roll -= item.Weight;
                if (roll < 0)
                {
                    return item.Item;
                }
            }

            return items[^1].Item;
        }
    }
}

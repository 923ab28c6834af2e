using System.Globalization;
using System.Text;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Tests.Features.Import;

/// <summary>A small spreadsheet as a Thai NGO exports it: Thai headers, Buddhist-Era and Thai-month dates, Thai digits, Thai provinces.</summary>
internal static class ImportFixtures
{
    public static string ThaiId(string twelve) => twelve + ThaiNationalId.CheckDigit(twelve);

    public static readonly string SomchaiId = ThaiId("110170012345");

    /// <summary>9 data rows: 6 to import, 2 rejected (impossible date, unknown province), 1 duplicate (same ID card as row 2).</summary>
    public static string ThaiCsv() =>
        "ลำดับ,ชื่อ,นามสกุล,เพศ,วันเกิด,อายุ,สัญชาติ,เลขบัตรประชาชน,โทรศัพท์,จังหวัด,วันที่พบ,สถานะ,หมายเหตุ\r\n" +
        $"1,สมชาย,ใจดี,ชาย,5 มี.ค. 2530,,ไทย,{SomchaiId},๐๘๑-๒๓๔-๕๖๗๘,จ.เชียงใหม่,12/1/2567,ดำเนินการ,\r\n" +
        "2,Aye,Aye,หญิง,-,17,พม่า,,,Chonburi,2567-02-03,ติดตาม,\"พบที่ท่าเรือ, สมุทรสาคร\nส่งต่อบ้านพัก\"\r\n" +
        "3,Sokha,,F,1/7/2545,,เขมร,,,กทม.,15 ม.ค. 2567,,\r\n" +
        "4,Noi,,หญิง,,ไม่ทราบ,ลาว,,,Korat,45300,ปิด-ส่งต่อ,\r\n" +
        "5,มะลิ,,ญ,,๑๖,ไร้สัญชาติ,,,ตาก,1/3/2567,,\r\n" +
        "6,ผิด,วันที่,ชาย,,,ไทย,,,ระยอง,31/2/2567,,\r\n" +
        "7,ไม่รู้,จังหวัด,ชาย,,,ไทย,,,Atlantis,1/3/2567,,\r\n" +
        "8,=HYPERLINK(1),Test,ชาย,,30,Myanmar,,,Samut Sakhon,1/3/2567,,\r\n" +
        $"9,Somchai,Jaidee,M,,,Thai,{SomchaiId},,Chiangmai,2/3/2567,,\r\n" +
        ",,,,,,,,,,,,\r\n";

    /// <summary>A generated file of <paramref name="rows"/> distinct persons (English headers, CE dates).</summary>
    public static void WriteGenerated(string path, int rows, int seed = 7, int? brokenRow = null)
    {
        var random = new Random(seed);
        string[] given = ["Somchai", "Malee", "Aye", "Sokha", "Noi", "Thida", "Kyaw", "Dara", "Ploy", "Nang"];
        string[] provinces = ["Bangkok", "เชียงใหม่", "Chonburi", "Tak", "Samut Sakhon", "Ranong", "Songkhla", "Korat"];
        string[] nationalities = ["MM", "พม่า", "KH", "Lao", "ไทย", "stateless"];
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("first name,surname,sex,date of birth,nationality,ID card,passport no.,phone,province,date identified,status\n");
        for (var i = 0; i < rows; i++)
        {
            if (brokenRow == i + 2)
            {
                writer.Write("only,three,fields\n");
                continue;
            }

            var id = ThaiId((100_000_000_000L + i).ToString(CultureInfo.InvariantCulture));
            var birth = new DateOnly(1970, 1, 1).AddDays(random.Next(0, 15000));
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{given[i % given.Length]}{i},Family{i},{(i % 2 == 0 ? "F" : "M")},{birth.Day}/{birth.Month}/{birth.Year + 543},{nationalities[i % nationalities.Length]},{(i % 3 == 0 ? id : "")},{(i % 3 == 1 ? "P" + i.ToString("D8", CultureInfo.InvariantCulture) : "")},08{i % 100_000_000:D8},{provinces[i % provinces.Length]},{1 + i % 28}/{1 + i % 12}/2567,active\n"));
        }
    }
}

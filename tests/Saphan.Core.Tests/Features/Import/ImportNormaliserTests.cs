using Saphan.Core.Features.Import;

namespace Saphan.Core.Tests.Features.Import;

public sealed class ImportNormaliserTests
{
    [Theory]
    [InlineData("5/3/2567", "2024-03-05")]
    [InlineData("05-03-2567", "2024-03-05")]
    [InlineData("5.3.2024", "2024-03-05")]
    [InlineData("2024-03-05", "2024-03-05")]
    [InlineData("2567-03-05", "2024-03-05")]
    [InlineData("5 มี.ค. 2567", "2024-03-05")]
    [InlineData("5 มีนาคม 2567", "2024-03-05")]
    [InlineData("๕ มี.ค. ๒๕๖๗", "2024-03-05")]
    [InlineData("๕/๓/๒๕๖๗", "2024-03-05")]
    [InlineData("1 พ.ค. 2530", "1987-05-01")]
    [InlineData("1 พฤษภาคม 2530", "1987-05-01")]
    [InlineData("31 ธ.ค. 2566", "2023-12-31")]
    [InlineData("5 Mar 2024", "2024-03-05")]
    [InlineData("5-Mar-2024", "2024-03-05")]
    [InlineData("March 5, 2024", "2024-03-05")]
    [InlineData("45356", "2024-03-05")]
    [InlineData("45356.75", "2024-03-05")]
    [InlineData("5/3/2567 0:00", "2024-03-05")]
    [InlineData("2024-03-05 00:00:00", "2024-03-05")]
    public void Dates_in_Thai_layouts_and_the_Buddhist_Era_become_ISO(string cell, string expected)
    {
        var date = ImportNormaliser.Date(cell);
        Assert.True(date.Ok, date.Problem);
        Assert.Equal(expected, date.Value);
    }

    [Theory]
    [InlineData("31/2/2567")]
    [InlineData("5/3/67")]
    [InlineData("yesterday")]
    [InlineData("5 Smarch 2024")]
    [InlineData("12")]
    public void Impossible_or_ambiguous_dates_are_refused_without_repeating_the_value(string cell)
    {
        var date = ImportNormaliser.Date(cell);
        Assert.False(date.Ok);
        Assert.DoesNotContain(cell, date.Problem!, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_only_readable_month_first_is_kept_but_doubtful()
    {
        var date = ImportNormaliser.Date("3/25/2024");
        Assert.Equal("2024-03-25", date.Value);
        Assert.NotNull(date.Doubt);
        Assert.NotNull(ImportNormaliser.Date("45356").Doubt);
        Assert.Null(ImportNormaliser.Date("5/3/2567").Doubt);
    }

    [Theory]
    [InlineData("-")]
    [InlineData(" n/a ")]
    [InlineData("N/A")]
    [InlineData("ไม่ทราบ")]
    [InlineData("ไม่ระบุ")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#N/A")]
    public void Blankish_values_are_empty(string cell)
    {
        Assert.Null(ImportNormaliser.Clean(cell));
        Assert.Null(ImportNormaliser.Date(cell).Value);
        Assert.True(ImportNormaliser.Province(cell).Ok);
    }

    [Fact]
    public void Thai_digits_fold_to_ascii()
    {
        Assert.Equal("081-234-5678", ImportNormaliser.FoldThaiDigits("๐๘๑-๒๓๔-๕๖๗๘"));
        Assert.Equal("16", ImportNormaliser.Age("๑๖").Value);
        Assert.Equal("25", ImportNormaliser.Age("ประมาณ 25 ปี").Value);
        Assert.False(ImportNormaliser.Age("young").Ok);
    }

    [Theory]
    [InlineData("กรุงเทพมหานคร", "TH-10")]
    [InlineData("กทม.", "TH-10")]
    [InlineData("กรุงเทพฯ", "TH-10")]
    [InlineData("Bangkok", "TH-10")]
    [InlineData("จังหวัดเชียงใหม่", "TH-50")]
    [InlineData("จ.เชียงใหม่", "TH-50")]
    [InlineData("Chiang Mai", "TH-50")]
    [InlineData("Chiangmai", "TH-50")]
    [InlineData("chiang mai province", "TH-50")]
    [InlineData("Chonburi", "TH-20")]
    [InlineData("Korat", "TH-30")]
    [InlineData("โคราช", "TH-30")]
    [InlineData("Nakhon Ratchasima", "TH-30")]
    [InlineData("Ayutthaya", "TH-14")]
    [InlineData("อยุธยา", "TH-14")]
    [InlineData("ตาก", "TH-63")]
    [InlineData("th-63", "TH-63")]
    [InlineData("Samut Sakhon", "TH-74")]
    [InlineData("Nakorn Pathom", "TH-73")]
    public void Provinces_in_Thai_English_and_common_romanisations_become_ISO_codes(string cell, string code)
    {
        var province = ImportNormaliser.Province(cell);
        Assert.True(province.Ok, province.Problem);
        Assert.Equal(code, province.Value);
    }

    [Fact]
    public void A_misspelt_province_is_read_as_the_nearest_name_and_flagged()
    {
        var province = ImportNormaliser.Province("Chaing Rai");
        Assert.Equal("TH-57", province.Value);
        Assert.NotNull(province.Doubt);
        Assert.False(ImportNormaliser.Province("Atlantis").Ok);
        Assert.False(ImportNormaliser.Province("Paris").Ok);
    }

    [Theory]
    [InlineData("พม่า", "MM")]
    [InlineData("Myanmar", "MM")]
    [InlineData("Burmese", "MM")]
    [InlineData("เมียนมา", "MM")]
    [InlineData("กัมพูชา", "KH")]
    [InlineData("เขมร", "KH")]
    [InlineData("Cambodian", "KH")]
    [InlineData("ลาว", "LA")]
    [InlineData("Lao", "LA")]
    [InlineData("ไทย", "TH")]
    [InlineData("Thai", "TH")]
    [InlineData("mm", "MM")]
    [InlineData("ไร้สัญชาติ", "stateless")]
    [InlineData("Stateless", "stateless")]
    public void Nationalities_written_as_words_become_codes(string cell, string code)
    {
        var (codes, problem) = ImportNormaliser.Nationalities(cell);
        Assert.Null(problem);
        Assert.Equal([code], codes);
    }

    [Fact]
    public void Several_nationalities_in_one_cell_and_unknown_ones()
    {
        Assert.Equal(["MM", "TH"], ImportNormaliser.Nationalities("พม่า / ไทย").Codes);
        Assert.NotNull(ImportNormaliser.Nationalities("Atlantean").Problem);
    }

    [Theory]
    [InlineData("ชาย", "male")]
    [InlineData("หญิง", "female")]
    [InlineData("M", "male")]
    [InlineData("f", "female")]
    [InlineData("Male", "male")]
    [InlineData("FEMALE", "female")]
    [InlineData("ด.ญ.", "female")]
    [InlineData("ผู้ชาย", "male")]
    [InlineData("คนข้ามเพศ", "transgender_nonconforming")]
    public void Gender_words_in_both_languages_become_codes(string cell, string code) =>
        Assert.Equal(code, ImportNormaliser.Gender(cell).Value);

    [Fact]
    public void Status_route_and_documents_are_normalised()
    {
        Assert.Equal("closed", ImportNormaliser.Status("ปิด").Value);
        Assert.Equal("follow_up", ImportNormaliser.Status("ติดตาม").Value);
        Assert.Equal("active", ImportNormaliser.Status("Active").Value);
        Assert.False(ImportNormaliser.Status("maybe").Ok);
        Assert.Equal("hotline", ImportNormaliser.Route("สายด่วน").Value);
        Assert.Equal("1101700123456", ImportNormaliser.DocumentNumber("1-1017-00123-45-6").Value);
        Assert.Equal("1101700123456", ImportNormaliser.DocumentNumber("๑๑๐๑๗๐๐๑๒๓๔๕๖").Value);
        Assert.False(ImportNormaliser.DocumentNumber("1.10170E+12").Ok);
    }
}

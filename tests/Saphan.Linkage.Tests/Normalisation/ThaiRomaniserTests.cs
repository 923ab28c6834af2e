using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class ThaiRomaniserTests
{
    [Theory]
    [InlineData("สมชาย", "somchai")]
    [InlineData("สมศักดิ์", "somsak")]
    [InlineData("ประยุทธ์", "prayut")]
    [InlineData("วิชัย", "wichai")]
    [InlineData("มาลี", "mali")]
    [InlineData("บุญมี", "bunmi")]
    [InlineData("แก้ว", "kaeo")]
    [InlineData("ทองดี", "thongdi")]
    [InlineData("สมหญิง", "somying")]
    [InlineData("กาญจนา", "kanchana")]
    [InlineData("สุนทร", "sunthon")]
    [InlineData("นงลักษณ์", "nonglak")]
    [InlineData("ศรีสุข", "sisuk")]
    [InlineData("จันทร์", "chan")]
    [InlineData("อรุณ", "arun")]
    [InlineData("ปัญญา", "panya")]
    [InlineData("วันเพ็ญ", "wanphen")]
    [InlineData("สมบูรณ์", "sombun")]
    [InlineData("ประเสริฐ", "prasoet")]
    [InlineData("สวน", "suan")]
    public void Romanises_common_names_like_RTGS(string thai, string expected) =>
        Assert.Equal(expected, ThaiRomaniser.Romanise(thai));

    [Fact]
    public void Tone_marks_do_not_change_the_result() =>
        Assert.Equal(ThaiRomaniser.Romanise("แกว"), ThaiRomaniser.Romanise("แก้ว"));

    [Fact]
    public void Thai_digits_become_ascii_and_other_text_passes_through() =>
        Assert.Equal("abc 2530", ThaiRomaniser.Romanise("abc ๒๕๓๐"));
}

using System.Text;
using Saphan.Core.Features.Import;

namespace Saphan.Core.Tests.Features.Import;

public sealed class ColumnMappingTests
{
    [Fact]
    public void Thai_headers_are_mapped()
    {
        string[] headers = ["ลำดับ", "ชื่อ", "นามสกุล", "ชื่อเล่น", "เพศ", "วันเกิด", "อายุ (ปี)", "สัญชาติ", "เลขบัตรประชาชน", "โทรศัพท์", "จังหวัด", "วันที่พบ", "สถานะ"];
        var mapping = ColumnMapping.Suggest(headers, []);
        Assert.Equal(ImportTargets.Ignore, mapping.Columns["ลำดับ"]);
        Assert.Equal(ImportTargets.GivenName, mapping.Columns["ชื่อ"]);
        Assert.Equal(ImportTargets.FamilyName, mapping.Columns["นามสกุล"]);
        Assert.Equal(ImportTargets.OtherNames, mapping.Columns["ชื่อเล่น"]);
        Assert.Equal(ImportTargets.Gender, mapping.Columns["เพศ"]);
        Assert.Equal(ImportTargets.BirthDate, mapping.Columns["วันเกิด"]);
        Assert.Equal(ImportTargets.EstimatedAge, mapping.Columns["อายุ (ปี)"]);
        Assert.Equal(ImportTargets.Citizenship, mapping.Columns["สัญชาติ"]);
        Assert.Equal(ImportTargets.ThaiId, mapping.Columns["เลขบัตรประชาชน"]);
        Assert.Equal(ImportTargets.Phone, mapping.Columns["โทรศัพท์"]);
        Assert.Equal(ImportTargets.Province, mapping.Columns["จังหวัด"]);
        Assert.Equal(ImportTargets.IdentifiedOn, mapping.Columns["วันที่พบ"]);
        Assert.Equal(ImportTargets.Status, mapping.Columns["สถานะ"]);
    }

    [Fact]
    public void English_headers_are_mapped_loosely()
    {
        string[] headers = ["First Name", "SURNAME", "DOB", "Age", "Gender", "Nationality", "ID Card No.", "Passport No.", "Phone", "Province", "Date identified", "Status", "Notes"];
        var mapping = ColumnMapping.Suggest(headers, []);
        Assert.Equal(
            [ImportTargets.GivenName, ImportTargets.FamilyName, ImportTargets.BirthDate, ImportTargets.EstimatedAge, ImportTargets.Gender,
             ImportTargets.Citizenship, ImportTargets.ThaiId, ImportTargets.Passport, ImportTargets.Phone, ImportTargets.Province,
             ImportTargets.IdentifiedOn, ImportTargets.Status, ImportTargets.Summary],
            headers.Select(h => mapping.Columns[h]));
    }

    [Fact]
    public void Unnamed_columns_are_recognised_by_their_values()
    {
        var id1 = ImportFixtures.ThaiId("310050012345");
        var id2 = ImportFixtures.ThaiId("110170099999");
        string[] headers = ["ชื่อ", "col A", "col B", "col C"];
        List<string[]> rows = [["a", id1, "ชาย", "เชียงใหม่"], ["b", id2, "หญิง", "Tak"], ["c", "-", "M", "กทม."]];
        var mapping = ColumnMapping.Suggest(headers, rows);
        Assert.Equal(ImportTargets.ThaiId, mapping.Columns["col A"]);
        Assert.Equal(ImportTargets.Gender, mapping.Columns["col B"]);
        Assert.Equal(ImportTargets.Province, mapping.Columns["col C"]);

        // 13 digits with wrong check digits are not taken for ID numbers.
        List<string[]> wrong = [["a", "1234567890123", "x", "y"], ["b", "1234567890124", "x", "y"]];
        Assert.Equal(ImportTargets.Ignore, ColumnMapping.Suggest(headers, wrong).Columns["col A"]);
    }

    [Fact]
    public void A_full_name_column_is_used_when_there_is_no_given_name_column()
    {
        var mapping = ColumnMapping.Suggest(["ชื่อ-นามสกุล", "จังหวัด"], []);
        Assert.Equal(ImportTargets.FullName, mapping.Columns["ชื่อ-นามสกุล"]);
        var json = mapping.ToJson();
        Assert.Equal(mapping.Columns, ColumnMapping.FromJson(json).Columns);
    }

    [Fact]
    public void The_csv_reader_handles_quotes_line_breaks_semicolons_and_crlf()
    {
        var text = "a;b;c\r\n1;\"x;y\";\"line\nbreak \"\"quoted\"\"\"\r\n\r\n2;;\n";
        var reader = new CsvRecordReader(new StringReader(text));
        Assert.Equal(["a", "b", "c"], reader.Read()!.Fields);
        var first = reader.Read()!;
        Assert.Equal(2, first.Row);
        Assert.Equal(["1", "x;y", "line\nbreak \"quoted\""], first.Fields);
        var second = reader.Read()!;
        Assert.Equal(4, second.Row);
        Assert.Equal(["2", "", ""], second.Fields);
        Assert.Null(reader.Read());
        Assert.Equal(';', reader.Separator);
    }

    [Fact]
    public async Task Encodings_are_detected_and_binary_files_refused()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var thai = Encoding.GetEncoding(874).GetBytes("ชื่อ,จังหวัด\nสมชาย,ตาก\n");
        var info = await CsvFile.InspectAsync(new MemoryStream(thai), default);
        Assert.StartsWith("Windows-874", info.EncodingName, StringComparison.Ordinal);
        using (var reader = CsvFile.OpenReader(new MemoryStream(thai), info))
        {
            Assert.Equal("ชื่อ,จังหวัด", await reader.ReadLineAsync());
        }

        var bom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("ชื่อ\n")).ToArray();
        Assert.Equal("UTF-8", (await CsvFile.InspectAsync(new MemoryStream(bom), default)).EncodingName);
        // A ZIP is passed on as a workbook: XlsxReader decides whether it is one.
        Assert.True((await CsvFile.InspectAsync(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2]), default)).Xlsx);
        await Assert.ThrowsAsync<ImportFileException>(() => CsvFile.InspectAsync(new MemoryStream([1, 2, 0, 0, 7, 8]), default));
        await Assert.ThrowsAsync<ImportFileException>(() => CsvFile.InspectAsync(new MemoryStream([]), default));
    }
}

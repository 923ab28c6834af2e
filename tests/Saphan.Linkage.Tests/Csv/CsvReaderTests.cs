using System.Text;
using Saphan.Linkage.Csv;

namespace Saphan.Linkage.Tests.Csv;

public sealed class CsvReaderTests
{
    private static List<List<string>> ReadAll(string text)
    {
        using var reader = new CsvReader(new StringReader(text), "t.csv");
        var rows = new List<List<string>>();
        while (reader.ReadRecord() is { } row)
        {
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Parses_rfc4180_quoting_including_commas_quotes_and_newlines()
    {
        var rows = ReadAll("id,given_name,address\r\n1,\"Aung, Aung\",\"line 1\r\nline 2\"\r\n2,\"say \"\"hi\"\"\",\r\n3,,\"\"\n");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", "Aung, Aung", "line 1\r\nline 2"], rows[1]);
        Assert.Equal(["2", "say \"hi\"", ""], rows[2]);
        Assert.Equal(["3", "", ""], rows[3]);
    }

    [Fact]
    public void Reports_the_line_where_each_record_starts()
    {
        using var reader = new CsvReader(new StringReader("h\n\"a\nb\"\n\nc\n"), "t.csv");
        reader.ReadRecord();
        Assert.Equal(1, reader.RecordLine);
        reader.ReadRecord();
        Assert.Equal(2, reader.RecordLine);
        reader.ReadRecord();
        Assert.Equal(5, reader.RecordLine);
        Assert.Null(reader.ReadRecord());
    }

    [Fact]
    public void Last_record_without_newline_and_thai_text_are_read()
    {
        var rows = ReadAll("id,given_name\n1,สมชาย");
        Assert.Equal(["1", "สมชาย"], rows[1]);
    }

    [Theory]
    [InlineData("id\n\"open", "line 2: a quoted field is never closed")]
    [InlineData("id\n\"a\"b", "line 2: unexpected character after a closing quote")]
    [InlineData("id\nab\"c", "line 2: quote inside an unquoted field")]
    public void Malformed_quoting_is_a_clear_error(string text, string expected)
    {
        var ex = Assert.Throws<LinkageException>(() => ReadAll(text));
        Assert.StartsWith("t.csv, " + expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_with_and_without_bom_read_the_same_and_invalid_utf8_is_an_error()
    {
        var dir = Directory.CreateTempSubdirectory("saphan-csv-").FullName;
        try
        {
            var withBom = Path.Combine(dir, "bom.csv");
            var without = Path.Combine(dir, "plain.csv");
            var invalid = Path.Combine(dir, "latin1.csv");
            File.WriteAllText(withBom, "id,given_name\n1,สมชาย\n", new UTF8Encoding(true));
            File.WriteAllText(without, "id,given_name\n1,สมชาย\n", new UTF8Encoding(false));
            File.WriteAllBytes(invalid, [(byte)'i', (byte)'d', (byte)'\n', 0xE9, 0x41, (byte)'\n']);
            using (var a = CsvReader.Open(withBom))
            using (var b = CsvReader.Open(without))
            {
                Assert.Equal(a.ReadRecord(), b.ReadRecord());
                Assert.Equal(a.ReadRecord(), b.ReadRecord());
            }

            using var c = CsvReader.Open(invalid);
            var ex = Assert.Throws<LinkageException>(() => { c.ReadRecord(); c.ReadRecord(); });
            Assert.Contains("not valid UTF-8", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

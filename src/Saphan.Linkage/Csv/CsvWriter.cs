using System.Text;

namespace Saphan.Linkage.Csv;

/// <summary>RFC 4180 writer: UTF-8 without BOM, LF line ends, fields quoted only when they need it.</summary>
internal sealed class CsvWriter : IDisposable
{
    private readonly TextWriter _writer;

    public CsvWriter(TextWriter writer) => _writer = writer;

    public static CsvWriter Create(string path) =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" });

    public void WriteRecord(params ReadOnlySpan<string> fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                _writer.Write(',');
            }

            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (f.Length > 0 && (f[0] == ' ' || f[^1] == ' ')))
            {
                _writer.Write('"');
                _writer.Write(f.Replace("\"", "\"\"", StringComparison.Ordinal));
                _writer.Write('"');
            }
            else
            {
                _writer.Write(f);
            }
        }

        _writer.WriteLine();
    }

    public void Dispose() => _writer.Dispose();
}

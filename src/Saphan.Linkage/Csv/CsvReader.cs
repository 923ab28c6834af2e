using System.Text;

namespace Saphan.Linkage.Csv;

/// <summary>
/// RFC 4180 reader: comma-separated, fields optionally quoted with '"', '""' inside quotes is a quote,
/// quoted fields may hold commas and line breaks, CRLF or LF line ends, UTF-8 with or without BOM.
/// Blank lines are skipped. Errors name the file and the line, never the content.
/// </summary>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _reader;
    private readonly string _fileName;
    private readonly StringBuilder _field = new();
    private long _line = 1;

    public CsvReader(TextReader reader, string fileName)
    {
        _reader = reader;
        _fileName = fileName;
    }

    public static CsvReader Open(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new LinkageException(name, null, "file not found");
        }

        // Strict UTF-8: invalid bytes are an error rather than silently becoming U+FFFD.
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        return new CsvReader(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true), name);
    }

    /// <summary>The 1-based line on which the record last returned by <see cref="ReadRecord"/> starts.</summary>
    public long RecordLine { get; private set; }

    public string FileName => _fileName;

    /// <summary>Next record's fields, or null at the end of the file.</summary>
    public List<string>? ReadRecord()
    {
        try
        {
            return ReadRecordCore();
        }
        catch (DecoderFallbackException ex)
        {
            throw new LinkageException(_fileName, _line, "the file is not valid UTF-8 text", ex);
        }
    }

    private List<string>? ReadRecordCore()
    {
        while (true)
        {
            var c = _reader.Peek();
            if (c == -1)
            {
                return null;
            }

            // Skip blank lines between records.
            if (c is '\r' or '\n')
            {
                _reader.Read();
                if (c == '\r' && _reader.Peek() == '\n')
                {
                    _reader.Read();
                }

                _line++;
                continue;
            }

            break;
        }

        RecordLine = _line;
        var fields = new List<string>();
        while (true)
        {
            _field.Clear();
            var c = _reader.Read();
            if (c == '"')
            {
                ReadQuoted();
                c = _reader.Read();
                if (c is not (-1 or ',' or '\r' or '\n'))
                {
                    throw new LinkageException(_fileName, _line, "unexpected character after a closing quote (a quote inside a field must be doubled)");
                }
            }
            else
            {
                while (c is not (-1 or ',' or '\r' or '\n'))
                {
                    if (c == '"')
                    {
                        throw new LinkageException(_fileName, _line, "quote inside an unquoted field (quote the whole field and double the quote)");
                    }

                    _field.Append((char)c);
                    c = _reader.Read();
                }
            }

            fields.Add(_field.ToString());
            if (c == ',')
            {
                continue;
            }

            if (c == '\r' && _reader.Peek() == '\n')
            {
                _reader.Read();
            }

            if (c != -1)
            {
                _line++;
            }

            return fields;
        }
    }

    private void ReadQuoted()
    {
        var start = _line;
        while (true)
        {
            var c = _reader.Read();
            switch (c)
            {
                case -1:
                    throw new LinkageException(_fileName, start, "a quoted field is never closed");
                case '"' when _reader.Peek() == '"':
                    _reader.Read();
                    _field.Append('"');
                    break;
                case '"':
                    return;
                case '\n':
                    _line++;
                    _field.Append('\n');
                    break;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Saphan.Core.Features.Import;

/// <summary>A problem with the file as a whole (not one cell): the import stops and stores nothing.</summary>
public sealed class ImportFileException(string message) : Exception(message);

/// <summary>What a first pass over the file learns: its SHA-256, its text encoding and its field separator.</summary>
public sealed record CsvFileInfo(string Sha256, long Length, Encoding Encoding, string EncodingName, bool Xlsx = false, bool Xls = false);

/// <summary>
/// Reads spreadsheet exports: RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes,
/// CRLF or LF), UTF-8 with or without BOM, UTF-16 with BOM, or Thai Windows-874/TIS-620. One record at a
/// time, so memory stays flat however large the file.
/// </summary>
public static class CsvFile
{
    private static readonly byte[] OleMagic = [0xD0, 0xCF, 0x11, 0xE0];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];
    private static readonly byte[] Utf16LeBom = [0xFF, 0xFE];
    private static readonly byte[] Utf16BeBom = [0xFE, 0xFF];

    private static readonly Lazy<Encoding> Thai = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(874);
    });

    /// <summary>Reads the whole file once: its hash, whether it is text at all, and which encoding decodes it.</summary>
    public static Task<CsvFileInfo> InspectAsync(Stream stream, CancellationToken cancellationToken) =>
        InspectAsync(stream, ImportLimits.Default, cancellationToken);

    /// <summary>
    /// Reads the whole file once: its hash, its size against the limit, whether it is an XLSX workbook, CSV
    /// text or neither, and which encoding decodes the text. Invalid UTF-8 after valid UTF-8 (a file pasted
    /// together from two encodings) is refused with the line where it starts.
    /// </summary>
    public static async Task<CsvFileInfo> InspectAsync(Stream stream, ImportLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        if (stream.CanSeek && stream.Length > limits.MaxFileBytes)
        {
            throw TooLarge(limits);
        }

        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        var chars = new char[buffer.Length + 4];
        var carry = 0;
        long length = 0;
        long lines = 1;
        var multibyte = false;
        long invalidLine = 0;
        var first = true;
        var xlsx = false;
        var xls = false;
        Encoding? bomEncoding = null;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(carry, buffer.Length - carry), cancellationToken)) > 0 || carry > 0)
        {
            if (read == 0)
            {
                // The file ends inside a multi-byte sequence.
                invalidLine = invalidLine == 0 ? lines : invalidLine;
                break;
            }

            sha.AppendData(buffer, carry, read);
            length += read;
            if (length > limits.MaxFileBytes)
            {
                throw TooLarge(limits);
            }

            var span = buffer.AsSpan(0, carry + read);
            if (first)
            {
                first = false;
                bomEncoding = Sniff(span, out xlsx, out xls);
                if (bomEncoding is UTF8Encoding && span.StartsWith(Utf8Bom))
                {
                    span = span[3..];
                }
            }

            if (xlsx || xls || invalidLine != 0 || bomEncoding is UnicodeEncoding)
            {
                carry = 0;
                continue;
            }

            var status = System.Text.Unicode.Utf8.ToUtf16(span, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: false);
            var done = span[..consumed];
            lines += done.Count((byte)'\n');
            multibyte |= done.ContainsAnyInRange((byte)0x80, (byte)0xFF);
            if (status == System.Buffers.OperationStatus.InvalidData)
            {
                invalidLine = lines;
                carry = 0;
                continue;
            }

            // Keep an incomplete multi-byte sequence at the end for the next block.
            var rest = span[consumed..];
            rest.CopyTo(buffer);
            carry = rest.Length;
        }

        if (length == 0)
        {
            throw new ImportFileException("The file is empty: export the spreadsheet as CSV with a header row.");
        }

        var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (xlsx)
        {
            return new CsvFileInfo(hash, length, Encoding.UTF8, "XLSX", Xlsx: true);
        }

        if (xls)
        {
            return new CsvFileInfo(hash, length, Encoding.UTF8, "XLS", Xls: true);
        }

        if (bomEncoding is UnicodeEncoding)
        {
            return new CsvFileInfo(hash, length, bomEncoding, "UTF-16");
        }

        if (invalidLine == 0)
        {
            return new CsvFileInfo(hash, length, new UTF8Encoding(false, throwOnInvalidBytes: true), "UTF-8");
        }

        if (bomEncoding is UTF8Encoding || multibyte)
        {
            throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                $"Line {invalidLine} is not UTF-8 although the lines before it are (two encodings mixed in one file, e.g. rows pasted from an older Thai file): nothing was imported. Open the file in Excel and save it again as \"CSV UTF-8\"."));
        }

        return new CsvFileInfo(hash, length, Thai.Value, "Windows-874 (TIS-620)");
    }

    private static ImportFileException TooLarge(ImportLimits limits) => new(string.Create(CultureInfo.InvariantCulture,
        $"The file is larger than the import limit of {limits.MaxFileBytes / (1024 * 1024)} MiB: split it into several files (or raise the limit)."));

    /// <summary>Recognises a byte-order mark, and refuses workbooks and other binary files with a useful message.</summary>
    private static Encoding? Sniff(ReadOnlySpan<byte> head, out bool xlsx, out bool xls)
    {
        xlsx = head.StartsWith("PK\u0003\u0004"u8);
        // An OLE compound file: a legacy .xls workbook, read by XlsReader (anything else in that container is refused there).
        xls = head.StartsWith(OleMagic);
        if (xlsx || xls)
        {
            return null;
        }

        if (head.StartsWith(Utf8Bom))
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true);
        }

        if (head.StartsWith(Utf16LeBom) || head.StartsWith(Utf16BeBom))
        {
            return head[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
        }

        var sample = head[..Math.Min(head.Length, 8192)];
        var control = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                throw new ImportFileException("This is a binary file, neither CSV text nor an XLSX workbook (a renamed file?): export the spreadsheet as .xlsx or CSV.");
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D))
            {
                control++;
            }
        }

        if (control * 100 > sample.Length)
        {
            throw new ImportFileException("This is a binary file, neither CSV text nor an XLSX workbook (a renamed file?): export the spreadsheet as .xlsx or CSV.");
        }

        return null;
    }

    /// <summary>Opens a reader for the encoding <see cref="InspectAsync"/> found (a BOM is skipped).</summary>
    public static StreamReader OpenReader(Stream stream, CsvFileInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new StreamReader(stream, info.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 65536);
    }
}

/// <summary>One CSV record: its number in spreadsheet terms (the header is row 1) and its fields.</summary>
public sealed record CsvRecord(int Row, string[] Fields);

/// <summary>A streaming RFC 4180 reader. The separator is the one the header line uses most: comma, semicolon or tab.</summary>
public sealed class CsvRecordReader(TextReader reader) : ITableReader
{
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private char _separator = ',';
    private bool _separatorKnown;
    private int _row;
    private int _pending = -2;

    public char Separator => _separator;

    /// <summary>The next record, or null at the end. Lines with nothing on them are skipped (they still count as rows).</summary>
    public CsvRecord? Read()
    {
        while (true)
        {
            _row++;
            var fields = ReadFields();
            if (fields is null)
            {
                return null;
            }

            if (fields.Length == 1 && fields[0].Length == 0)
            {
                continue;
            }

            return new CsvRecord(_row, fields);
        }
    }

    private int Next()
    {
        if (_pending != -2)
        {
            var c = _pending;
            _pending = -2;
            return c;
        }

        return reader.Read();
    }

    private string[]? ReadFields()
    {
        var c = Next();
        if (c == -1)
        {
            return null;
        }

        if (!_separatorKnown)
        {
            // Decide the separator from the first line (the header), reading it ahead.
            var line = new StringBuilder();
            while (c != -1 && c != '\n')
            {
                line.Append((char)c);
                c = reader.Read();
            }

            var text = line.ToString();
            _separator = DetectSeparator(text);
            _separatorKnown = true;
            var fields = new CsvRecordReader(new StringReader(text)) { _separatorKnown = true, _separator = _separator }.ReadFields() ?? [""];
            return fields;
        }

        _fields.Clear();
        _field.Clear();
        var quoted = false;
        var atFieldStart = true;
        while (true)
        {
            if (c == -1)
            {
                if (quoted)
                {
                    throw new ImportFileException($"Row {_row.ToString(CultureInfo.InvariantCulture)}: a quoted field is never closed (a missing \").");
                }

                break;
            }

            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    var after = Next();
                    if (after == '"')
                    {
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        _pending = after;
                    }
                }
                else
                {
                    _field.Append(ch);
                }
            }
            else if (ch == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (ch == _separator)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
                atFieldStart = true;
            }
            else if (ch == '\n')
            {
                break;
            }
            else if (ch == '\r')
            {
                var after = Next();
                if (after != '\n')
                {
                    _pending = after;
                }

                break;
            }
            else
            {
                _field.Append(ch);
                atFieldStart = false;
            }

            c = Next();
        }

        _fields.Add(_field.ToString());
        return [.. _fields];
    }

    private static char DetectSeparator(string header)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var ch in header)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                comma += ch == ',' ? 1 : 0;
                semicolon += ch == ';' ? 1 : 0;
                tab += ch == '\t' ? 1 : 0;
            }
        }

        return tab > comma && tab >= semicolon ? '\t' : semicolon > comma ? ';' : ',';
    }
}

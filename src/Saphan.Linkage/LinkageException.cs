namespace Saphan.Linkage;

/// <summary>
/// Bad linkage input (CSV, key file, encodings). Messages name the file, the line and the reason,
/// and never contain the offending value: values in these files identify people.
/// </summary>
public sealed class LinkageException : Exception
{
    public LinkageException()
    {
    }

    public LinkageException(string message)
        : base(message)
    {
    }

    public LinkageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal LinkageException(string fileName, long? line, string reason, Exception? innerException = null)
        : base(Format(fileName, line, reason), innerException)
    {
        FileName = fileName;
        Line = line;
        Reason = reason;
    }

    /// <summary>File name (without directory) the problem was found in, when there is one.</summary>
    public string? FileName { get; }

    /// <summary>1-based physical line where the offending CSV record starts (the header is line 1).</summary>
    public long? Line { get; }

    /// <summary>The reason alone, without file and line.</summary>
    public string? Reason { get; }

    private static string Format(string fileName, long? line, string reason) =>
        line is { } l
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fileName}, line {l}: {reason}")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{fileName}: {reason}");
}

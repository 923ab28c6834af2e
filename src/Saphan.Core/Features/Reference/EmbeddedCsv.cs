namespace Saphan.Core.Features.Reference;

/// <summary>Reads the small reference tables shipped inside the assembly (simple CSV: quotes only around commas).</summary>
internal static class EmbeddedCsv
{
    public static IReadOnlyList<string[]> Read(string fileName)
    {
        var assembly = typeof(EmbeddedCsv).Assembly;
        using var stream = assembly.GetManifestResourceStream("Saphan.Core.Reference." + fileName)
            ?? throw new InvalidOperationException("Missing embedded reference table " + fileName);
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(Split(line));
            }
        }

        return rows;
    }

    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var i = 0;
        while (i <= line.Length)
        {
            if (i < line.Length && line[i] == '"')
            {
                var end = line.IndexOf('"', i + 1);
                fields.Add(line[(i + 1)..end]);
                i = end + 2;
            }
            else
            {
                var end = line.IndexOf(',', i);
                if (end < 0)
                {
                    end = line.Length;
                }

                fields.Add(line[i..end]);
                i = end + 1;
            }
        }

        return [.. fields];
    }
}

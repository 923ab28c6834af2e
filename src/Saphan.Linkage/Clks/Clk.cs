using System.Numerics;

namespace Saphan.Linkage.Clks;

/// <summary>
/// A cryptographic long-term key: the 1024-bit Bloom-filter encoding of one person's identifiers.
/// Immutable. Reveals no identifier without the network's secret key.
/// </summary>
public sealed class Clk : IEquatable<Clk>
{
    public const int Bits = 1024;
    public const int WordCount = Bits / 64;
    public const int ByteCount = Bits / 8;

    private readonly ulong[] _words;

    internal Clk(ulong[] words)
    {
        if (words.Length != WordCount)
        {
            throw new ArgumentException("A CLK has exactly 16 words.", nameof(words));
        }

        _words = words;
        var count = 0;
        foreach (var w in words)
        {
            count += BitOperations.PopCount(w);
        }

        PopCount = count;
    }

    /// <summary>The 16 little-endian 64-bit words; bit i of the encoding is bit (i % 64) of word i / 64.</summary>
    public ReadOnlySpan<ulong> Words => _words;

    /// <summary>Number of set bits.</summary>
    public int PopCount { get; }

    /// <summary>True when no identifier contributed any bit (all fields were empty).</summary>
    public bool IsEmpty => PopCount == 0;

    public static Clk FromWords(ReadOnlySpan<ulong> words)
    {
        if (words.Length != WordCount)
        {
            throw new ArgumentException("A CLK has exactly 16 words.", nameof(words));
        }

        return new Clk(words.ToArray());
    }

    /// <summary>Base64 of the 128 bytes (words in little-endian order).</summary>
    public string ToBase64()
    {
        Span<byte> bytes = stackalloc byte[ByteCount];
        WriteBytes(bytes);
        return Convert.ToBase64String(bytes);
    }

    public void WriteBytes(Span<byte> destination)
    {
        if (destination.Length < ByteCount)
        {
            throw new ArgumentException("Destination needs 128 bytes.", nameof(destination));
        }

        for (var i = 0; i < WordCount; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[(i * 8)..], _words[i]);
        }
    }

    /// <summary>Parses base64 of exactly 128 bytes; false for anything else.</summary>
    public static bool TryFromBase64(ReadOnlySpan<char> base64, out Clk? clk)
    {
        clk = null;
        Span<byte> bytes = stackalloc byte[ByteCount + 3];
        if (!Convert.TryFromBase64Chars(base64.Trim(), bytes, out var written) || written != ByteCount)
        {
            return false;
        }

        var words = new ulong[WordCount];
        for (var i = 0; i < WordCount; i++)
        {
            words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * 8)..]);
        }

        clk = new Clk(words);
        return true;
    }

    public bool Equals(Clk? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);

    public override bool Equals(object? obj) => Equals(obj as Clk);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var w in _words)
        {
            hash.Add(w);
        }

        return hash.ToHashCode();
    }
}

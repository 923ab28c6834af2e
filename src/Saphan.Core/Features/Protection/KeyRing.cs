using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Saphan.Core.Features.Protection;

/// <summary>
/// The secrets that protect identifying data: one 256-bit master key kept outside the database
/// (a file in the data folder by default), from which purpose-specific keys are derived.
/// Losing the file makes the encrypted fields unreadable; that is the point, so back it up apart.
/// </summary>
public sealed class KeyRing
{
    private const int KeyBytes = 32;
    private readonly byte[] _master;

    private KeyRing(byte[] master, string keyId)
    {
        _master = master;
        KeyId = keyId;
    }

    /// <summary>A short, non-secret fingerprint of the master key (first bytes of its SHA-256).</summary>
    public string KeyId { get; }

    public static KeyRing FromBytes(ReadOnlySpan<byte> master)
    {
        if (master.Length != KeyBytes)
        {
            throw new ArgumentException($"A master key has {KeyBytes} bytes.", nameof(master));
        }

        var copy = master.ToArray();
        var id = Convert.ToHexStringLower(SHA256.HashData(copy).AsSpan(0, 6));
        return new KeyRing(copy, id);
    }

    /// <summary>Loads the key file, creating it (readable by the owner only) when it does not exist.</summary>
    public static KeyRing LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var fresh = RandomNumberGenerator.GetBytes(KeyBytes);
            var json = JsonSerializer.Serialize(new KeyFile(1, Convert.ToBase64String(fresh)));
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }

                stream.Write(Encoding.UTF8.GetBytes(json));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            file = null;
        }

        if (file is null || file.Version != 1)
        {
            throw new InvalidDataException($"The key file {path} is not a Saphan key file (version 1).");
        }

        var bytes = Convert.FromBase64String(file.Key);
        return bytes.Length == KeyBytes
            ? FromBytes(bytes)
            : throw new InvalidDataException($"The key file {path} does not hold a {KeyBytes}-byte key.");
    }

    /// <summary>A key for one purpose, independent of the keys for every other purpose (HKDF-SHA256).</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _master, KeyBytes, salt: [], info: Encoding.UTF8.GetBytes("saphan/" + purpose));

    private sealed record KeyFile(int Version, string Key);
}

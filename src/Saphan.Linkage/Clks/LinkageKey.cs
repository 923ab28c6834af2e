using System.Security.Cryptography;
using System.Text;

namespace Saphan.Linkage.Clks;

/// <summary>
/// The network's shared secret: 32 random bytes, stored as one line of 64 hexadecimal characters.
/// Every organisation encodes with the same key; the repository that matches never has it.
/// Field-specific HMAC keys are derived from it with HKDF-SHA256, so no two fields share a key.
/// </summary>
public sealed class LinkageKey
{
    public const int SizeInBytes = 32;

    private readonly byte[] _secret;

    private LinkageKey(byte[] secret) => _secret = secret;

    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>
    /// A public identifier of the key (16 hex digits: the first 8 bytes of HMAC-SHA256(key,
    /// "saphan-linkage-key-id-v1")). Written next to every encoding so the repository can tell that two
    /// files were encoded with different keys; one-way, so it reveals nothing usable about the key.
    /// </summary>
    public string Fingerprint => Convert.ToHexStringLower(
        System.Security.Cryptography.HMACSHA256.HashData(_secret, "saphan-linkage-key-id-v1"u8)[..8]);

    public static LinkageKey FromBytes(ReadOnlySpan<byte> secret)
    {
        if (secret.Length != SizeInBytes)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A linkage key is {SizeInBytes} bytes; got {secret.Length}."),
                nameof(secret));
        }

        return new LinkageKey(secret.ToArray());
    }

    /// <summary>Creates a new random key and writes it to <paramref name="path"/>; refuses to overwrite a file.</summary>
    public static LinkageKey Generate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var secret = RandomNumberGenerator.GetBytes(SizeInBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            var text = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(secret) + "\n");
            stream.Write(text);
        }
        catch (IOException ex) when (File.Exists(path))
        {
            throw new LinkageException(Path.GetFileName(path), null, "key file already exists; refusing to overwrite a network key", ex);
        }

        return new LinkageKey(secret);
    }

    /// <summary>Reads a key file written by <see cref="Generate"/>.</summary>
    public static LinkageKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new LinkageException(name, null, "key file not found");
        }

        if (new FileInfo(path).Length > 1024)
        {
            throw new LinkageException(name, null, WrongLength("the file is far too long"));
        }

        var text = File.ReadAllText(path, Encoding.ASCII).Trim();
        if (text.Length != SizeInBytes * 2)
        {
            throw new LinkageException(
                name,
                null,
                WrongLength(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"found {text.Length} characters")));
        }

        try
        {
            return new LinkageKey(Convert.FromHexString(text));
        }
        catch (FormatException ex)
        {
            throw new LinkageException(name, null, WrongLength("it contains characters that are not hexadecimal digits"), ex);
        }
    }

    private static string WrongLength(string detail) =>
        $"not a valid linkage key: expected {SizeInBytes} bytes written as {SizeInBytes * 2} hexadecimal characters (as made by 'link keygen'); {detail}";
}

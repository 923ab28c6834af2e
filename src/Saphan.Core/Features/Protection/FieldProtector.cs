using System.Security.Cryptography;
using System.Text;

namespace Saphan.Core.Features.Protection;

/// <summary>
/// Encrypts identifying fields one by one with AES-256-GCM. The field's name is bound in as
/// associated data, so a ciphertext copied into another column does not decrypt.
/// Layout: version (1) | nonce (12) | ciphertext | tag (16), stored as base64 text.
/// </summary>
public sealed class FieldProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;
    // An AesGcm per thread and key: creating one expands the key and allocates a native context, which cost more than
    // encrypting a short field. An instance is never used by two threads at once.
    [ThreadStatic]
    private static (byte[] Key, AesGcm Aes)? t_aes;

    public FieldProtector(KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _key = keys.Derive("field-encryption/v1");
        KeyId = keys.KeyId;
    }

    public string KeyId { get; }

    // Random bytes for nonces, drawn from the system's generator a few hundred nonces at a time (one call per value was a
    // system call per encrypted field). Every nonce is still fresh CSPRNG output, used once, on one thread.
    [ThreadStatic]
    private static byte[]? t_random;
    [ThreadStatic]
    private static int t_randomUsed;
    private const int RandomBufferSize = NonceSize * 256;

    // The associated data of each field name, encoded once (field names are the model's property names: a handful).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> _associated = new(StringComparer.Ordinal);

    public string Protect(string field, string plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var length = Encoding.UTF8.GetByteCount(plaintext);
        var output = new byte[1 + NonceSize + length + TagSize];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        NextNonce(nonce);
        // The plaintext is encoded into the ciphertext's place and encrypted there (AES-GCM works in place).
        var body = output.AsSpan(1 + NonceSize, length);
        Encoding.UTF8.GetBytes(plaintext, body);
        Cipher().Encrypt(nonce, body, body, output.AsSpan(1 + NonceSize + length), Associated(field));
        return Convert.ToBase64String(output);
    }

    private byte[] Associated(string field) => _associated.GetOrAdd(field, static f => Encoding.UTF8.GetBytes(f));

    private static void NextNonce(Span<byte> nonce)
    {
        var random = t_random ??= new byte[RandomBufferSize];
        if (t_randomUsed == 0 || t_randomUsed + NonceSize > RandomBufferSize)
        {
            RandomNumberGenerator.Fill(random);
            t_randomUsed = 0;
        }

        var next = random.AsSpan(t_randomUsed, NonceSize);
        next.CopyTo(nonce);
        // Not kept: a nonce handed out is wiped from the buffer.
        next.Clear();
        t_randomUsed += NonceSize;
    }

    private AesGcm Cipher()
    {
        if (t_aes is { } cached && ReferenceEquals(cached.Key, _key))
        {
            return cached.Aes;
        }

        var aes = new AesGcm(_key, TagSize);
        t_aes?.Aes.Dispose();
        t_aes = (_key, aes);
        return aes;
    }

    public string Unprotect(string field, string protectedValue)
    {
        var input = Convert.FromBase64String(protectedValue);
        if (input.Length < 1 + NonceSize + TagSize || input[0] != FormatVersion)
        {
            throw new CryptographicException($"The stored value of {field} is not in a known protected format.");
        }

        var cipherLength = input.Length - 1 - NonceSize - TagSize;
        var plain = new byte[cipherLength];
        var aes = Cipher();
        aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize, cipherLength), input.AsSpan(1 + NonceSize + cipherLength), plain, Associated(field));
        return Encoding.UTF8.GetString(plain);
    }
}

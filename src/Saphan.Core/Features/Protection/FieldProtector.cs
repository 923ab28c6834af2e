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

    public string Protect(string field, string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + NonceSize + plain.Length + TagSize];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var aes = Cipher();
        aes.Encrypt(nonce, plain, output.AsSpan(1 + NonceSize, plain.Length), output.AsSpan(1 + NonceSize + plain.Length), Encoding.UTF8.GetBytes(field));
        return Convert.ToBase64String(output);
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
        aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize, cipherLength), input.AsSpan(1 + NonceSize + cipherLength), plain, Encoding.UTF8.GetBytes(field));
        return Encoding.UTF8.GetString(plain);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace EShop.Silo.Persistence;

// Authenticated encryption (AES-256-GCM) of the [PersonalData] properties of stored grain state. EShop:Encryption:Key
// (32 bytes, base64) encrypts; it and EShop:Encryption:PreviousKeys decrypt, so a key is rotated by making the new one
// the key and keeping the old one among the previous until every row has been written again. A value is
// "pd1:<key id>:<base64 of nonce, ciphertext, tag>", the key id a digest of the key; the property's name is the
// associated data, so a value moved to another property does not decrypt. A value without the prefix is one stored
// before encryption was configured, and is read as it is. Without a key, nothing is encrypted.
public sealed class PersonalDataProtector
{
    public const string Section = "EShop:Encryption";
    private const string Prefix = "pd1:";
    private const int NonceSize = 12, TagSize = 16;

    private readonly (string Id, byte[] Key)? _current;
    private readonly Dictionary<string, byte[]> _keys = [];

    public PersonalDataProtector(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        foreach (var encoded in section.GetSection("PreviousKeys").Get<string[]>() ?? [])
        {
            var key = Decode(encoded);
            _keys[IdOf(key)] = key;
        }

        if (section["Key"] is { Length: > 0 } current)
        {
            var key = Decode(current);
            _current = (IdOf(key), key);
            _keys[_current.Value.Id] = key;
        }
    }

    public bool Enabled => _current is not null;

    // Whether a stored value is one Protect made (anything else was stored before encryption was configured).
    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    public string Protect(string plaintext, string field)
    {
        var (id, key) = _current ?? throw new InvalidOperationException($"No {Section}:Key is configured.");
        var data = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + data.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceSize, data.Length), sealedBytes.AsSpan(NonceSize + data.Length), Encoding.UTF8.GetBytes(field));
        return $"{Prefix}{id}:{Convert.ToBase64String(sealedBytes)}";
    }

    public string Unprotect(string stored, string field)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }

        var parts = stored.Split(':', 3);
        if (parts.Length != 3 || !_keys.TryGetValue(parts[1], out var key))
        {
            throw new CryptographicException($"Stored personal data was encrypted with key {parts.ElementAtOrDefault(1)}, which is not among {Section}:Key and PreviousKeys.");
        }

        var sealedBytes = Convert.FromBase64String(parts[2]);
        var length = sealedBytes.Length - NonceSize - TagSize;
        var data = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, length), sealedBytes.AsSpan(NonceSize + length), data, Encoding.UTF8.GetBytes(field));
        return Encoding.UTF8.GetString(data);
    }

    private static byte[] Decode(string encoded)
    {
        var key = Convert.FromBase64String(encoded);
        return key.Length == 32 ? key : throw new InvalidOperationException($"{Section}: keys are 32 bytes, base64-encoded.");
    }

    private static string IdOf(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..8];
}

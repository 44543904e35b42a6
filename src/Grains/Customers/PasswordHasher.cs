using System.Security.Cryptography;

namespace EShop.Customers;

// PBKDF2-HMAC-SHA256 at OWASP's 2023 work factor. The stored form names the algorithm and iteration count, so the
// factor can rise later without breaking existing hashes.
public static class PasswordHasher
{
    public const int Iterations = 600_000;
    private const string Scheme = "pbkdf2-sha256";

    // Verified against when the e-mail is unknown, so a sign-in takes as long whether or not the account exists.
    private static readonly Lazy<string> DecoyHash = new(() => Hash(Guid.NewGuid().ToString()));

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(password, salt, Iterations, HashAlgorithmName.SHA256, 32);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string? stored)
    {
        var parts = (stored ?? DecoyHash.Value).Split('$');
        if (parts is not [Scheme, var iterationText, var saltText, var hashText] || !int.TryParse(iterationText, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        var actual = Rfc2898DeriveBytes.Pbkdf2(password, Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && stored is not null;
    }
}

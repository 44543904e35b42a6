using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EShop.GraphQLGateway.Customers;

// The keys tokens are signed and checked with. EShop:Jwt:SigningKey signs; it and every key in
// EShop:Jwt:ValidationKeys are accepted, so a key is rotated without signing anyone out: add the new one as the
// signing key, keep the old one as a validation key until the last token it signed has expired (the refresh token's
// lifetime), then drop it. Each key's id (kid, in every token's header) is a digest of it, so the key that checks a
// token is found without trying them all. With no key configured a random development key signs (tokens then die
// with the process).
public sealed partial class SigningKeys
{
    public SigningKeys(IOptions<JwtOptions> options, ILogger<SigningKeys> logger)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrEmpty(configured))
        {
            LogGenerated(logger);
            Signing = WithId(RandomNumberGenerator.GetBytes(64));
        }
        else
        {
            Signing = FromConfiguration(configured, "SigningKey");
        }

        Validation = [Signing, .. options.Value.ValidationKeys.Select(k => FromConfiguration(k, "ValidationKeys"))];
    }

    public SymmetricSecurityKey Signing { get; }

    public IReadOnlyList<SymmetricSecurityKey> Validation { get; }

    private static SymmetricSecurityKey FromConfiguration(string key, string name)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        return bytes.Length >= 32 ? WithId(bytes) : throw new InvalidOperationException($"{JwtOptions.Section}:{name}: every key must be at least 32 bytes.");
    }

    private static SymmetricSecurityKey WithId(byte[] bytes) => new(bytes) { KeyId = Convert.ToHexString(SHA256.HashData(bytes))[..16] };

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No EShop:Jwt:SigningKey configured: signing tokens with a random development key. Tokens stop working when this gateway restarts, and other gateways reject them.")]
    private static partial void LogGenerated(ILogger logger);
}

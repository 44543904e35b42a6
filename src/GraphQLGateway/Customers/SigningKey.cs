using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace EShop.GraphQLGateway.Customers;

// The key tokens are signed with: the configured one, or a random one for development (tokens then die with the process).
public sealed partial class SigningKey
{
    public SigningKey(IOptions<JwtOptions> options, ILogger<SigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        if (string.IsNullOrEmpty(configured))
        {
            LogGenerated(logger);
            Key = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64));
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(configured);
        Key = bytes.Length >= 32
            ? new SymmetricSecurityKey(bytes)
            : throw new InvalidOperationException($"{JwtOptions.Section}:SigningKey must be at least 32 bytes.");
    }

    public SymmetricSecurityKey Key { get; }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "No EShop:Jwt:SigningKey configured: signing tokens with a random development key. Tokens stop working when this gateway restarts, and other gateways reject them.")]
    private static partial void LogGenerated(ILogger logger);
}

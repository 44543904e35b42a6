using System.Security.Cryptography;
using System.Text;

namespace EShop.Shared;

/// <summary>
/// The SHA-256 of a text, in upper-case hex: the grain key of something whose value must not travel in grain ids,
/// logs or storage (an e-mail address, a token, a gift-card code).
/// </summary>
public static class Digest
{
    public static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

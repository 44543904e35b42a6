using System.Security.Cryptography;
using System.Text;

namespace EShop.Payments;

public static class GiftCards
{
    // A card's grain key: the SHA-256 of its code, compared without case or surrounding spaces. The code itself, which
    // spends the card, is kept nowhere in storage, orders or the ledger.
    public static string KeyOf(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}

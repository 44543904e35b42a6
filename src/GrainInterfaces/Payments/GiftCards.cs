namespace EShop.Payments;

public static class GiftCards
{
    // Codes are compared without case or surrounding spaces: the grain's key is the normalized code.
    public static string Normalize(string code) => code.Trim().ToUpperInvariant();
}

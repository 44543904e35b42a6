using System.Security.Cryptography;
using EShop.Payments;
using EShop.Shared;

namespace EShop.GraphQLGateway.Payments;

public static class GiftCardCodes
{
    public const int MaxLength = 64;

    // No 0/O or 1/I, so a code read aloud or typed from a printed card comes out right.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // GC-XXXX-XXXX-XXXX-XXXX: 80 random bits, too many to guess.
    public static string New() =>
        "GC-" + string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));

    public static UserError? Validate(string code) =>
        GiftCards.Normalize(code) is { Length: >= 6 and <= MaxLength } normalized && normalized.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-')
            ? null
            : UserError.Of(ErrorCodes.InvalidInput, $"code must be 6-{MaxLength} letters, digits or '-'.", "code");
}

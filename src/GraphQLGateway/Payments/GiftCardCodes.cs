using System.Security.Cryptography;
using EShop.Shared;

namespace EShop.GraphQLGateway.Payments;

public static class GiftCardCodes
{
    // Long enough that guessing one is hopeless, short enough to type from a printed card.
    public const int MinLength = 12;
    public const int MaxLength = 64;

    // No 0/O or 1/I, so a code read aloud or typed from a printed card comes out right.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // GC-XXXX-XXXX-XXXX-XXXX: 80 random bits.
    public static string New() =>
        "GC-" + string.Join('-', Enumerable.Range(0, 4).Select(_ => new string(RandomNumberGenerator.GetItems<char>(Alphabet, 4))));

    public static bool IsWellFormed(string code) =>
        code.Trim() is { Length: >= MinLength and <= MaxLength } trimmed && trimmed.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-');

    public static UserError? Validate(string code) => IsWellFormed(code)
        ? null
        : UserError.Of(ErrorCodes.InvalidInput, $"code must be {MinLength}-{MaxLength} letters, digits or '-'.", "code");
}

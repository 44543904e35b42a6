namespace EShop.Sandbox.Processor;

// The documented test tokens; any other token is one this processor never issued.
internal static class TestCardTokens
{
    public static string? DeclineCodeFor(string? token) => token switch
    {
        "tok_visa" => null,
        "tok_chargeDeclined" => "card_declined",
        "tok_insufficientFunds" => "insufficient_funds",
        _ => "invalid_token",
    };
}

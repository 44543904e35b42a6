namespace EShop.Sandbox.Carrier;

internal sealed record LabelRequest(string? Reference, string? Country, string? PostalCode, int WeightGrams, string? Speed) : ISandboxRequest
{
    public ApiResponse? Validate() =>
        string.IsNullOrWhiteSpace(Reference)
        || Country is not { Length: 2 } || !Country.All(char.IsAsciiLetter)
        || string.IsNullOrWhiteSpace(PostalCode) || PostalCode.Length > 20
        || WeightGrams <= 0
        || Speed?.ToUpperInvariant() is not ("STANDARD" or "EXPRESS")
            ? SandboxErrors.InvalidRequest
            : null;
}

namespace EShop.Sandbox.Processor;

internal sealed record AuthorizationRequest(decimal Amount, string? Currency, string? Token, string? Reference) : ISandboxRequest
{
    public ApiResponse? Validate() =>
        !Amounts.IsValid(Amount) ? SandboxErrors.InvalidAmount
        : Currency is not { Length: 3 } || !Currency.All(char.IsAsciiLetter) ? SandboxErrors.InvalidRequest
        : null;
}

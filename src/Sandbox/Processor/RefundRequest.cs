namespace EShop.Sandbox.Processor;

internal sealed record RefundRequest(string? AuthorizationId, decimal Amount) : ISandboxRequest
{
    public ApiResponse? Validate() => Amounts.IsValid(Amount) ? null : SandboxErrors.InvalidAmount;
}

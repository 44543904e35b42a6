namespace EShop.Sandbox.Processor;

internal sealed record RefundResponse(string Id, string AuthorizationId, string Status, decimal Amount);

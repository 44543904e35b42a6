namespace EShop.Sandbox.Processor;

// One authorization and the money it moved. It locks on its own: calls under different idempotency keys (a capture
// racing a void) may reach it together.
internal sealed class Authorization(string id, AuthorizationRequest request, string? declineCode, DateTimeOffset createdAt)
{
    private readonly Lock gate = new();
    private readonly string currency = request.Currency!.ToUpperInvariant();
    private AuthorizationStatus status = declineCode is null ? AuthorizationStatus.Approved : AuthorizationStatus.Declined;
    private decimal captured;
    private decimal refunded;

    public string Id => id;

    public string? Reference => request.Reference;

    // Capturing again answers like the first capture and moves nothing more.
    public ApiResponse Capture()
    {
        lock (gate)
        {
            if (status == AuthorizationStatus.Approved)
            {
                status = AuthorizationStatus.Captured;
                captured = request.Amount;
            }

            return status == AuthorizationStatus.Captured ? ApiResponse.Ok(ToResponse()) : SandboxErrors.InvalidState;
        }
    }

    public ApiResponse Void()
    {
        lock (gate)
        {
            if (status == AuthorizationStatus.Approved)
            {
                status = AuthorizationStatus.Voided;
            }

            return status == AuthorizationStatus.Voided ? ApiResponse.Ok(ToResponse()) : SandboxErrors.InvalidState;
        }
    }

    public ApiResponse Refund(decimal amount)
    {
        lock (gate)
        {
            if (status != AuthorizationStatus.Captured)
            {
                return SandboxErrors.InvalidState;
            }

            if (amount > captured - refunded)
            {
                return SandboxErrors.AmountExceedsCaptured;
            }

            refunded += amount;
            return ApiResponse.Ok(new RefundResponse($"re_{Guid.NewGuid():N}", id, "refunded", amount));
        }
    }

    public AuthorizationResponse ToResponse()
    {
        lock (gate)
        {
            return new(id, status, request.Amount, currency, request.Reference, declineCode);
        }
    }

    public ChargeRecord ToRecord()
    {
        lock (gate)
        {
            return new(id, request.Reference, request.Amount, currency, status, captured, refunded, declineCode, createdAt);
        }
    }
}

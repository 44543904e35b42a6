namespace EShop.Sandbox;

// The error codes callers branch on; they are the contract, so each is spelled once.
internal static class SandboxErrors
{
    public static readonly ApiResponse IdempotencyKeyRequired = ApiResponse.Error(StatusCodes.Status400BadRequest, "idempotency_key_required");
    public static readonly ApiResponse IdempotencyKeyReused = ApiResponse.Error(StatusCodes.Status409Conflict, "idempotency_key_reused");
    public static readonly ApiResponse InvalidRequest = ApiResponse.Error(StatusCodes.Status400BadRequest, "invalid_request");
    public static readonly ApiResponse InvalidAmount = ApiResponse.Error(StatusCodes.Status400BadRequest, "invalid_amount");
    public static readonly ApiResponse AmountExceedsCaptured = ApiResponse.Error(StatusCodes.Status400BadRequest, "amount_exceeds_captured");
    public static readonly ApiResponse InvalidState = ApiResponse.Error(StatusCodes.Status409Conflict, "invalid_state");
    public static readonly ApiResponse NotFound = ApiResponse.Error(StatusCodes.Status404NotFound, "not_found");
    public static readonly ApiResponse Unavailable = ApiResponse.Error(StatusCodes.Status503ServiceUnavailable, "unavailable");
}

namespace EShop.Sandbox.Processor;

// A field left out keeps its current value.
internal sealed record ProcessorBehaviourUpdate(int? LatencyMs, double? FailureRate, bool? Down) : ISandboxRequest
{
    public ApiResponse? Validate() => LatencyMs < 0 || FailureRate is < 0 or > 1 ? SandboxErrors.InvalidRequest : null;
}

namespace EShop.Sandbox.Processor;

internal sealed record ProcessorBehaviour(int LatencyMs, double FailureRate, bool Down);

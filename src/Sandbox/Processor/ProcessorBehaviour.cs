namespace EShop.Sandbox.Processor;

// Calls: the processor calls (POSTs) received so far, faults or not, for a test to see a client hold calls back.
internal sealed record ProcessorBehaviour(int LatencyMs, double FailureRate, bool Down, long Calls = 0);

namespace EShop.Sandbox.Processor;

// How the processor behaves at start (Sandbox:Processor); PUT /sandbox/processor/behaviour changes it at run time.
internal sealed class ProcessorOptions
{
    public const string Section = "Sandbox:Processor";

    public int LatencyMs { get; set; }

    public double FailureRate { get; set; }

    // Set it to replay the same faults for the same sequence of calls.
    public int? Seed { get; set; }
}

using Microsoft.Extensions.Options;

namespace EShop.Sandbox.Processor;

// The processor's current behaviour and the dice that decide which calls fail.
internal sealed class ProcessorFaults
{
    private readonly Lock gate = new();
    private readonly Random random;
    private ProcessorBehaviour current;
    private long calls;

    public ProcessorFaults(IOptions<ProcessorOptions> options)
    {
        var start = options.Value;
        random = start.Seed is { } seed ? new Random(seed) : new Random();
        current = new ProcessorBehaviour(start.LatencyMs, start.FailureRate, Down: false);
    }

    public ProcessorBehaviour Current
    {
        get
        {
            lock (gate)
            {
                return current with { Calls = calls };
            }
        }
    }

    public void CountCall() => Interlocked.Increment(ref calls);

    public ProcessorBehaviour Apply(ProcessorBehaviourUpdate update)
    {
        lock (gate)
        {
            current = new ProcessorBehaviour(update.LatencyMs ?? current.LatencyMs, update.FailureRate ?? current.FailureRate, update.Down ?? current.Down);
            return current with { Calls = calls };
        }
    }

    // One draw per call, so a seed gives the same faults for the same sequence of calls. Half of the failures come
    // after the work: the processor acted but its answer was lost, which only a retry under the same key gets back.
    public FaultPoint NextFault()
    {
        lock (gate)
        {
            if (current.FailureRate <= 0)
            {
                return FaultPoint.None;
            }

            var draw = random.NextDouble();
            return draw < current.FailureRate / 2 ? FaultPoint.BeforeWork
                : draw < current.FailureRate ? FaultPoint.AfterWork
                : FaultPoint.None;
        }
    }
}

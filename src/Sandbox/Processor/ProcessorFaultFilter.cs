namespace EShop.Sandbox.Processor;

// Latency, outages and lost responses for every /processor/v1 call, kept out of the handlers so they stay the happy path.
internal sealed class ProcessorFaultFilter(ProcessorFaults faults, TimeProvider time) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (HttpMethods.IsPost(http.Request.Method))
        {
            faults.CountCall();
        }

        var behaviour = faults.Current;
        if (behaviour.LatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(behaviour.LatencyMs), time, http.RequestAborted);
        }

        if (behaviour.Down)
        {
            return SandboxErrors.Unavailable.ToResult();
        }

        // Only calls that do work fail at random: the charges listing is how a test checks what happened.
        var fault = HttpMethods.IsPost(http.Request.Method) ? faults.NextFault() : FaultPoint.None;
        if (fault == FaultPoint.BeforeWork)
        {
            return SandboxErrors.Unavailable.ToResult();
        }

        var result = await next(context);
        return fault == FaultPoint.AfterWork ? SandboxErrors.Unavailable.ToResult() : result;
    }
}

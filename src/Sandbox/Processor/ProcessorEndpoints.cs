namespace EShop.Sandbox.Processor;

internal static class ProcessorEndpoints
{
    public static IEndpointRouteBuilder MapProcessor(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/processor/v1").AddEndpointFilter<ProcessorFaultFilter>();
        api.MapPost("/authorizations", Authorize);
        api.MapPost("/authorizations/{id}/capture", Capture);
        api.MapPost("/authorizations/{id}/void", VoidAuthorization);
        api.MapPost("/refunds", Refund);
        api.MapGet("/charges", ListCharges);

        // Outside the group: tests must reach these while the processor plays dead.
        endpoints.MapGet("/sandbox/processor/behaviour", GetBehaviour);
        endpoints.MapPut("/sandbox/processor/behaviour", UpdateBehaviour);
        return endpoints;
    }

    private static Task<IResult> Authorize(HttpContext http, IdempotencyStore<ProcessorLedger> idempotency, ProcessorLedger ledger) =>
        idempotency.RunAsync<AuthorizationRequest>(http, ledger.Authorize);

    private static Task<IResult> Capture(string id, HttpContext http, IdempotencyStore<ProcessorLedger> idempotency, ProcessorLedger ledger) =>
        idempotency.RunAsync(http, () => ledger.Capture(id));

    private static Task<IResult> VoidAuthorization(string id, HttpContext http, IdempotencyStore<ProcessorLedger> idempotency, ProcessorLedger ledger) =>
        idempotency.RunAsync(http, () => ledger.Void(id));

    private static Task<IResult> Refund(HttpContext http, IdempotencyStore<ProcessorLedger> idempotency, ProcessorLedger ledger) =>
        idempotency.RunAsync<RefundRequest>(http, ledger.Refund);

    private static IResult ListCharges(string? reference, ProcessorLedger ledger) =>
        Results.Json(ledger.Charges(reference), SandboxJson.Options);

    private static IResult GetBehaviour(ProcessorFaults faults) => Results.Json(faults.Current, SandboxJson.Options);

    private static async Task<IResult> UpdateBehaviour(HttpContext http, ProcessorFaults faults)
    {
        var update = await SandboxJson.ReadAsync<ProcessorBehaviourUpdate>(http.Request);
        if (update is null)
        {
            return SandboxErrors.InvalidRequest.ToResult();
        }

        return update.Validate() is { } invalid ? invalid.ToResult() : Results.Json(faults.Apply(update), SandboxJson.Options);
    }
}

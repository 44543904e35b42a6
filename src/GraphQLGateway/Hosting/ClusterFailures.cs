using GraphQL;
using GraphQL.Execution;
using Orleans.Runtime;
using Orleans.Transactions;

namespace EShop.GraphQLGateway.Hosting;

// What the cluster throws when it cannot do something just now: a transaction Orleans aborted for reasons of its own
// (contention, a lock broken, a participant lost with a silo), a silo gone or too busy, a call that timed out. Left to
// GraphQL.NET, each would reach the storefront as a code made of its class name (ORLEANS_CASCADING_ABORT,
// SILO_UNAVAILABLE...), which no storefront can know. They are answered with UNAVAILABLE, the code the gateway's
// circuit and SiloDepartures answer with, and a message saying whether the change was certainly not made.
public static class ClusterFailures
{
    public const string NothingChanged = "The shop could not do this just now and changed nothing; try again.";

    public const string OutcomeUnknown =
        "The shop's cluster could not confirm whether this was done; try again (a checkout with the same idempotency key never orders twice).";

    // The schema's unhandled-exception handler (AddUnhandledExceptionHandler).
    public static void Handle(UnhandledExceptionContext context)
    {
        if (ErrorFor(context.OriginalException) is { } error)
        {
            context.Exception = error;
        }
    }

    // Null for an exception that is not the cluster's (a bug): it stays the internal error it is.
    public static ExecutionError? ErrorFor(Exception exception) => exception switch
    {
        OrleansTransactionInDoubtException => Unavailable(OutcomeUnknown),

        // Aborted by Orleans, not by an exception of ours: nothing of it was applied.
        OrleansTransactionAbortedException { InnerException: null or OrleansException or TimeoutException }
            or OrleansStartTransactionFailedException
            or OrleansTransactionOverloadException
            or OrleansTransactionServiceNotAvailableException => Unavailable(NothingChanged),

        // The request may have run before its silo went, or timed out while running.
        SiloUnavailableException or OrleansMessageRejectionException or GatewayTooBusyException or TimeoutException
            => Unavailable(OutcomeUnknown),
        _ => null,
    };

    // An UNAVAILABLE error, without the exception as inner: GraphQL.NET would list its class name among the error's codes.
    public static ExecutionError Unavailable(string message) => new(message) { Code = ClusterCircuit.UnavailableCode };
}

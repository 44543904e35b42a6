using Microsoft.Extensions.Logging;
using Orleans.Transactions;
using Orleans.Transactions.Abstractions;

namespace EShop.Silo.Hosting;

// A request that joins a transaction takes the participant's lock when the grain runs it. One sent by a silo that then
// died may be waiting, in the grain's queue or for the lock, behind a lock another of that silo's transactions holds;
// when that lock expires it takes the lock again for a coordinator that is gone, and the grain stays locked another
// LockTimeout, then another for the next such request: after a kill -9, a product with four shoppers went 20 s
// without an order. So every silo stamps the transactional requests it sends with its address, and a grain refuses one
// whose sender has been declared dead, or, if the sender died while the request waited, aborts at once the transaction
// it just joined instead of holding its lock until the lock expires. Neither loses anything: such a transaction cannot
// commit, as its coordinator sends the commit only after every call it made has returned to it.
public sealed partial class TransactionSenders(
    ILocalSiloDetails silo,
    IClusterMembershipService membership,
    ILogger<TransactionSenders> logger) : IOutgoingGrainCallFilter, IIncomingGrainCallFilter
{
    // The request context entry that names the sending silo.
    public const string SenderKey = "eshop.transaction-sender";

    public Task Invoke(IOutgoingGrainCallContext context) =>
        context.Request is TransactionRequestBase ? InvokeStampedAsync(context) : context.Invoke();

    // Set inside an async method, the entry goes with this request only, not with the caller's later calls (and the
    // stream events they publish).
    private async Task InvokeStampedAsync(IOutgoingGrainCallContext context)
    {
        RequestContext.Set(SenderKey, silo.SiloAddress);
        await context.Invoke();
    }

    public Task Invoke(IIncomingGrainCallContext context) =>
        context.Request is TransactionRequestBase { TransactionInfo: { } transaction } && RequestContext.Get(SenderKey) is SiloAddress sender
            ? InvokeForAsync(context, transaction, sender)
            : context.Invoke();

    private async Task InvokeForAsync(IIncomingGrainCallContext context, TransactionInfo transaction, SiloAddress sender)
    {
        if (IsDead(sender))
        {
            LogRefused(logger, context.InterfaceMethod?.Name, context.TargetId, transaction.Id, sender);
            throw new OrleansTransactionAbortedException(transaction.Id, $"Refused: the transaction's sender {sender} has been declared dead.");
        }

        await context.Invoke();
        if (IsDead(sender))
        {
            LogReleased(logger, context.InterfaceMethod?.Name, context.TargetId, transaction.Id, sender);
            // In this activation, not by a message to itself: the abort would wait for the directory, which is
            // recovering the dead silo's part just then (seen: 30 s).
            var resources = context.TargetContext.GetComponent<IGrainExtensionBinder>()!.GetExtension<ITransactionalResourceExtension>();
            await Task.WhenAll(transaction.Participants.Keys
                .Where(p => p.Reference.GetGrainId() == context.TargetId)
                .Select(p => resources.Abort(p.Name, transaction.TransactionId)));
        }
    }

    private bool IsDead(SiloAddress sender) => membership.CurrentSnapshot.GetSiloStatus(sender) == SiloStatus.Dead;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} on {Grain} for transaction {TransactionId}: its sender {Sender} has been declared dead")]
    private static partial void LogRefused(ILogger logger, string? method, GrainId grain, string transactionId, SiloAddress sender);

    [LoggerMessage(Level = LogLevel.Information, Message = "Aborted transaction {TransactionId} after {Method} on {Grain}: its sender {Sender} died while the call waited")]
    private static partial void LogReleased(ILogger logger, string? method, GrainId grain, string transactionId, SiloAddress sender);
}

using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Transactions;

namespace EShop.Silo.Hosting;

// Orleans starts every transaction with a fixed 10 s timeout (TransactionClient.RunTransaction and the [Transaction]
// invoker both pass it), and a participant holds a transaction's lock for the longer of that timeout and LockTimeout
// (Orleans 10.4's ReadWriteLock). A lock whose coordinator died was therefore held 10 s whatever LockTimeout said. This
// agent starts transactions with LockTimeout instead, so Orleans:Transactions:LockTimeout alone bounds how long a dead
// silo's transactions keep a product locked (docs/architecture.md, Recovery).
public sealed class LockTimeoutTransactionAgent(ITransactionAgent inner, IOptions<TransactionalStateOptions> options) : ITransactionAgent
{
    public Task<TransactionInfo> StartTransaction(bool readOnly, TimeSpan timeout) => inner.StartTransaction(readOnly, options.Value.LockTimeout);

    public Task<(TransactionalStatus Status, Exception? exception)> Resolve(TransactionInfo transactionInfo) => inner.Resolve(transactionInfo);

    public Task Abort(TransactionInfo transactionInfo) => inner.Abort(transactionInfo);

    // Wraps the agent UseTransactions registered.
    public static void Decorate(IServiceCollection services)
    {
        var agent = services.Last(d => d.ServiceType == typeof(ITransactionAgent));
        services.Remove(agent);
        services.AddSingleton<ITransactionAgent>(sp => new LockTimeoutTransactionAgent(
            (ITransactionAgent)ActivatorUtilities.CreateInstance(sp, agent.ImplementationType!),
            sp.GetRequiredService<IOptions<TransactionalStateOptions>>()));
    }
}

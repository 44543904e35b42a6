using System.Collections.Immutable;
using EShop.Carts;
using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.Ordering.Events;
using EShop.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EShop.Ordering;

[GrainType("eshop.ordering.process")]
public sealed partial class OrderProcessGrain(
    ITransactionClient transactions,
    IGrainFactory grains,
    IOptions<OrderingOptions> options,
    TimeProvider time,
    ILogger<OrderProcessGrain> logger) : Grain, IOrderProcessGrain
{
    // A refusal that the verification does not confirm (it read a transaction that since aborted), a cart that changed
    // between Look and the transaction, or an order seen there that a committed read does not find, sends the checkout
    // (or a cancellation) round again, this many times at most.
    private const int MaxRounds = 5;

    private Guid Id => this.GetPrimaryKey();

    private IOrderGrain Order => grains.GetGrain<IOrderGrain>(Id);

    private ICatalogGrain Catalog => grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key);

    public async Task<Result<OrderSnapshot>> CheckoutAsync(CheckoutRequest request)
    {
        if (OrderIds.ForCheckout(request.CustomerId, request.IdempotencyKey) != Id)
        {
            throw new ArgumentException("A checkout must be sent to the order process its idempotency key names.", nameof(request));
        }

        var invalid = CheckoutRules.Validate(request).ToList();
        if (invalid.Count > 0)
        {
            return Result<OrderSnapshot>.Fail(invalid);
        }

        var attempt = new CheckoutAttempt(request, options.Value.ShippingCost(request.ShippingSpeed));
        for (var round = 1; round <= MaxRounds; round++)
        {
            if (await TransactionRetry.Pipeline.ExecuteAsync(async _ => await attempt.LookAsync(grains, Order, guess: round == 1)))
            {
                break;
            }

            await TransactionRetry.Pipeline.ExecuteAsync(async _ =>
                await transactions.RunTransaction(TransactionOption.Create, () => attempt.RunAsync(grains, Order)));
            if (attempt.Placed)
            {
                break;
            }

            if (attempt.Errors.Count > 0)
            {
                await TransactionRetry.Pipeline.ExecuteAsync(async _ =>
                    await transactions.RunTransaction(TransactionOption.Create, () => attempt.VerifyRefusalAsync(grains, Order)));
            }
            else if (attempt.Order is not null)
            {
                await TransactionRetry.Pipeline.ExecuteAsync(async _ => await attempt.ConfirmOrderAsync(Order));
            }

            if (attempt.Errors.Count > 0 || attempt.Order is not null)
            {
                break;
            }
        }

        if (attempt.Errors.Count == 0 && attempt.Order is null)
        {
            // Safe to send again with the same idempotency key: nothing was placed.
            throw new TimeoutException($"Checkout {Id} kept meeting transactions that then aborted, or a cart that changed under it; try again.");
        }

        if (attempt.Errors.Count > 0)
        {
            await RepriceCartAsync(request.CustomerId, attempt.Errors);
            LogRejected(logger, Id, request.CustomerId, string.Join(',', attempt.Errors.Select(e => e.Error.Code)));
            return Result<OrderSnapshot>.Fail(attempt.Errors.Select(e => e.Error));
        }

        var order = attempt.Order!;

        // Also when the order existed already: the retry of a checkout whose first try committed and then lost its
        // silo lands here, and the history must list every order the customer was told about. Adding is idempotent.
        await grains.GetGrain<ICustomerOrdersGrain>(order.CustomerId).AddAsync(order.Id, order.PlacedAt);
        if (attempt.Placed)
        {
            var at = time.GetUtcNow();
            await Catalog.CommitAsync([.. attempt.Reserved.Select(p => new StockChanged(p.Product, at, -p.Quantity, StockChanged.Sold))]);
            await this.PublishAsync<OrderingEvent>(StreamNames.Ordering, [new OrderPlaced(order.Id, order.CustomerId, at, order.Lines, order.Total)], e => e.OrderId.ToString());
            LogPlaced(logger, order.Id, order.CustomerId, order.Total);
        }

        return Result<OrderSnapshot>.Ok(order);
    }

    public async Task<Result<OrderSnapshot>> CancelAsync(string reason)
    {
        // As in checkout (see CheckoutAttempt), the products are locked before the order, so a cancellation queued at
        // a best-selling product does not hold the order's lock past Orleans' lock timeout. An order's lines never
        // change once placed: a committed read tells which products to release.
        Result<OrderSnapshot>? cancelled = null;
        var released = new List<ProductSnapshot>();
        for (var round = 1; cancelled is null; round++)
        {
            // An order that is missing or not pending cannot be cancelled: straight to the refusal, locking no product.
            if (await TransactionRetry.Pipeline.ExecuteAsync(async _ => await Order.GetAsync()) is { Status: OrderStatus.PendingPayment } pending)
            {
                await TransactionRetry.Pipeline.ExecuteAsync(async _ => await transactions.RunTransaction(TransactionOption.Create, async () =>
                {
                    released.Clear();
                    foreach (var line in CheckoutAttempt.InLockOrder(pending.Lines, l => l.ProductId))
                    {
                        if (await grains.GetGrain<IProductGrain>(line.ProductId).ReleaseAsync(line.Quantity) is { } product)
                        {
                            released.Add(product);
                        }
                    }

                    cancelled = await Order.CancelAsync(reason);

                    // A refusal undoes the releases.
                    return cancelled.Succeeded;
                }));
            }

            if (cancelled?.Succeeded == true)
            {
                break;
            }

            // A refusal seen in a transaction that aborted, or read before any: it is the answer once a transaction
            // that commits refuses too. One that would cancel after all (the read was of a transaction that since
            // committed or aborted) aborts instead, as it releases nothing, and the cancellation runs again.
            await TransactionRetry.Pipeline.ExecuteAsync(async _ => await transactions.RunTransaction(TransactionOption.Create, async () =>
            {
                cancelled = await Order.CancelAsync(reason);
                return !cancelled.Succeeded;
            }));

            if (cancelled!.Succeeded)
            {
                cancelled = round < MaxRounds
                    ? null
                    : throw new TimeoutException($"Cancelling order {Id} kept meeting transactions that then aborted; try again.");
            }
        }

        if (cancelled!.Succeeded)
        {
            var order = cancelled.Value!;
            var at = time.GetUtcNow();
            await Catalog.CommitAsync([.. released.Select(p => new StockChanged(p, at, order.Lines.Where(l => l.ProductId == p.Id).Sum(l => l.Quantity), StockChanged.Released))]);
            await this.PublishAsync<OrderingEvent>(StreamNames.Ordering, [new OrderCancelled(order.Id, order.CustomerId, at, reason)], e => e.OrderId.ToString());
            LogCancelled(logger, order.Id, reason);
        }

        return cancelled;
    }

    // A price that changed since the customer added the line is shown to them: the cart moves to it.
    private async Task RepriceCartAsync(Guid customerId, IEnumerable<CheckoutAttempt.LineError> errors)
    {
        var prices = errors.Where(e => e.Error.Code == ErrorCodes.PriceChanged && e.CurrentPrice is not null)
            .ToImmutableDictionary(e => e.ProductId, e => e.CurrentPrice!.Value);
        if (prices.Count > 0)
        {
            await TransactionRetry.Pipeline.ExecuteAsync(async _ => await grains.GetGrain<ICartGrain>(customerId).RepriceAsync(prices));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed by {CustomerId} for {Total}")]
    private static partial void LogPlaced(ILogger logger, Guid orderId, Guid customerId, decimal total);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkout {OrderId} of {CustomerId} rejected: {Codes}")]
    private static partial void LogRejected(ILogger logger, Guid orderId, Guid customerId, string codes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} cancelled: {Reason}")]
    private static partial void LogCancelled(ILogger logger, Guid orderId, string reason);
}

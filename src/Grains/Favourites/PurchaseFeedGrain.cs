using EShop.Ordering.Events;
using EShop.Shared;
using Orleans.Runtime;
using Orleans.Streams;

namespace EShop.Favourites;

// Takes placed orders off the ordering stream into the purchase log and the customer's purchases. An implicit
// subscriber keyed like the stream, by partition of the order id; it keeps nothing.
[ImplicitStreamSubscription(StreamNames.Ordering), GrainType("eshop.favourites.purchase-feed")]
public sealed class PurchaseFeedGrain(IGrainFactory grains) : Grain, IPurchaseFeedGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<OrderingEvent>(StreamId.Create(StreamNames.Ordering, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((e, _) => OnOrderingEventAsync(e));
    }

    private async Task OnOrderingEventAsync(OrderingEvent e)
    {
        if (e is not OrderPlaced placed)
        {
            return;
        }

        var purchase = new Purchase(placed.OrderId, placed.CustomerId,
            [.. placed.Lines.GroupBy(l => l.ProductId).Select(g => new PurchasedItem(g.Key, g.Sum(l => l.Quantity)))], placed.At);

        // Awaited, so a failure fails the event and the stream delivers it again; both count an order once.
        await Task.WhenAll(
            grains.GetGrain<IPurchaseLogGrain>(IPurchaseLogGrain.Of(purchase.OrderId)).AppendAsync(purchase),
            grains.GetGrain<ICustomerPurchasesGrain>(purchase.CustomerId).RecordAsync(purchase));
    }
}

namespace EShop.Ordering;

/// <summary>
/// Told of every change to an order it follows through <see cref="IOrderUpdatesGrain"/>: the order as it is after
/// the change. A change may be told more than once (events are delivered at least once); each call carries the
/// whole current order, so a repeat is harmless.
/// </summary>
[Alias("eshop.ordering.IOrderObserver")]
public interface IOrderObserver : IGrainObserver
{
    [OneWay, Alias("OnOrderUpdated")]
    Task OnOrderUpdated(OrderSnapshot order);
}

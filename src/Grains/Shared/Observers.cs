using Orleans.Utilities;
using Orleans.Runtime;

namespace EShop.Shared;

public static class Observers
{
    // Subscribes the observer or renews its subscription; true when it was not subscribed (a first subscription, or one
    // the grain lost with its activation, after which the subscriber may have missed something).
    public static bool SubscribeOrRenew<T>(this ObserverManager<T> observers, T observer) where T : IAddressable
    {
        var known = observers.Observers.ContainsKey(observer);
        observers.Subscribe(observer, observer);
        return !known;
    }
}

namespace EShop.Favourites;

/// <summary>Told of every notification added to the inbox it follows (the gateway's <c>notificationAdded</c>).</summary>
[Alias("eshop.favourites.INotificationObserver")]
public interface INotificationObserver : IGrainObserver
{
    [OneWay, Alias("OnNotificationAdded")]
    Task OnNotificationAdded(Notification notification);
}

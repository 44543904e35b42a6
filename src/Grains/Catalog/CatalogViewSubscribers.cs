namespace EShop.Catalog;

// The silos' catalog views that asked a catalog grain for its changes. A change is sent to all of them and waited
// for, so that a mutation answers only once every view shows it. A view that fails or does not answer in time (its
// silo died, or is dying) is dropped; a live one finds out on its next subscription and is sent everything again.
internal sealed class CatalogViewSubscribers(TimeProvider time)
{
    private static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    private readonly HashSet<ICatalogViewObserver> _views = [];

    // False when the view was subscribed already.
    public bool Add(ICatalogViewObserver view) => _views.Add(view);

    public void Remove(ICatalogViewObserver view) => _views.Remove(view);

    public async Task NotifyAsync(Func<ICatalogViewObserver, Task> notify)
    {
        var views = _views.ToArray();
        var answered = await Task.WhenAll(views.Select(async view =>
        {
            try
            {
                await notify(view).WaitAsync(AnswerTimeout, time);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }));
        for (var i = 0; i < views.Length; i++)
        {
            if (!answered[i])
            {
                _views.Remove(views[i]);
            }
        }
    }
}

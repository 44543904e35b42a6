using System.Globalization;
using EShop.Catalog.Events;

namespace EShop.Favourites;

// What a catalog event means to the product's watchers: an offer (CatalogEvent.IsOffer) is news; anything else is not.
public static class ProductNews
{
    public static Notification? Of(CatalogEvent e) => e switch
    {
        { IsOffer: false } => null,
        PriceChanged p => New(NotificationKind.PriceDrop, e,
            string.Create(CultureInfo.InvariantCulture, $"The price dropped from {p.PreviousSalePrice:0.00} to {p.Product.SalePrice:0.00}.")),
        StockChanged s => New(NotificationKind.BackInStock, e,
            string.Create(CultureInfo.InvariantCulture, $"Back in stock: {s.Product.Stock} available.")),
        _ => null,
    };

    private static Notification New(NotificationKind kind, CatalogEvent e, string detail) =>
        new(Notification.IdOf(kind, e.ProductId, e.Version), kind, e.ProductId, e.At, Read: false, detail);
}

using System.Globalization;
using EShop.Catalog.Events;

namespace EShop.Favourites;

// What a catalog event means to the product's watchers: a lower sale price, or stock again after none, of a product on
// the catalog. Anything else is no news.
public static class ProductNews
{
    public static Notification? Of(CatalogEvent e) => e switch
    {
        { Product.Removed: true } => null,
        PriceChanged p when p.Product.SalePrice < p.PreviousSalePrice => New(NotificationKind.PriceDrop, e,
            string.Create(CultureInfo.InvariantCulture, $"The price dropped from {p.PreviousSalePrice:0.00} to {p.Product.SalePrice:0.00}.")),
        StockChanged s when s.Product.Stock > 0 && s.Product.Stock - s.Delta <= 0 => New(NotificationKind.BackInStock, e,
            string.Create(CultureInfo.InvariantCulture, $"Back in stock: {s.Product.Stock} available.")),
        _ => null,
    };

    private static Notification New(NotificationKind kind, CatalogEvent e, string detail) =>
        new(Notification.IdOf(kind, e.ProductId, e.Version), kind, e.ProductId, e.At, Read: false, detail);
}

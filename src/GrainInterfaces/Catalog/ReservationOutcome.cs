namespace EShop.Catalog;

[GenerateSerializer, Alias("eshop.catalog.ReservationOutcome")]
public enum ReservationOutcome
{
    Reserved,
    OutOfStock,
    PriceChanged,
    NotFound,
}

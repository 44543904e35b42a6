namespace EShop.Catalog;

[GenerateSerializer, Alias("eshop.catalog.ProductSort")]
public enum ProductSort
{
    Relevance,
    Name,
    PriceAsc,
    PriceDesc,
    Newest,
}

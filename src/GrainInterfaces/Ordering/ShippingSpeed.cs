namespace EShop.Ordering;

[GenerateSerializer, Alias("eshop.ordering.ShippingSpeed")]
public enum ShippingSpeed
{
    Standard,
    Express,
}

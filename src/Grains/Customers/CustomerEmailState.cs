namespace EShop.Customers;

[GenerateSerializer, Alias("eshop.customers.CustomerEmailState")]
public sealed class CustomerEmailState
{
    [Id(0)] public Guid? Owner { get; set; }
}

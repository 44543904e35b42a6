namespace EShop.Customers;

[GenerateSerializer, Alias("eshop.customers.Role")]
public enum Role
{
    Customer,
    Admin,

    /// <summary>Reads any order to help its customer; refunds nothing.</summary>
    Support,

    /// <summary>Moves shipments.</summary>
    Warehouse,
}

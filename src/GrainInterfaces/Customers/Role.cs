namespace EShop.Customers;

[GenerateSerializer, Alias("eshop.customers.Role")]
public enum Role
{
    Customer,
    Admin,
}

namespace EShop.Customers;

[GenerateSerializer, Immutable, Alias("eshop.customers.SignUp")]
public sealed record SignUp(
    [property: Id(0)] string Email,
    [property: Id(1)] string Password,
    [property: Id(2)] string Name);

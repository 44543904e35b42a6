using System.Text.Json;

namespace EShop.Tests.Shared;

public static class Json
{
    // Value equality for grain results: records holding ImmutableArray compare those by reference, so two copies
    // of one order that crossed the wire differ under Equals. Their JSON does not.
    public static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}

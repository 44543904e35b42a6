using System.Collections.Immutable;

namespace EShop.Shared;

/// <summary>A business failure returned to the caller: a code from <see cref="ErrorCodes"/>, a message and the offending input path.</summary>
[GenerateSerializer, Immutable, Alias("eshop.UserError")]
public sealed record UserError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] ImmutableArray<string> Field)
{
    public static UserError Of(string code, string message, params string[] field) => new(code, message, [.. field]);
}

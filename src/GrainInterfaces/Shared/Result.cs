using System.Collections.Immutable;

namespace EShop.Shared;

/// <summary>The outcome of a command: a value, or the user errors that kept it from happening.</summary>
[GenerateSerializer, Immutable, Alias("eshop.Result`1")]
public sealed record Result<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] ImmutableArray<UserError> Errors)
{
    public bool Succeeded => Errors.IsDefaultOrEmpty;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(params IEnumerable<UserError> errors) => new(default, [.. errors]);
}

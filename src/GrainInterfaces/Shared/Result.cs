using System.Collections.Immutable;

namespace EShop.Shared;

/// <summary>What any outcome of a command tells, whatever its value: the user errors, none when it happened.</summary>
public interface IUserErrors
{
    ImmutableArray<UserError> Errors { get; }
}

/// <summary>The outcome of a command: a value, or the user errors that kept it from happening.</summary>
[GenerateSerializer, Immutable, Alias("eshop.Result`1")]
public sealed record Result<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] ImmutableArray<UserError> Errors) : IUserErrors
{
    public bool Succeeded => Errors.IsDefaultOrEmpty;

    public static Result<T> Ok(T value) => new(value, []);

    public static Result<T> Fail(params IEnumerable<UserError> errors) => new(default, [.. errors]);
}

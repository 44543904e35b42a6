namespace EShop.Shared;

/// <summary>
/// Grain state that names or locates a person (a name, an e-mail address, a postal address, payment details). Where
/// state is stored as JSON with an encryption key configured, such a property is stored encrypted.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;

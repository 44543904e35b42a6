namespace EShop.Sandbox;

internal sealed record ErrorBody(string Error);

namespace EShop.Sandbox.Processor;

internal static class Amounts
{
    // Positive and in whole cents: a card network moves no fraction of a cent.
    public static bool IsValid(decimal amount) => amount > 0 && decimal.Round(amount, 2) == amount;
}

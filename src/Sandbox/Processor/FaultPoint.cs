namespace EShop.Sandbox.Processor;

internal enum FaultPoint
{
    None,
    BeforeWork,
    AfterWork,
}

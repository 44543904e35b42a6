namespace EShop.GraphQLGateway.Shared;

internal static partial class ObserverRelayLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Following {Subject} failed; the subscription ends")]
    public static partial void Failed(ILogger logger, Exception exception, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing the subscription to {Subject} failed; trying again at the next renewal")]
    public static partial void RenewalFailed(ILogger logger, Exception exception, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unsubscribing from {Subject} failed; the grain drops the subscription when it expires")]
    public static partial void LeaveFailed(ILogger logger, Exception exception, string subject);
}

namespace EShop.Sandbox;

// A request body that can say what is wrong with it before any work is done.
internal interface ISandboxRequest
{
    // The error to answer, or null when the request can be processed.
    ApiResponse? Validate();
}

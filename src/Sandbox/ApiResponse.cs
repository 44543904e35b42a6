namespace EShop.Sandbox;

// A status and a body rather than an IResult, so the idempotency store can keep it and answer a repeat with
// exactly the first response.
internal sealed record ApiResponse(int StatusCode, object Body)
{
    public static ApiResponse Ok(object body) => new(StatusCodes.Status200OK, body);

    public static ApiResponse Error(int statusCode, string error) => new(statusCode, new ErrorBody(error));

    public IResult ToResult() => Results.Json(Body, SandboxJson.Options, statusCode: StatusCode);
}

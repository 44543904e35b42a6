using EShop.Sandbox;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSandbox(builder.Configuration);

var app = builder.Build();
app.MapSandbox();
app.Run();

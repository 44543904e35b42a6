using EShop.Sandbox;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddSandboxDefaults();
builder.Services.AddSandbox(builder.Configuration);

var app = builder.Build();
app.MapSandbox();
app.Run();

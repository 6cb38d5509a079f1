using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Text;
using System.Text.Json;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Notifications;

namespace PcnPortal.Web.Tests.Features.Notifications;

/// <summary>The GOV.UK Notify transport, with the real client (GovukNotify 6.0.0), against a fake Notify API on loopback.</summary>
public sealed class NotifyTransportTests
{
    private const string ServiceId = "5d9a8b7c-1234-4cde-8f00-0123456789ab";
    private const string Secret = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
    private const string TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a";
    private const string QueriedTemplateId = "aaaaaaaa-2a88-4f6e-b855-c550268ce08a";

    [Fact]
    public async Task SendsThroughTheNotifyApi_WithTheKindsTemplate_SignedWithTheApiKey()
    {
        using var api = new FakeNotifyApi(HttpStatusCode.Created);
        var transport = Transport(api.BaseUrl);

        await transport.SendAsync(
            new OutgoingEmail(NotificationKind.ClaimLineQueried, "manager@pcn.example.nhs.uk", "Claim line queried: U90001", "What happened", "https://portal.example/claims/lines/7", "U90001"),
            CancellationToken.None);

        var request = Assert.Single(api.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v2/notifications/email", request.Path);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("manager@pcn.example.nhs.uk", json.RootElement.GetProperty("email_address").GetString());
        Assert.Equal(QueriedTemplateId, json.RootElement.GetProperty("template_id").GetString());
        var personalisation = json.RootElement.GetProperty("personalisation");
        Assert.Equal("https://portal.example/claims/lines/7", personalisation.GetProperty("link").GetString());
        Assert.Equal("Claim line queried: U90001", personalisation.GetProperty("subject").GetString());
        Assert.Equal("U90001", personalisation.GetProperty("pcn").GetString());

        // The client signs a token with the key's secret, naming the service.
        Assert.StartsWith("Bearer ", request.Authorization, StringComparison.Ordinal);
        var token = new JwtSecurityTokenHandler().ReadJwtToken(request.Authorization!["Bearer ".Length..]);
        Assert.Equal(ServiceId, token.Issuer);
    }

    [Fact]
    public async Task OtherKinds_UseTheDefaultTemplate()
    {
        using var api = new FakeNotifyApi(HttpStatusCode.Created);
        await Transport(api.BaseUrl).SendAsync(
            new OutgoingEmail(NotificationKind.EoiDecided, "cd@pcn.example.nhs.uk", "EOI decided", "Body", "https://portal.example/od-funds/eois/3", "U90001"),
            CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(api.Requests).Body);
        Assert.Equal(TemplateId, json.RootElement.GetProperty("template_id").GetString());
    }

    [Fact]
    public async Task AnErrorFromNotify_Throws_SoTheOutboxRetries()
    {
        using var api = new FakeNotifyApi(HttpStatusCode.InternalServerError);
        await Assert.ThrowsAnyAsync<Exception>(() => Transport(api.BaseUrl).SendAsync(
            new OutgoingEmail(NotificationKind.EoiDecided, "cd@pcn.example.nhs.uk", "EOI decided", "Body", "https://portal.example/", null),
            CancellationToken.None));
        Assert.Single(api.Requests);
    }

    private static NotifyEmailTransport Transport(string baseUrl) => new(new EmailOptions
    {
        Notify = new EmailOptions.NotifySettings
        {
            ApiKey = $"pcn_portal_test-{ServiceId}-{Secret}",
            BaseUrl = baseUrl,
            TemplateId = TemplateId,
            Templates = new(StringComparer.OrdinalIgnoreCase) { ["ClaimLineQueried"] = QueriedTemplateId },
        },
    });

    private sealed record CapturedRequest(string Method, string Path, string? Authorization, string Body);

    /// <summary>A loopback HTTP endpoint answering like the Notify API's send-email call.</summary>
    private sealed class FakeNotifyApi : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly HttpStatusCode _status;
        private readonly Task _loop;

        public FakeNotifyApi(HttpStatusCode status)
        {
            _status = status;
            var port = NotificationTestHelpers.FreePort();
            BaseUrl = $"http://127.0.0.1:{port}";
            _listener.Prefixes.Add(BaseUrl + "/");
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public string BaseUrl { get; }

        public List<CapturedRequest> Requests { get; } = [];

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The listener was stopped while waiting for a request.
            }
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                lock (Requests)
                {
                    Requests.Add(new CapturedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers["Authorization"], body));
                }

                var response = _status == HttpStatusCode.Created
                    ? $$$"""{"id":"740e5834-3a29-46b4-9a6f-16142fde533a","reference":null,"content":{"body":"b","subject":"s","from_email":"portal@notifications.service.gov.uk"},"uri":"{{{BaseUrl}}}/v2/notifications/740e5834-3a29-46b4-9a6f-16142fde533a","template":{"id":"{{{TemplateId}}}","version":1,"uri":"{{{BaseUrl}}}/v2/template/{{{TemplateId}}}"}}"""
                    : """{"errors":[{"error":"Exception","message":"Internal server error"}],"status_code":500}""";
                var bytes = Encoding.UTF8.GetBytes(response);
                context.Response.StatusCode = (int)_status;
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PcnPortal.Domain.Notifications;
using PcnPortal.Web.Features.Notifications;
using PcnPortal.Web.Tests.Infrastructure;

namespace PcnPortal.Web.Tests.Features.Notifications;

/// <summary>
/// A transport that records what it was asked to send, optionally failing the first few attempts to each recipient
/// (as a mail server that is down would) or pausing in each send (so two senders overlap).
/// </summary>
public sealed class RecordingTransport(int failFirst = 0, TimeSpan? pause = null) : IEmailTransport
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentBag<OutgoingEmail> Sent { get; } = [];

    public string Name => "Test";

    public int CallsTo(string to) => _calls.TryGetValue(to, out var n) ? n : 0;

    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var call = _calls.AddOrUpdate(email.To, 1, (_, n) => n + 1);
        if (pause is { } p)
        {
            await Task.Delay(p, cancellationToken);
        }

        if (call <= failFirst)
        {
            throw new IOException($"Mail server unavailable (attempt {call})");
        }

        Sent.Add(email);
    }
}

internal static class NotificationTestHelpers
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A sender over the factory's database with its own transport and clock, as a second portal instance would have.</summary>
    public static NotificationSender Sender(PortalFactory factory, IEmailTransport transport, TimeProvider? clock = null) => new(
        factory.Services.GetRequiredService<IServiceScopeFactory>(),
        transport,
        factory.Services.GetRequiredService<EmailOptions>(),
        clock ?? TimeProvider.System,
        NullLogger<NotificationSender>.Instance);

    public static Task<List<NotificationMessage>> MessagesAsync(PortalFactory factory, Func<NotificationMessage, bool>? where = null) =>
        factory.WithDbAsync(async db =>
        {
            var all = await db.NotificationMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
            return where is null ? all : all.Where(where).ToList();
        });
}

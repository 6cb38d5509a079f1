using PcnPortal.Web.Infrastructure;

namespace PcnPortal.Web.Features.Notifications;

/// <summary>
/// Sends the outbox every <c>Email:Sender:PollSeconds</c>, and once a day at <c>Email:DailyRunAt</c> (UK time) writes the
/// reminders and digests (<see cref="NotificationDailyRun"/>, idempotent, so a restart after the time runs it again
/// harmlessly). Does nothing when email is off or <c>Email:Sender:Enabled</c> is false (the test host).
/// </summary>
public sealed class NotificationBackgroundService(
    IServiceScopeFactory scopes, NotificationSender sender, EmailOptions options, TimeProvider clock, ILogger<NotificationBackgroundService> logger)
    : BackgroundService
{
    private readonly string _senderId = SenderId();

    /// <summary>This instance's name on the messages it holds: machine, process and a random part (at most 128 characters).</summary>
    public static string SenderId()
    {
        var id = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return id.Length <= 128 ? id : id[^128..];
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Sender.Enabled || options.EffectiveTransport == EmailTransportKind.Off)
        {
            logger.LogInformation("Notification sender not running (email transport {Transport}, sender enabled {Enabled})", options.EffectiveTransport, options.Sender.Enabled);
            return;
        }

        logger.LogInformation("Notification sender running as {SenderId} with the {Transport} transport", _senderId, options.EffectiveTransport);
        DateOnly? lastDailyRun = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var ukNow = clock.UkNow();
                var today = DateOnly.FromDateTime(ukNow.DateTime);
                if (lastDailyRun != today && TimeOnly.FromDateTime(ukNow.DateTime) >= options.DailyRunAt)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var summary = await scope.ServiceProvider.GetRequiredService<NotificationDailyRun>().RunAsync(today, stoppingToken);
                    logger.LogInformation("Daily notification run for {Today}: {Summary}", today, summary);
                    lastDailyRun = today;
                }

                await sender.SendDueAsync(_senderId, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Notification sender pass failed; trying again at the next poll");
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.Sender.PollSeconds)), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.Conflicts;
using Timeline.Core.Diff;
using Timeline.Core.Feed;
using Timeline.Core.History;
using Timeline.Core.Knowledge;
using Timeline.Core.Schedule;
using Timeline.Core.Storage;
using Timeline.Core.Telemetry;
using Timeline.Core.Validation;

namespace Timeline.Core;

/// <summary>
/// Registration of the core's services: Mediator with the validation behaviour, and the validators. Each composition
/// root adds a store (<see cref="AddTimelineStore"/>), a clock (<see cref="TimeProvider"/>) and a <see cref="Commands.Recorder"/>.
/// </summary>
public static class CoreServices
{
    /// <summary>Registers Mediator (scoped, so handlers and validators can use scoped services) and the validators.</summary>
    public static IServiceCollection AddTimelineCore(this IServiceCollection services)
    {
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Telemetry first, the outermost: it sees what the validation behaviour refuses, too.
            options.PipelineBehaviors = [typeof(TelemetryBehavior<,>), typeof(ValidationBehavior<,>)];
        });
        services.AddScoped<IValidator<ApplyCommands>, ApplyCommandsValidator>();
        services.AddScoped<IValidator<GetSchedule>, GetScheduleValidator>();
        services.AddScoped<IValidator<GetMeeting>, GetMeetingValidator>();
        services.AddScoped<IValidator<GetCalendar>, GetCalendarValidator>();
        services.AddScoped<IValidator<GetHistory>, GetHistoryValidator>();
        services.AddScoped<IValidator<GetAttendance>, GetAttendanceValidator>();
        services.AddScoped<IValidator<GetAudit>, GetAuditValidator>();
        services.AddScoped<IValidator<GetReportDays>, GetReportDaysValidator>();
        services.AddScoped<IValidator<GetDiff>, GetDiffValidator>();
        services.AddScoped<IValidator<GetConflicts>, GetConflictsValidator>();
        services.AddScoped<IValidator<FollowLog>, FollowLogValidator>();
        services.AddScoped<IValidator<Chain.VerifyChain>, Chain.VerifyChainValidator>();
        return services;
    }

    /// <summary>
    /// Registers the one store, made once by <paramref name="open"/>, as <see cref="IStore"/> and as each of its parts
    /// (<see cref="IEventStore"/>, <see cref="IStoreMaintenance"/>, <see cref="IKeyStore"/>, <see cref="Index.IMeetingStateIndex"/>). The container disposes it.
    /// Appends through <see cref="IEventStore"/> wake this process's followers of the log (<see cref="LogAppends"/>).
    /// </summary>
    public static IServiceCollection AddTimelineStore(this IServiceCollection services, Func<IServiceProvider, IStore> open)
    {
        services.AddSingleton(open);
        services.AddSingleton<LogAppends>();
        services.AddSingleton<IEventStore>(provider => new NotifyingEventStore(provider.GetRequiredService<IStore>(), provider.GetRequiredService<LogAppends>()));
        services.AddSingleton<IStoreMaintenance>(provider => provider.GetRequiredService<IStore>());
        services.AddSingleton<IKeyStore>(provider => provider.GetRequiredService<IStore>());
        services.AddSingleton<Index.IMeetingStateIndex>(provider => provider.GetRequiredService<IStore>());
        return services;
    }
}

using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Timeline.Core.Attendance;
using Timeline.Core.Audit;
using Timeline.Core.Commands.ApplyCommands;
using Timeline.Core.History;
using Timeline.Core.Schedule;

namespace Timeline.Core;

/// <summary>Registration of the core's services. Each composition root adds Mediator, a store, a clock and a recorder.</summary>
public static class CoreServices
{
    /// <summary>Registers the validators the validation behaviour runs.</summary>
    public static IServiceCollection AddTimelineCore(this IServiceCollection services)
    {
        services.AddScoped<IValidator<ApplyCommands>, ApplyCommandsValidator>();
        services.AddScoped<IValidator<GetSchedule>, GetScheduleValidator>();
        services.AddScoped<IValidator<GetHistory>, GetHistoryValidator>();
        services.AddScoped<IValidator<GetAttendance>, GetAttendanceValidator>();
        services.AddScoped<IValidator<GetAudit>, GetAuditValidator>();
        return services;
    }
}

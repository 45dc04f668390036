using System.Globalization;

namespace Timeline.Benchmarks.Archive;

/// <summary>A generated meeting's dates in one of the EDTF forms Timeline takes, with its first and last day.</summary>
internal sealed record MeetingDates
{
    private enum Form
    {
        Day,
        AboutDay,
        Days,
        Month,
    }

    private readonly Form _form;
    private readonly string _qualifier;

    private MeetingDates(Form form, DateOnly first, DateOnly last, string qualifier = "")
    {
        _form = form;
        _qualifier = qualifier;
        First = first;
        Last = last;
    }

    public DateOnly First { get; }

    public DateOnly Last { get; }

    /// <summary>The EDTF text: <c>2019-03-14</c>, <c>2019-03-14~</c>, <c>2019-03-14/2019-03-16</c>, <c>2019-11?</c>.</summary>
    public string Text => _form switch
    {
        Form.Day => Format(First),
        Form.AboutDay => Format(First) + "~",
        Form.Days => $"{Format(First)}/{Format(Last)}",
        _ => First.ToString("yyyy-MM", CultureInfo.InvariantCulture) + _qualifier,
    };

    public static MeetingDates Day(DateOnly day) => new(Form.Day, day, day);

    public static MeetingDates AboutDay(DateOnly day) => new(Form.AboutDay, day, day);

    public static MeetingDates Days(DateOnly first, int days) => new(Form.Days, first, first.AddDays(days - 1));

    /// <summary>A month, plain or qualified with <c>?</c>, <c>~</c> or <c>%</c>.</summary>
    public static MeetingDates Month(DateOnly inMonth, string qualifier = "")
    {
        var first = new DateOnly(inMonth.Year, inMonth.Month, 1);
        return new(Form.Month, first, first.AddMonths(1).AddDays(-1), qualifier);
    }

    /// <summary>The same form moved later by at least a day (a month by whole months), so the text always changes.</summary>
    public MeetingDates Later(int days)
    {
        days = Math.Max(1, days);
        return _form == Form.Month
            ? Month(First.AddMonths(Math.Max(1, days / 30)), _qualifier)
            : new(_form, First.AddDays(days), Last.AddDays(days));
    }

    private static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

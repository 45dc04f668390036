using Microsoft.Playwright;
using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>
/// Editing from the page: each command through its form and visible afterwards, the server's errors in place, a rule's
/// rejection, a version conflict and its resubmission, a retraction, and a reader who sees no editing controls. Each
/// test writes, so each has a server of its own on a small log.
/// </summary>
public sealed class EditingTests(WebFixture web)
{
    /// <summary>A summit with one planned attendance, a bilateral meeting, and a forum that was cancelled.</summary>
    private static readonly string[] Log =
    [
        """
        [{"command": "AnnounceSummit", "meetingId": "g20-2022", "reportedAt": "2022-09-08", "title": "G20 summit in Bali", "organization": "G20",
          "location": {"city": "Nusa Dua", "country": "Indonesia"}, "dates": "2022-11-15/2022-11-16"},
         {"command": "AnnounceAttendance", "meetingId": "g20-2022", "reportedAt": "2022-09-10", "participant": "Vladimir Putin", "level": "planned"},
         {"command": "AnnounceMeeting", "meetingId": "putin-xi-2022", "reportedAt": "2022-09-08", "title": "Putin and Xi in Samarkand", "kind": "bilateral",
          "participants": ["Vladimir Putin", "Xi Jinping"], "location": {"city": "Samarkand", "country": "Uzbekistan"}, "dates": "2022-09-15"},
         {"command": "AnnounceMeeting", "meetingId": "forum-2022", "reportedAt": "2022-09-08", "title": "Eastern forum", "kind": "forum", "dates": "2022-10"},
         {"command": "CancelMeeting", "meetingId": "forum-2022", "reportedAt": "2022-09-20", "reason": "no venue"}]
        """,
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_meeting_and_a_new_summit_come_from_the_toolbar_with_an_id_from_the_title()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await Expect(page.Locator("#edit-toolbar")).ToBeVisibleAsync();

        await page.Locator("#new-meeting").ClickAsync();
        await Expect(Dialog(page)).ToBeVisibleAsync();
        await Expect(Field(page, "meetingId")).ToBeFocusedAsync();
        await Field(page, "title").FillAsync("Lavrov and Blinken in Genève");
        await Expect(Field(page, "meetingId")).ToHaveValueAsync("lavrov-and-blinken-in-geneve");
        await Field(page, "meetingId").FillAsync("lavrov-blinken-2026");
        await Field(page, "kind").SelectOptionAsync("bilateral");
        await Field(page, "participants[0].name").FillAsync("Sergey Lavrov");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a participant…" }).ClickAsync();
        await Field(page, "participants[1].name").FillAsync("Antony Blinken");
        await Field(page, "participants[1].level").SelectOptionAsync("possible");
        await Field(page, "location.city").FillAsync("Geneva");
        await Field(page, "location.country").FillAsync("Switzerland");
        await Field(page, "dates").FillAsync("2026-04");
        await Expect(Field(page, "reportedAt")).ToHaveValueAsync("2026-03-02");
        await Field(page, "source.outlet").FillAsync("Reuters");
        await Field(page, "source.quote").FillAsync("The ministers will meet in Geneva in April.");
        await SubmitAsync(page);

        await Expect(session.Row("lavrov-blinken-2026")).ToBeVisibleAsync();
        await Expect(page.Locator("#panel")).ToHaveAttributeAsync("data-meeting-id", "lavrov-blinken-2026");
        await Expect(page.Locator("#panel-title")).ToHaveTextAsync("Lavrov and Blinken in Genève");
        await Expect(page.Locator("#panel-edit tr[data-participant='Antony Blinken']")).ToContainTextAsync("possible");
        await Expect(page.Locator("#panel-entries .entry").First).ToContainTextAsync("The ministers will meet in Geneva in April.");
        await Expect(page.Locator("#panel-entries .entry").First).ToContainTextAsync($"Recorded by {TimelineServer.EditorName}");
        await Expect(page.Locator("#edit-status")).ToContainTextAsync("Recorded");

        await page.Locator("#new-summit").ClickAsync();
        await Field(page, "title").FillAsync("ASEAN summit 2026");
        await Field(page, "organization").FillAsync("ASEAN");
        await Field(page, "location.country").FillAsync("Philippines");
        await Field(page, "dates").FillAsync("2026-11-10/2026-11-11");
        await Field(page, "hosts[0]").FillAsync("Ferdinand Marcos Jr.");
        await SubmitAsync(page);
        await Expect(session.Row("asean-summit-2026")).ToBeVisibleAsync();
        await Expect(page.Locator("#panel-entries .entry[data-event='SummitAnnounced']")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("20-editing-new-summit");
        session.AssertClean();
    }

    [Fact]
    public async Task Attendance_changes_come_from_a_participants_row_with_names_the_store_knows()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await session.Row("g20-2022").ClickAsync();
        await Expect(page.Locator("#panel-edit")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Invite a participant…" }).ClickAsync();
        await Expect(page.Locator("#known-participants option[value='Xi Jinping']")).ToBeAttachedAsync();
        await Field(page, "participant").FillAsync("Xi Jinping");
        await Field(page, "invitedBy").FillAsync("Joko Widodo");
        await SubmitAsync(page);
        await Expect(page.Locator("#panel-edit tr[data-participant='Xi Jinping']")).ToContainTextAsync("invited");

        await page.GetByRole(AriaRole.Button, new() { Name = "Announce Xi Jinping’s attendance" }).ClickAsync();
        await Expect(Field(page, "participant")).ToHaveValueAsync("Xi Jinping");
        await Field(page, "level").SelectOptionAsync("expected");
        await Field(page, "mode").SelectOptionAsync("in-person");
        await SubmitAsync(page);
        await Expect(page.Locator("#panel-edit tr[data-participant='Xi Jinping']")).ToContainTextAsync("expected");

        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm Xi Jinping’s attendance" }).ClickAsync();
        await SubmitAsync(page);
        await Expect(page.Locator("#panel-edit tr[data-participant='Xi Jinping']")).ToContainTextAsync("confirmed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Decline Vladimir Putin’s attendance" }).ClickAsync();
        await Field(page, "representedBy").FillAsync("Sergey Lavrov");
        await Field(page, "reason").FillAsync("busy at home");
        await Field(page, "source.speaker").FillAsync("Dmitry Peskov");
        await SubmitAsync(page);
        await Expect(page.Locator("#panel-edit tr[data-participant='Vladimir Putin']")).ToContainTextAsync("declined (Sergey Lavrov)");
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "declined");
        await Expect(page.Locator("#panel-entries .entry[data-event='AttendanceDeclined']")).ToContainTextAsync("Dmitry Peskov");
        session.AssertClean();
    }

    [Fact]
    public async Task A_meeting_is_postponed_rescheduled_relocated_held_and_another_cancelled_from_the_panel()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await session.Row("putin-xi-2022").ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Postpone…" }).ClickAsync();
        await Field(page, "reason").FillAsync("travel plans changed");
        await SubmitAsync(page);
        await Expect(session.Row("putin-xi-2022")).ToHaveAttributeAsync("data-status", "postponed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule…" }).ClickAsync();
        await Field(page, "dates").FillAsync("2022-09-15/2022-09-16");
        await Expect(page.Locator("#edit-form [data-field='dates'] .hint")).ToHaveTextAsync("Read as 15–16 Sep 2022: 15 Sep 2022 to 16 Sep 2022");
        await SubmitAsync(page);
        await Expect(session.Row("putin-xi-2022")).ToHaveAttributeAsync("data-status", "scheduled");
        await Expect(page.Locator("#panel-meta")).ToContainTextAsync("15–16 Sep 2022");

        await page.GetByRole(AriaRole.Button, new() { Name = "Relocate…" }).ClickAsync();
        await Field(page, "location.city").FillAsync("Tashkent");
        await Field(page, "location.country").FillAsync("Uzbekistan");
        await SubmitAsync(page);
        await Expect(page.Locator("#panel-meta")).ToContainTextAsync("Tashkent, Uzbekistan");

        await page.GetByRole(AriaRole.Button, new() { Name = "Record as held…" }).ClickAsync();
        await Field(page, "attendees[0].participant").FillAsync("Vladimir Putin");
        await Field(page, "attendees[0].mode").SelectOptionAsync("in-person");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an attendee…" }).ClickAsync();
        await Field(page, "attendees[1].participant").FillAsync("Xi Jinping");
        await Field(page, "attendees[1].representedBy").FillAsync("Wang Yi");
        await SubmitAsync(page);
        await Expect(session.Row("putin-xi-2022")).ToHaveAttributeAsync("data-status", "held");
        await Expect(page.Locator("#panel-edit tr[data-participant='Vladimir Putin']")).ToContainTextAsync("attended");
        await Expect(page.Locator("#panel-edit tr[data-participant='Xi Jinping']")).ToContainTextAsync("attended (Wang Yi)");

        await page.Locator("#panel-close").ClickAsync();
        await session.Row("g20-2022").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel…" }).ClickAsync();
        await Field(page, "reason").FillAsync("moved online");
        await SubmitAsync(page);
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-status", "cancelled");
        session.AssertClean();
    }

    [Fact]
    public async Task A_retraction_names_its_entry_needs_a_reason_and_strikes_the_entry_through()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await session.Row("g20-2022").ClickAsync();
        var planned = page.Locator("#panel-entries .entry[data-event='AttendanceAnnounced']");
        await planned.GetByRole(AriaRole.Button, new() { NameRegex = new("^Retract the report of 10 Sep 2022") }).ClickAsync();
        await Expect(Field(page, "retracts")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^sha256:"));
        await Expect(page.Locator("#edit-about")).ToContainTextAsync("Vladimir Putin: attendance planned");

        await SubmitAsync(page, expectClosed: false);
        await Expect(ErrorAt(page, "reason")).ToBeVisibleAsync();
        await Expect(Field(page, "reason")).ToHaveAttributeAsync("aria-invalid", "true");

        await Field(page, "reason").FillAsync("entered against the wrong meeting");
        await SubmitAsync(page);
        await Expect(planned).ToHaveAttributeAsync("data-retracted", "true");
        await Expect(planned).ToContainTextAsync("entered against the wrong meeting");
        await Expect(planned.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "none");
        session.AssertClean(400);
    }

    [Fact]
    public async Task The_servers_errors_show_at_their_fields_and_the_dates_hint_reads_as_the_server_does()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await page.Locator("#new-summit").ClickAsync();
        await Field(page, "title").FillAsync("Summit of the future");
        await Field(page, "location.country").FillAsync("Brazil");
        await Field(page, "dates").FillAsync("2026-02-30");
        var hint = page.Locator("#edit-form [data-field='dates'] .hint");
        await Expect(hint).ToContainTextAsync("'2026-02-30' is not an EDTF date");
        await Field(page, "dates").FillAsync("2026-11");
        await Expect(hint).ToHaveTextAsync("Read as Nov 2026: 1 Nov 2026 to 30 Nov 2026");
        await Field(page, "dates").FillAsync("2026-11-31");
        await Field(page, "source.url").FillAsync("ftp://example.org/x");
        await SubmitAsync(page, expectClosed: false);

        await Expect(page.Locator("#edit-alert")).ToContainTextAsync("Not recorded: 3 problems, shown at their fields");
        await Expect(ErrorAt(page, "dates")).ToContainTextAsync("'2026-11-31' is not an EDTF date");
        await Expect(ErrorAt(page, "organization")).ToBeVisibleAsync();
        await Expect(ErrorAt(page, "source.url")).ToContainTextAsync("ftp://example.org/x");
        await Expect(Field(page, "dates")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Field(page, "title")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await session.ScreenshotAsync("21-editing-field-errors", fullPage: false);

        // Escape closes the form and gives the focus back to the button that opened it; nothing was written.
        await page.Keyboard.PressAsync("Escape");
        await Expect(Dialog(page)).ToBeHiddenAsync();
        await Expect(page.Locator("#new-summit")).ToBeFocusedAsync();
        await Expect(session.Row("summit-of-the-future")).ToHaveCountAsync(0);
        session.AssertClean(400);
    }

    [Fact]
    public async Task A_rule_rejection_is_a_sentence_at_the_top_of_the_form()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await session.Row("forum-2022").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Reschedule…" }).ClickAsync();
        await Field(page, "dates").FillAsync("2022-11");
        await SubmitAsync(page, expectClosed: false);

        var alert = page.Locator("#edit-alert");
        await Expect(alert).ToHaveAttributeAsync("data-kind", "rule");
        await Expect(alert).ToContainTextAsync("The server refused this report (meeting-cancelled)");
        await Expect(alert).ToContainTextAsync("forum-2022");
        await Expect(page.Locator("#edit-form .field-error:not([hidden])")).ToHaveCountAsync(0);
        await Expect(session.Row("forum-2022")).ToHaveAttributeAsync("data-status", "cancelled");
        session.AssertClean(409);
    }

    [Fact]
    public async Task A_version_conflict_shows_what_was_recorded_meanwhile_and_the_form_goes_again_against_the_new_version()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await session.Row("g20-2022").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm Vladimir Putin’s attendance" }).ClickAsync();
        await Expect(page.Locator("#edit-about")).ToContainTextAsync("at version 2");
        await Field(page, "source.outlet").FillAsync("TASS");

        await server.PostAsEditorAsync("""
            {"command": "InviteParticipant", "meetingId": "g20-2022", "reportedAt": "2026-03-01", "participant": "Xi Jinping",
             "source": {"outlet": "Xinhua"}}
            """, Cancel);
        await SubmitAsync(page, expectClosed: false);

        var alert = page.Locator("#edit-alert");
        await Expect(alert).ToHaveAttributeAsync("data-kind", "conflict");
        await Expect(alert).ToContainTextAsync("version 2 then, 3 now");
        await Expect(alert.Locator(".meanwhile li")).ToHaveCountAsync(1);
        await Expect(alert.Locator(".meanwhile li")).ToContainTextAsync("Xi Jinping");
        await Expect(alert.Locator(".meanwhile li")).ToContainTextAsync($"recorded by {TimelineServer.EditorName}");
        await Expect(Field(page, "source.outlet")).ToHaveValueAsync("TASS");
        var submit = page.Locator("#edit-submit");
        await Expect(submit).ToHaveTextAsync("Submit again against version 3");
        await session.ScreenshotAsync("22-editing-conflict", fullPage: false);

        await SubmitAsync(page);
        await Expect(page.Locator("#panel-edit tr[data-participant='Vladimir Putin']")).ToContainTextAsync("confirmed");
        await Expect(page.Locator("#panel-edit caption")).ToContainTextAsync("version 4");
        session.AssertClean(409);
    }

    [Fact]
    public async Task A_reader_sees_no_editing_controls_and_the_key_dialog_says_the_keys_role()
    {
        await using var session = await OpenAsync(web.Open, web.Open.ReaderKey);
        var page = session.Page;
        await Expect(page.Locator("#key-role")).ToHaveTextAsync("web-tests-reader · reader");
        await Expect(page.Locator("#edit-toolbar")).ToBeHiddenAsync();
        await session.Row("g20-2022").ClickAsync();
        await Expect(page.Locator("#panel")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.Locator("#panel-entries .entry").First).ToBeVisibleAsync();
        await Expect(page.Locator(".edit-control")).ToHaveCountAsync(0);
        await Expect(page.Locator("#panel-edit")).ToHaveCountAsync(0);

        await page.Locator("#panel-close").ClickAsync();
        await page.Locator("#use-key").ClickAsync();
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await Expect(page.Locator("#key-current")).ToContainTextAsync("“web-tests-reader”, a reader key: it may read, but not record reports");

        // The editor key, given in the same dialog, brings the controls.
        await page.Locator("#key-input").FillAsync(web.Open.EditorKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#edit-toolbar")).ToBeVisibleAsync();
        await Expect(page.Locator("#key-role")).ToHaveTextAsync($"{TimelineServer.EditorName} · editor");
        await page.Locator("#use-key").ClickAsync();
        await Expect(page.Locator("#key-current")).ToContainTextAsync("an editor key: it may read and record reports");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#key-dialog")).ToBeHiddenAsync();
        session.AssertClean();
    }

    [Fact]
    public async Task Without_a_key_an_open_server_shows_no_editing_controls()
    {
        await using var session = await OpenAsync(web.Open, key: null);
        var page = session.Page;
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-role", "anonymous");
        await Expect(page.Locator("#edit-toolbar")).ToBeHiddenAsync();
        await session.Row("g20-2022").ClickAsync();
        await Expect(page.Locator("#panel-entries .entry").First).ToBeVisibleAsync();
        await Expect(page.Locator(".edit-control")).ToHaveCountAsync(0);
        session.AssertClean();
    }

    [Fact]
    public async Task A_pasted_file_is_previewed_command_by_command_then_applied_all_or_nothing()
    {
        await using var server = await TimelineServer.StartAsync(allowAnonymousRead: true, Cancel, Log);
        await using var session = await OpenAsync(server, server.EditorKey);
        var page = session.Page;
        await page.Locator("#paste-commands").ClickAsync();
        await Expect(page.Locator("#paste-text")).ToBeFocusedAsync();
        await page.Locator("#paste-text").FillAsync("""
            - command: ConfirmAttendance
              meetingId: g20-2022
              reportedAt: 2022-11-01
              participant: Vladimir Putin
            - command: RescheduleMeeting
              meetingId: forum-2022
              reportedAt: 2022-11-02
              dates: 2022-12
            """);
        await page.Locator("#paste-dry-run").ClickAsync();
        var rows = page.Locator("#paste-preview tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToHaveAttributeAsync("data-result", "applied");
        await Expect(rows.Nth(1)).ToHaveAttributeAsync("data-result", "rejected");
        await Expect(rows.Nth(1)).ToContainTextAsync("rejected (meeting-cancelled)");
        await Expect(page.Locator("#paste-summary")).ToHaveTextAsync("2 commands: 1 would be applied, 0 unchanged, 0 duplicates, 1 rejected.");
        await Expect(page.Locator("#paste-apply")).ToBeDisabledAsync();
        await Expect(page.Locator("#paste-alert")).ToContainTextAsync("Nothing can be applied while a command would be rejected");

        await page.Locator("#paste-text").FillAsync("""
            {"command": "ConfirmAttendance", "meetingId": "g20-2022", "reportedAt": "2022-11-01", "participant": "Vladimir Putin"}
            {"command": "AnnounceMeeting", "meetingId": "lavrov-wang-2022", "reportedAt": "2022-11-02", "title": "Lavrov and Wang Yi", "kind": "bilateral", "dates": "2022-12"}
            """);
        await page.Locator("#paste-dry-run").ClickAsync();
        await Expect(page.Locator("#paste-summary")).ToHaveTextAsync("2 commands: 2 would be applied, 0 unchanged, 0 duplicates, 0 rejected.");
        await Expect(rows.Nth(1)).ToContainTextAsync("lavrov-wang-2022");
        await Expect(page.Locator("#paste-apply")).ToBeEnabledAsync();
        await session.ScreenshotAsync("23-editing-paste-preview", fullPage: false);
        // The preview wrote nothing.
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "planned");
        await Expect(session.Row("lavrov-wang-2022")).ToHaveCountAsync(0);

        await page.Locator("#paste-apply").ClickAsync();
        await Expect(page.Locator("#paste-dialog")).ToBeHiddenAsync();
        await Expect(page.Locator("#edit-status")).ToContainTextAsync("Applied 2 commands (2 events)");
        await Expect(session.Row("lavrov-wang-2022")).ToBeVisibleAsync();
        await Expect(session.Row("g20-2022")).ToHaveAttributeAsync("data-attendance", "confirmed");
        session.AssertClean(409);
    }

    /// <summary>A page on server with key in this tab's sessionStorage, its clock stopped at the server's now.</summary>
    private async Task<PageSession> OpenAsync(TimelineServer server, string? key)
    {
        var session = await web.OpenPageAsync(server);
        await session.Page.Clock.SetFixedTimeAsync(server.Clock.GetUtcNow().UtcDateTime);
        if (key is not null)
        {
            await session.Page.AddInitScriptAsync($"sessionStorage.setItem('timeline.apiKey', '{key}')");
        }
        await session.GotoAsync();
        await Expect(session.Page.Locator("body[data-role]")).ToBeAttachedAsync();
        return session;
    }

    private static ILocator Dialog(IPage page) => page.Locator("#edit-dialog");

    private static ILocator Field(IPage page, string path) =>
        page.Locator($"#edit-form :is(input, select, textarea)[data-path=\"{path}\"]");

    private static ILocator ErrorAt(IPage page, string path) =>
        page.Locator($"#edit-form .field[data-field=\"{path}\"] > .field-error");

    /// <summary>Submits the open form; unless told otherwise, waits until the form has closed and the page redrawn.</summary>
    private static async Task SubmitAsync(IPage page, bool expectClosed = true)
    {
        await page.Locator("#edit-submit").ClickAsync();
        if (expectClosed)
        {
            await Expect(Dialog(page)).ToBeHiddenAsync();
            await Expect(page.Locator("#chart[aria-busy=false]")).ToBeAttachedAsync();
            await Expect(page.Locator("#panel[aria-busy=false]")).ToBeAttachedAsync();
        }
        else
        {
            await Expect(page.Locator("#edit-alert")).ToBeVisibleAsync();
        }
    }
}

using Timeline.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Timeline.Web.Tests;

/// <summary>
/// A server without <c>--allow-anonymous-read</c>: the page asks for a key, keeps it in sessionStorage and sends it as
/// a bearer token; a wrong key gets a clear message. The 401 answers are expected here, and Chromium logs each to the
/// console, so those lines (and only those) are allowed.
/// </summary>
public sealed class KeyPromptTests(WebFixture web)
{
    [Fact]
    public async Task Without_a_key_the_page_asks_for_one_refuses_a_wrong_one_and_shows_data_with_a_good_one()
    {
        await using var session = await web.OpenPageAsync(web.Locked);
        var page = session.Page;
        await page.GotoAsync("/");

        var dialog = page.Locator("#key-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("This Timeline needs a key to read");
        await Expect(page.Locator("#key-input")).ToBeFocusedAsync();
        await Expect(page.Locator("#key-error")).ToBeHiddenAsync();
        await session.ScreenshotAsync("07-key-prompt", fullPage: false);

        await page.Locator("#key-input").FillAsync("tl_this-is-not-a-key");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#key-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#key-error")).ToContainTextAsync("That key was not accepted");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.Locator("#key-input")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('timeline.apiKey')"));
        await session.ScreenshotAsync("08-key-rejected", fullPage: false);

        await page.Locator("#key-input").FillAsync(web.Locked.ReaderKey);
        await page.Locator("#key-submit").ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await session.WaitForChartAsync("2022-12-09");
        await Expect(page.Locator("#chart .row")).ToHaveCountAsync(12);
        await Expect(page.Locator("#key-status")).ToBeVisibleAsync();
        Assert.Equal(web.Locked.ReaderKey, await page.EvaluateAsync<string?>("sessionStorage.getItem('timeline.apiKey')"));

        // The key lasts for the tab: a reload asks no more.
        await page.ReloadAsync();
        await session.WaitForChartAsync("2022-12-09");
        await Expect(dialog).ToBeHiddenAsync();
        await session.MoveSliderToAsync(new DateOnly(2022, 11, 12));
        await Expect(session.Row("g20-2022").Locator(".att-text")).ToHaveTextAsync("declined (Sergey Lavrov)");
        await session.ScreenshotAsync("09-with-a-key");
        session.AssertClean(401);
    }

    [Fact]
    public async Task Cancelling_the_key_dialog_says_what_is_needed_and_offers_it_again()
    {
        await using var session = await web.OpenPageAsync(web.Locked);
        var page = session.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await page.Locator("#key-cancel").ClickAsync();
        await Expect(page.Locator("#key-dialog")).ToBeHiddenAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Reading this Timeline needs an API key.");
        await page.Locator("#status button").ClickAsync();
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await page.Locator("#key-input").FillAsync(web.Locked.ReaderKey);
        await page.Keyboard.PressAsync("Enter");
        await session.WaitForChartAsync("2022-12-09");
        session.AssertClean(401);
    }

    [Fact]
    public async Task A_keyless_request_refused_after_the_key_was_given_is_sent_again_with_it_and_asks_no_more()
    {
        await using var session = await web.OpenPageAsync(web.Locked);
        var page = session.Page;
        // The report days, asked for without a key, are held on their way until the reader has given the key in the
        // dialog that another refused request opened: their 401 then arrives with a key already stored.
        var keyGiven = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = 0;
        await page.RouteAsync("**/api/report-days", async route =>
        {
            if (route.Request.Headers.ContainsKey("authorization"))
            {
                await route.ContinueAsync();
                return;
            }
            Interlocked.Increment(ref held);
            await keyGiven.Task;
            await route.ContinueAsync();
        });
        await page.GotoAsync("/");
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        await page.Locator("#key-input").FillAsync(web.Locked.ReaderKey);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#key-dialog")).ToBeHiddenAsync();
        keyGiven.SetResult();

        // The chart needs the report days: it is drawn only once their request, sent again with the key, has answered
        // (before, their late 401 opened the dialog a second time and the page waited on it).
        await session.WaitForChartAsync("2022-12-09");
        await Expect(page.Locator("#chart .row")).ToHaveCountAsync(12);
        await Expect(page.Locator("#key-dialog")).ToBeHiddenAsync();
        Assert.Equal(1, held);
        session.AssertClean(401);
    }

    [Fact]
    public async Task Forgetting_the_key_asks_again_on_the_next_request()
    {
        await using var session = await web.OpenPageAsync(web.Locked);
        var page = session.Page;
        await page.GotoAsync("/");
        await page.Locator("#key-input").FillAsync(web.Locked.ReaderKey);
        await page.Keyboard.PressAsync("Enter");
        await session.WaitForChartAsync("2022-12-09");

        await page.Locator("#forget-key").ClickAsync();
        await Expect(page.Locator("#key-status")).ToBeHiddenAsync();
        await session.Row("g20-2022").ClickAsync();
        await Expect(page.Locator("#key-dialog")).ToBeVisibleAsync();
        session.AssertClean(401);
    }
}

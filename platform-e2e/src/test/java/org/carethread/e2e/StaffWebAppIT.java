package org.carethread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.carethread.launcher.LocalPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

/**
 * The staff web app in a real Chromium (the Debian package) against the JVM's one {@link RunningPlatform}: staff sign
 * in through the real Keycloak login page, see a patient's SMS arrive through live updates without reloading, claim
 * it, answer it in their own words and with a template, watch the replies be delivered, and resolve it with an
 * outcome; another location's staff never see it. The screens pass an axe-core check, and the README's screenshots
 * are written on the way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffWebAppIT {
    private static final String NORTH_NUMBER = "15550001001";
    private static final double PATIENCE_MS = RunningPlatform.PATIENCE.toMillis();

    private RunningPlatform running;
    private Path screenshots;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void openTheBrowser() {
        running = RunningPlatform.shared();
        screenshots = running.platform.projectRoot().resolve("staff-web/docs/screenshots");
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
    }

    @AfterAll
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void frontDeskSeesAPatientSmsArriveLiveAnswersItWithATemplateAndResolvesItWhileTheOtherLocationNeverSeesIt() {
        String patient = "1555" + (2000000 + ThreadLocalRandom.current().nextInt(7000000));
        String marker = "x" + UUID.randomUUID().toString().substring(0, 8);
        String text = "Can I move my appointment to Friday? " + marker;
        String conversationId;

        try (BrowserContext north = freshContext()) {
            Page page = north.newPage();
            signIn(page, "frontdesk.north", "sign-in.png");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
            assertThat(page.locator(".who")).containsText("North Clinic");
            // Set once and looked at at the end: a reload would lose it.
            page.evaluate("window.carethreadSamePage = true");
            // Connected to /api/live: the inbox is no longer polled, so the row below can only come from a live update.
            assertThat(page.locator(".live-state")).hasText("Live: changes appear by themselves.",
                    new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS));

            running.patientTexts(patient, NORTH_NUMBER, text);
            conversationId = running.awaitConversationWith(running.token("frontdesk.north"), text);

            Locator row = page.locator("[data-conversation-id='" + conversationId + "']");
            assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(PATIENCE_MS));
            assertThat(row).containsText("•••• " + patient.substring(patient.length() - 4));
            assertThat(row).containsText("North Clinic");
            assertThat(row).containsText("SMS");
            assertThat(row).hasClass(Pattern.compile("\\bunread\\b"));
            assertThat(row.locator(".visually-hidden").first()).hasText("Unread:");
            assertThat(row.locator(".row-workflow")).containsText("Unassigned · No owner");
            assertEquals(Boolean.TRUE, page.evaluate("window.carethreadSamePage === true"),
                    "the message arrived without reloading the page");
            assertThat(page.locator(".live-state")).hasText("Live: changes appear by themselves.");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("inbox.png")));
            assertAccessible(page, "inbox");

            row.click();
            page.waitForURL(running.staff + "/conversations/" + conversationId);
            assertThat(page.locator(".message.inbound .message-text").last()).hasText(text);
            assertThat(page.locator(".conversation-header h2")).containsText(patient);
            assertThat(row).not().hasClass(Pattern.compile("\\bunread\\b"));

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim").setExact(true)).click();
            assertThat(page.locator(".action-done")).hasText("Claimed: this conversation is yours now.");
            assertThat(page.locator(".conversation-workflow")).containsText("Assigned · Owner: you");
            assertThat(row.locator(".row-workflow")).containsText("Assigned · Owner: you");

            page.locator(".notes summary").click();
            page.getByLabel("Note for colleagues").fill("Prefers mornings, @nurse please check the chart.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.locator(".note-done")).hasText("Note added; @nurse will see it in their mentions.");
            assertThat(page.locator(".note .mention")).hasText("@nurse");

            String reply = "Friday at 10 works. See you then! " + UUID.randomUUID().toString().substring(0, 8);
            Locator compose = page.getByLabel("Reply by SMS");
            compose.fill(reply);
            assertThat(page.locator("#compose-count")).containsText(reply.length() + " characters · 1 SMS");
            compose.press("Control+Enter");

            Locator sent = page.locator(".message.outbound", new Page.LocatorOptions().setHasText(reply));
            assertThat(sent).isVisible();
            assertThat(compose).hasValue("");
            assertThat(sent.locator(".delivery")).hasText("Delivered",
                    new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS));
            assertNotNull(running.sentTo(patient, reply), "the carrier was asked to send exactly the reply");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("conversation.png")));
            assertAccessible(page, "conversation");

            // A template that needs the patient's first name, which a new contact does not have: nothing is sent.
            Locator template = page.getByLabel("Answer with");
            template.selectOption(new SelectOption().setLabel("Appointment confirmed"));
            Locator appointmentTime = page.getByLabel("Appointment time");
            appointmentTime.fill("Friday 10:00 am");
            appointmentTime.press("Tab");
            assertThat(page.locator(".template-preview-text")).containsText("is confirmed for Friday 10:00 am");
            assertThat(page.locator(".template-missing")).containsText("CareThread does not know the patient's first name");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("template.png")));
            assertAccessible(page, "template");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
            assertThat(page.locator(".compose-error")).containsText("Nothing was sent: the template still needs values.");

            template.selectOption(new SelectOption().setLabel("Please call us"));
            Locator filled = page.locator(".template-preview-text");
            assertThat(filled).containsText("from North Clinic. Please call us at");
            String templateReply = filled.textContent();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send reply")).click();
            Locator sentFromTemplate = page.locator(".message.outbound", new Page.LocatorOptions().setHasText(templateReply));
            assertThat(sentFromTemplate.locator(".delivery")).hasText("Delivered",
                    new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS));
            assertNotNull(running.sentTo(patient, templateReply), "the carrier was asked to send the filled template");

            page.locator(".action-buttons").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve")).click();
            page.getByLabel("Outcome").selectOption("appointment-confirmed");
            assertAccessible(page, "resolve");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("resolve.png")));
            page.locator(".action-form").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Resolve")).click();
            assertThat(page.locator(".action-done")).containsText("Resolved: ");
            assertThat(page.locator(".conversation-workflow")).containsText("Resolved · Owner: you · Outcome: Appointment confirmed");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Resolved").setExact(true)).click();
            assertThat(page.locator(".inbox-summary")).containsText("in Resolved");
            assertThat(row).isVisible();
            assertThat(row.locator(".row-workflow")).containsText("Resolved");

            // A word of the patient's message finds the conversation; the words travel in the POST body.
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(marker);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator(".inbox-summary")).containsText("1 conversation found.");
            assertThat(row).isVisible();
            assertFalse(page.url().contains(marker), "search words in the address");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("search.png")));
            assertAccessible(page, "search");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear search")).click();
            assertNothingAboutThePatientStored(page, patient, text, reply, templateReply);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(url -> url.startsWith(running.staff + "/?signed-out="));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        }

        try (BrowserContext south = freshContext()) {
            Page page = south.newPage();
            signIn(page, "frontdesk.south", null);
            assertThat(page.locator(".inbox-summary")).not().hasText("Loading conversations…");
            assertThat(page.locator(".live-state")).hasText("Live: changes appear by themselves.",
                    new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS));
            // Had the conversation been listed at South, the first look after connecting would have shown it by now.
            page.waitForTimeout(3000);
            assertEquals(0, page.locator("[data-conversation-id='" + conversationId + "']").count(),
                    "South front desk sees a North conversation");
            assertFalse(page.content().contains(text));
            page.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(marker);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator(".inbox-summary")).containsText("No conversation matches your search.");

            page.navigate(running.staff + "/conversations/" + conversationId);
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("not available to you"))).isVisible();
            assertFalse(page.content().contains(text));
        }
    }

    /**
     * axe-core (the staff-web build's copy) finds no WCAG 2.1 A/AA violations: labels, names, contrast, landmarks.
     * Evaluated through the browser's debugging protocol, so the app's Content-Security-Policy stays as it is.
     */
    private void assertAccessible(Page page, String screen) {
        try {
            page.evaluate(Files.readString(running.platform.projectRoot()
                    .resolve("staff-web/node_modules/axe-core/axe.min.js")));
        } catch (IOException e) {
            throw new UncheckedIOException("build staff-web first (npm ci brings axe-core)", e);
        }
        Object violations = page.evaluate("async () => (await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa',"
                + " 'wcag21a', 'wcag21aa'] })).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target).join(' '))");
        assertEquals(List.of(), violations, "accessibility violations on the " + screen + " screen");
    }

    /** Web storage, cookies and IndexedDB of the staff origin hold nothing of the conversation. */
    private static void assertNothingAboutThePatientStored(Page page, String... phi) {
        String stored = (String) page.evaluate("() => JSON.stringify({ ...localStorage }) + JSON.stringify({"
                + " ...sessionStorage }) + document.cookie");
        for (String value : phi) {
            assertFalse(stored.contains(value), "PHI left in browser storage");
        }
        assertEquals(0, page.evaluate("async () => (await indexedDB.databases()).length"), "IndexedDB is used");
    }

    private BrowserContext freshContext() {
        return browser.newContext(new Browser.NewContextOptions().setViewportSize(1200, 720).setLocale("en-US"));
    }

    /** Through the real Keycloak login page, as staff do. */
    private void signIn(Page page, String username, String screenshot) {
        page.navigate(running.staff + "/");
        page.waitForURL(url -> url.startsWith("http://localhost:8180/realms/carethread/"));
        page.locator("#username").fill(username);
        page.locator("#password").fill(LocalPlatform.DEMO_PASSWORD);
        if (screenshot != null) {
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(screenshot)));
        }
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(running.staff + "/"));
        assertThat(page.locator(".inbox-summary")).isVisible(new LocatorAssertions.IsVisibleOptions()
                .setTimeout(PATIENCE_MS));
    }
}

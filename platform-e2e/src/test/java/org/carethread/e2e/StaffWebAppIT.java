package org.carethread.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
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

import io.restassured.http.ContentType;

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
            conversationId = running.awaitConversationWith(running.token("frontdesk.north"), patient, text);

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

            // The queue list: the conversation's queue is there with what waits in it; choosing it narrows the inbox.
            String queue = given().auth().oauth2(running.token("frontdesk.north"))
                    .get(running.staff + "/api/conversations/" + conversationId).then().statusCode(200)
                    .extract().path("queue");
            String queueInWords = inWords(queue);
            Locator queueButton = page.locator(".inbox-queues [data-queue='" + queue + "']");
            assertThat(queueButton).containsText(queueInWords);
            assertThat(queueButton.locator(".queue-load")).containsText(Pattern.compile("[1-9][0-9]* open, [1-9][0-9]* unassigned"));
            queueButton.click();
            assertThat(queueButton).hasAttribute("aria-pressed", "true");
            assertThat(row).isVisible();
            assertThat(page.locator(".inbox-row .row-where").filter(new Locator.FilterOptions().setHasNotText(queueInWords)))
                    .hasCount(0);
            page.locator(".inbox-queues button").filter(new Locator.FilterOptions().setHasText("All queues")).click();
            assertThat(queueButton).hasAttribute("aria-pressed", "false");
            assertThat(row).isVisible();

            // Keyboard only: j moves down the rows to this one, Enter opens it, c claims it. Earlier tests' conversations
            // may sit above it, and the list may still be redrawing after "All queues", so j is pressed until this
            // row has focus rather than a number of times counted from a list that can change under it.
            int rowCount = page.locator(".inbox-row").count();
            List<Object> trail = new java.util.ArrayList<>();
            for (int press = 0; press < rowCount + 5 && !hasFocus(row); press++) {
                page.keyboard().press("j");
                trail.add(page.evaluate("() => { const e = document.activeElement;"
                        + " return e ? (e.dataset.conversationId || e.tagName + '.' + e.className) : null; }"));
            }
            assertTrue(hasFocus(row), "j never reached the row among " + rowCount + " rows " + page.locator(".inbox-row")
                    .evaluateAll("rows => rows.map(r => r.dataset.conversationId)") + "; focus went " + trail);
            page.keyboard().press("Enter");
            page.waitForURL(running.staff + "/conversations/" + conversationId);
            assertThat(page.locator(".message.inbound .message-text").last()).hasText(text);
            assertThat(page.locator(".conversation-header h2")).containsText(patient);
            assertThat(row).not().hasClass(Pattern.compile("\\bunread\\b"));

            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim").setExact(true))).isVisible();
            page.keyboard().press("c");
            assertThat(page.locator(".action-done")).hasText("Claimed: this conversation is yours now.");
            assertThat(page.locator(".conversation-workflow")).containsText("Assigned · Owner: you");
            assertThat(row.locator(".row-workflow")).containsText("Assigned · Owner: you");

            page.locator(".notes summary").click();
            page.getByLabel("Note for colleagues").fill("Prefers mornings, @nurse please check the chart.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            assertThat(page.locator(".note-done")).hasText("Note added; @nurse will see it in their mentions.");
            assertThat(page.locator(".note .mention")).hasText("@nurse");

            // ? lists the shortcuts; typed in a field it is just a character.
            page.locator(".conversation-header h2").click();
            page.keyboard().press("?");
            assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"))).isVisible();
            assertAccessible(page, "keyboard shortcuts");
            page.keyboard().press("Escape");
            assertThat(page.locator(".shortcut-help")).isHidden();

            // A reply scheduled for tomorrow is listed with its text, then cancelled; nothing reaches the carrier.
            String later = "We will call you tomorrow morning. " + UUID.randomUUID().toString().substring(0, 8);
            page.getByLabel("Reply by SMS").fill(later);
            page.getByLabel("Send later at").fill(LocalDate.now().plusDays(1) + "T09:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule reply")).click();
            Locator scheduled = page.locator(".scheduled-reply", new Page.LocatorOptions().setHasText(later));
            assertThat(scheduled).isVisible();
            assertThat(page.locator(".compose-scheduled")).containsText("Scheduled for ");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("scheduled.png")));
            assertAccessible(page, "scheduled replies");
            scheduled.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
            assertThat(scheduled).isHidden();
            assertNull(running.sentTo(patient, later), "a cancelled reply reached the carrier");

            // r goes to the reply box; typing there never fires a shortcut.
            page.locator(".conversation-header h2").click();
            page.keyboard().press("r");
            assertThat(page.getByLabel("Reply by SMS")).isFocused();
            page.keyboard().type("e");
            assertThat(page.getByLabel("Reply by SMS")).hasValue("e");
            assertThat(page.locator(".action-form")).isHidden();
            page.getByLabel("Reply by SMS").fill("");

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

            // The history, read when opened: the claim and the scheduled reply's cancellation are there.
            page.locator(".history summary").click();
            assertThat(page.locator(".history-list")).containsText("frontdesk.north claimed it");
            assertThat(page.locator(".history-list")).containsText("cancelled a scheduled reply");
            assertAccessible(page, "history");

            // e opens Resolve.
            page.locator(".conversation-header h2").click();
            page.keyboard().press("e");
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
            assertThat(page.locator(".inbox-summary")).containsText("1 conversation found (your words).");
            assertThat(row).isVisible();
            assertFalse(page.url().contains(marker), "search words in the address");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("search.png")));
            assertAccessible(page, "search");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear search")).click();

            // More filters with nothing typed: resolved, owned by me, active from today. A period that does not start
            // before it ends is refused before anything is asked.
            String today = java.time.LocalDate.now().toString();
            page.locator(".search-filters summary").click();
            page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Resolved").setExact(true)).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Owner: me")).click();
            assertThat(page.getByLabel("Owner (username)")).hasValue("frontdesk.north");
            page.getByLabel("From", new Page.GetByLabelOptions().setExact(true)).fill(today);
            page.getByLabel("To (not included)").fill(today);
            Locator searchWithFilters = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search with these filters"));
            searchWithFilters.click();
            assertThat(page.locator(".search-error")).hasText("\"From\" must be before \"To\".");
            page.getByLabel("To (not included)").fill(java.time.LocalDate.now().plusDays(1).toString());
            searchWithFilters.click();
            assertThat(page.locator(".inbox-summary")).containsText(Pattern.compile(
                    "conversations? found \\(Resolved, owner you, last activity from .+ and before .+\\)\\."));
            assertThat(row).isVisible();
            assertThat(row.locator(".row-workflow")).containsText("Resolved · Owner: you");
            assertThat(page.locator(".inbox-row .row-workflow").filter(new Locator.FilterOptions()
                    .setHasNotText("Resolved · Owner: you"))).hasCount(0);
            assertFalse(page.url().contains("resolved") || page.url().contains("frontdesk.north"), "filters in the address");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("search-filters.png")));
            assertAccessible(page, "search filters");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Clear search")).click();
            assertThat(page.getByLabel("Owner (username)")).hasValue("");
            assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Resolved").setExact(true))).not().isChecked();
            assertThat(page.locator(".inbox-summary")).containsText("in Resolved");
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
            assertThat(page.locator(".inbox-summary")).containsText("No conversation matches your search (your words).");

            page.navigate(running.staff + "/conversations/" + conversationId);
            assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions()
                    .setHasText("not available to you"))).isVisible();
            assertFalse(page.content().contains(text));
        }

        complianceFindsTheFrontDesksReadInTheAudit(conversationId, patient);
        supervisorSeesTheConversationCountedAndWhoReadIt(conversationId);
    }

    /**
     * The nurse, signed in, is mentioned in a note on a conversation of her own (this test's patient): the count beside
     * Mentions grows through the live update, the Mentions screen says who mentioned her in a conversation at which
     * clinic, and opening it lands on the conversation with the note, after which she counts one fewer.
     */
    @Test
    void nurseSeesANoteMentioningHerArriveAndOpensItFromHerMentions() {
        String patient = RunningPlatform.randomPatientNumber();
        String text = "Is my refill ready to pick up? " + UUID.randomUUID().toString().substring(0, 8);
        running.patientTexts(patient, NORTH_NUMBER, text);
        String frontDesk = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(frontDesk, patient, text);

        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "nurse", null);
            page.evaluate("window.carethreadSamePage = true");
            assertThat(page.locator(".live-state")).hasText("Live: changes appear by themselves.",
                    new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS));
            // Other tests may have mentioned the nurse too: what counts is one more, then one fewer.
            int before = given().auth().oauth2(running.token("nurse")).get(running.staff + "/api/mentions").then()
                    .statusCode(200).extract().jsonPath().getList("id").size();
            Locator count = page.locator(".nav .nav-count");
            assertUnseenMentions(count, before);

            String note = "Refill question, @nurse can you check the chart?";
            given().auth().oauth2(frontDesk).contentType(ContentType.JSON).body(Map.of("text", note))
                    .post(running.staff + "/api/conversations/" + conversationId + "/notes").then().statusCode(201);
            assertUnseenMentions(count, before + 1);
            assertEquals(Boolean.TRUE, page.evaluate("window.carethreadSamePage === true"),
                    "the count grew without reloading the page");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mentions")).click();
            page.waitForURL(running.staff + "/mentions");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Mentions"))).isVisible();
            Locator mention = page.locator(".mention-link[href='/conversations/" + conversationId + "']");
            assertThat(mention).hasText("frontdesk.north mentioned you in a conversation at North Clinic");
            assertThat(page.locator(".mention-item").filter(new Locator.FilterOptions().setHas(mention))
                    .locator(".mention-details")).containsText("Not seen yet");
            assertThat(page.locator(".mentions-summary")).hasText((before + 1) + " unseen mention"
                    + (before == 0 ? "" : "s") + ", newest first.");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("mentions.png")));
            assertAccessible(page, "mentions");

            mention.click();
            page.waitForURL(running.staff + "/conversations/" + conversationId);
            assertThat(page.locator(".message.inbound .message-text").last()).hasText(text);
            page.locator(".notes summary").click();
            assertThat(page.locator(".note .note-text")).hasText(note);
            assertUnseenMentions(count, before);

            // Seen now: gone from the unseen ones, listed as seen with the seen ones too.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mentions")).click();
            page.waitForURL(running.staff + "/mentions");
            assertThat(page.locator(".mentions-summary")).not().hasText("Loading mentions…");
            assertThat(mention).hasCount(0);
            page.getByLabel("Show seen ones too").check();
            assertThat(page.locator(".mention-item").filter(new Locator.FilterOptions().setHas(mention))
                    .locator(".mention-details")).containsText("Seen ");
            assertAccessible(page, "mentions with the seen ones");

            // Back in the conversation, however it is opened, a colleague's new mention there is seen as it comes.
            page.goBack();
            page.waitForURL(running.staff + "/conversations/" + conversationId);
            assertThat(page.locator(".message.inbound .message-text").last()).hasText(text);
            given().auth().oauth2(frontDesk).contentType(ContentType.JSON)
                    .body(Map.of("text", "Also, @nurse, she asked about the dose."))
                    .post(running.staff + "/api/conversations/" + conversationId + "/notes").then().statusCode(201);
            await().atMost(RunningPlatform.PATIENCE).until(() -> given().auth().oauth2(running.token("nurse"))
                    .get(running.staff + "/api/mentions?unseen=false").then().statusCode(200).extract().jsonPath()
                    .getList("findAll { it.conversationId == '" + conversationId + "' && it.seenAt != null }").size() == 2);
            assertUnseenMentions(count, before);
        }
    }

    /**
     * A practice admin sets up a queue's automatic assignment: a refusal by the service is said in its words and
     * saves nothing; the corrected setup is saved, read back, and still there after a reload.
     */
    @Test
    void practiceAdminSetsUpAQueuesAutomaticAssignmentAndIsToldWhatTheServiceRefused() {
        String queue = "north-e2e-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "admin", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Setup")).click();
            page.waitForURL(running.staff + "/setup");
            Locator form = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Set up another queue"));
            form.getByLabel("Queue code (as routing names it)").fill(queue);
            form.getByLabel("Location").selectOption("north");
            form.getByLabel("Automatic assignment").selectOption("round-robin");
            form.getByLabel("Most open per person (empty: no limit)").fill("5");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save queue")).click();
            // Round robin without members: conversation-service refuses (400 problem+json), said in its words.
            assertThat(form.locator(".admin-error")).hasText(
                    "That did not go through: Automatic assignment needs at least one member to assign to.");
            assertEquals(0, page.locator("form[data-queue='" + queue + "']").count(), "a refused setup was saved");
            assertAccessible(page, "setup");

            form.getByLabel("Members (usernames, in turn order)").fill("frontdesk.north, nurse");
            form.getByLabel("Normal target, minutes (empty: practice default)").fill("90");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save queue")).click();
            Locator saved = page.locator("form[data-queue='" + queue + "']");
            String queueInWords = inWords(queue);
            assertThat(saved.locator(".admin-done")).hasText("Saved. " + queueInWords
                    + ": Round robin, members frontdesk.north, nurse, at most 5 open per person, never returned.");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("setup.png")));
            assertAccessible(page, "setup saved");

            // A template added, then edited: the new text is saved as version 2 and offered from then on.
            String templateName = "Parking " + queue;
            Locator templates = page.locator("form[aria-labelledby='template-form-heading']");
            templates.getByLabel("Template name").fill(templateName);
            templates.getByLabel("Category (e.g. scheduling)").fill("general");
            templates.getByLabel("Text, with variables like {{patient_first_name}}").fill("Parking is behind the clinic.");
            templates.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add template")).click();
            assertThat(page.locator("#admin-templates .admin-done")).hasText("Added \"" + templateName + "\".");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + templateName)).click();
            assertThat(templates.getByLabel("Template name")).hasValue(templateName);
            templates.getByLabel("Text, with variables like {{patient_first_name}}")
                    .fill("Parking is behind the clinic, free for patients.");
            templates.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save as version 2")).click();
            assertThat(page.locator("#admin-templates .admin-done")).hasText("Saved \"" + templateName + "\" as version 2.");
            Locator templateRow = page.locator("#admin-templates tr").filter(new Locator.FilterOptions().setHasText(templateName));
            assertThat(templateRow).containsText("free for patients");
            assertThat(templateRow.locator("td").nth(2)).hasText("2");
            assertAccessible(page, "setup template edited");

            page.reload();
            Locator reread = page.locator("form[data-queue='" + queue + "']");
            assertThat(reread.getByLabel("Automatic assignment")).hasValue("round-robin");
            assertThat(reread.getByLabel("Members (usernames, in turn order)")).hasValue("frontdesk.north, nurse");
            assertThat(reread.getByLabel("Most open per person (empty: no limit)")).hasValue("5");
            assertThat(reread.getByLabel("Normal target, minutes (empty: practice default)")).hasValue("90");
        }
        String setup = given().auth().oauth2(running.token("admin")).get(running.staff + "/api/queues").then()
                .statusCode(200).extract().jsonPath().getString("queues.find { it.queue == '" + queue + "' }.assignment");
        assertEquals("round-robin", setup);
    }

    /**
     * A practice admin adds a routing rule with the form (boxes ticked, a queue typed), reads what it does in a
     * sentence, moves it to the top, and the dry run of the rules being edited shows it winning: routing-service's own
     * check of a draft (the one a save goes through) takes every rule as the form writes it. Nothing is saved, so the
     * other tests keep the demo rules.
     */
    @Test
    void practiceAdminAddsARoutingRuleWithTheFormAndTheDryRunShowsItWinning() {
        String description = "E2E billing at North to the front desk";
        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "admin", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Setup")).click();
            page.waitForURL(running.staff + "/setup");
            Locator rules = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Routing rules"));
            Locator dryRun = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Dry run"));
            Locator ruleFact = dryRun.locator(".why-fact:has(dt:text-is('Rule')) dd");
            dryRun.getByLabel("Practice number it is sent to (e.g. 15550001001)").fill("15550001001");
            dryRun.getByLabel("Message (made up; nothing is stored or sent)").fill("I was charged twice on my bill");
            dryRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it")).click();
            // The rules in force answer first: a version number, not a draft.
            assertThat(ruleFact).hasText(Pattern.compile("\\(version \\d+\\)$"));

            rules.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add a rule")).click();
            Locator added = rules.locator(".rule-card").last();
            added.getByLabel("Description (e.g. Billing questions go to the billing desk)").fill(description);
            added = rules.locator(".rule-card").filter(new Locator.FilterOptions().setHasText(description));
            added.getByLabel("Billing", new Locator.GetByLabelOptions().setExact(true)).check();
            added.getByLabel("North Clinic", new Locator.GetByLabelOptions().setExact(true)).check();
            added.getByLabel("Queue it goes to").fill("north-front-desk");
            assertThat(added.locator(".rule-summary")).hasText("Billing messages at North Clinic go to North front desk.");
            for (int i = 0; i < 50 && !added.locator("h3").textContent().startsWith("Rule 1:"); i++) {
                added.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move up")).click();
            }
            assertThat(added.locator("h3")).hasText("Rule 1: " + description);
            rules.getByText("Edit as JSON").click();
            assertThat(rules.getByLabel("The rules as JSON")).hasValue(Pattern.compile(".*\"description\": \"" + description
                    + "\".*\"queue\": \"north-front-desk\".*", Pattern.DOTALL));

            dryRun.getByLabel("Try the rules above, unsaved").check();
            dryRun.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Try it")).click();
            assertThat(ruleFact).hasText("e2e-billing-at-north-to-the-front-desk (version draft)");
            assertThat(dryRun.locator(".why-fact:has(dt:text-is('Queue')) dd")).hasText("North front desk (north)");
            // The card is taller than the test's window: a taller one keeps its heading clear of the top bar.
            page.setViewportSize(1200, 1400);
            added.screenshot(new Locator.ScreenshotOptions().setPath(screenshots.resolve("rules.png")));
            // The versions saved so far, newest first: the one in force on top, with its rules in sentences.
            rules.getByText("Earlier versions").click();
            Locator newest = rules.locator(".rule-versions > li").first();
            assertThat(newest).containsText("(in force)");
            assertThat(newest.locator(".rule-version-rules li").first()).not().isEmpty();
            assertAccessible(page, "routing rules");
        }
    }

    /**
     * Coverage: the supervisor puts the provider on call at South for tomorrow night, as routing-service then keeps it,
     * and takes the shift off the rota again;
     * the nurse, who may not arrange on-call, sets her own out-of-office with a colleague covering and ends it.
     */
    @Test
    void supervisorPutsTheProviderOnCallAndTheNurseSetsAndEndsHerOutOfOffice() {
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        LocalDateTime shiftStarts = tomorrow.atTime(18, 0);
        LocalDateTime shiftEnds = tomorrow.plusDays(1).atTime(8, 0);
        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "supervisor", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coverage")).click();
            page.waitForURL(running.staff + "/coverage");
            Locator south = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Put someone on call at South Clinic"));
            south.getByLabel("Who (username)").fill("provider");
            south.getByLabel("From (your time)").fill(shiftEnds.toString());
            south.getByLabel("Until (your time)").fill(shiftStarts.toString());
            south.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put on call")).click();
            assertThat(south.locator(".admin-error")).hasText("The start must be before the end.");

            south.getByLabel("From (your time)").fill(shiftStarts.toString());
            south.getByLabel("Until (your time)").fill(shiftEnds.toString());
            south.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Put on call")).click();
            Locator southShifts = page.locator("[data-location='south']");
            assertThat(southShifts.locator(".admin-done"))
                    .hasText("provider is on call then: emergencies written in that time alert them.");
            assertThat(southShifts.locator(".coverage-list")).containsText("provider, ");
            assertAccessible(page, "coverage");
        }
        // The browser's time is this machine's, so routing-service holds the shift at those instants.
        Instant startsAt = shiftStarts.atZone(ZoneId.systemDefault()).toInstant();
        List<Map<String, String>> southShifts = southOnCall();
        String shiftId = southShifts.stream()
                .filter(shift -> "provider".equals(shift.get("staffUser")) && startsAt.equals(Instant.parse(shift.get("startsAt"))))
                .map(shift -> shift.get("id")).findFirst().orElseThrow(() -> new AssertionError(southShifts.toString()));

        // Taken off the rota again, from its own line: routing-service no longer has it.
        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "supervisor", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coverage")).click();
            page.waitForURL(running.staff + "/coverage");
            Locator shift = page.locator("[data-shift-id='" + shiftId + "']");
            shift.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take provider's shift off the rota")).click();
            assertThat(page.locator("[data-location='south'] .admin-done")).hasText("provider's shift is off the rota:"
                    + " emergencies then alert whoever else is on call, or the whole clinical queue.");
            assertThat(shift).hasCount(0);
        }
        assertTrue(southOnCall().stream().noneMatch(shift -> shiftId.equals(shift.get("id"))), "the shift is still kept");

        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "nurse", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Coverage")).click();
            page.waitForURL(running.staff + "/coverage");
            assertEquals(0, page.locator(".coverage-location form").count(), "a nurse is offered to arrange on-call");
            Locator away = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Set an out-of-office"));
            assertThat(away.getByLabel("Who is away (you)")).hasValue("nurse");
            away.getByLabel("Covered by (username)").fill("provider");
            away.getByLabel("Away from (your time)").fill(tomorrow.plusDays(3).atTime(8, 0).toString());
            away.getByLabel("Back at (your time)").fill(tomorrow.plusDays(4).atTime(17, 0).toString());
            away.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Set out-of-office")).click();
            assertThat(page.locator("#coverage-away .admin-done"))
                    .hasText("Set: while nurse is away, messages meant for them go to provider.");
            Locator mine = page.locator("[data-staff-user='nurse']");
            assertThat(mine).containsText("nurse will be away from");
            assertThat(mine).containsText("provider covers.");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("coverage.png")));
            assertAccessible(page, "coverage as a nurse");

            mine.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("End my out-of-office")).click();
            assertThat(page.locator("#coverage-away .admin-done"))
                    .hasText("nurse is back: messages meant for them go to them again.");
            assertThat(mine).hasCount(0);
        }
        List<String> awayNow = given().auth().oauth2(running.token("supervisor"))
                .get(running.staff + "/api/routing/absences").then().statusCode(200)
                .extract().jsonPath().getList("staffUser");
        assertFalse(awayNow.contains("nurse"), "the nurse's out-of-office was ended: " + awayNow);
    }

    /**
     * One caller leaves a voicemail and then texts a photo: the front desk reads the transcript, plays the recording
     * and sees the photo's thumbnail in real Chromium, both fetched with the token into blob: URLs that the app's
     * Content-Security-Policy lets play and show.
     */
    @Test
    void frontDeskHearsAVoicemailAndSeesThePhotoTheCallerSent() {
        String caller = "1555" + (2000000 + ThreadLocalRandom.current().nextInt(7000000));
        String transcript = "Please call me back about my blood pressure readings "
                + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON)
                .body(Map.of("from", caller, "to", NORTH_NUMBER, "transcript", transcript))
                .post(running.carrier + "/sandbox/voicemail").then().statusCode(200);
        String north = running.token("frontdesk.north");
        String conversationId = running.awaitConversationWith(north, caller, transcript);
        running.patientSendsPhoto(caller, NORTH_NUMBER, "This is the reading", RunningPlatform.photo());
        await().atMost(RunningPlatform.PATIENCE).until(() -> given().auth().oauth2(north)
                .get(running.staff + "/api/conversations/" + conversationId).then().statusCode(200).extract()
                .jsonPath().getList("messages.collectMany { it.attachments }.findAll { it.state == 'ready' }").size() == 2);

        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "frontdesk.north", null);
            page.navigate(running.staff + "/conversations/" + conversationId);
            assertThat(page.locator(".message.inbound .message-text").first()).hasText(transcript);
            Locator thumbnail = page.locator("img.attachment-thumbnail");
            assertThat(thumbnail).hasAttribute("alt", "Photo from patient");
            assertThat(thumbnail).hasAttribute("src", Pattern.compile("^blob:"));
            page.waitForFunction("() => { const i = document.querySelector('img.attachment-thumbnail');"
                    + " return i && i.complete && i.naturalWidth > 0; }");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Play recording")).click();
            Locator audio = page.locator("audio");
            assertThat(audio).hasAttribute("src", Pattern.compile("^blob:"));
            page.waitForFunction("() => { const a = document.querySelector('audio');"
                    + " return a && a.readyState >= 1 && !a.error; }");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("voicemail.png")));
            assertAccessible(page, "voicemail and photo");
        }
    }

    /** The dashboard counts the test's patient message in its queue; from the conversation, who read it. */
    private void supervisorSeesTheConversationCountedAndWhoReadIt(String conversationId) {
        String supervisor = running.token("supervisor");
        String queue = given().auth().oauth2(supervisor).get(running.staff + "/api/conversations/" + conversationId)
                .then().statusCode(200).extract().path("queue");
        List<Map<String, Object>> volumes = given().auth().oauth2(supervisor)
                .get(running.staff + "/api/reports/dashboard").then().statusCode(200).extract().jsonPath()
                .getList("volumes.findAll { it.queue == '" + queue + "' }");
        long counted = volumes.stream().mapToLong(v -> ((Number) v.get("messages")).longValue()).sum();
        assertTrue(counted >= 1, "the dashboard counts the test's message in " + queue);
        String queueInWords = inWords(queue);

        try (BrowserContext context = freshContext()) {
            Page page = context.newPage();
            signIn(page, "supervisor", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dashboard")).click();
            page.waitForURL(running.staff + "/dashboard");
            Locator chart = page.locator("figure[data-chart='volumes']");
            assertThat(chart.getByRole(AriaRole.IMG)).hasAttribute("aria-label",
                    // Playwright runs the pattern in the browser: no \\Q…\\E quoting; queue words are letters and digits.
                    Pattern.compile("(^|\\. )" + queueInWords + ": " + counted + "\\b"));
            assertThat(chart.locator("svg text").filter(new Locator.FilterOptions().setHasText(queueInWords))).isVisible();
            assertThat(page.locator("figure[data-chart='workload']")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("dashboard.png")).setFullPage(true));
            assertAccessible(page, "dashboard");

            page.navigate(running.staff + "/conversations/" + conversationId);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who read this conversation")).click();
            page.waitForURL(running.staff + "/audit/conversations/" + conversationId);
            assertThat(page.locator(".audit-readers tbody tr").filter(new Locator.FilterOptions()
                    .setHasText("frontdesk.north")).first()).isVisible();
            // Supervisors search and see readers; verifying and exporting are for compliance officers.
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export CSV")).count());
            assertEquals(0, page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the audit log")).count());
        }
    }

    /**
     * The "sign in as compliance and find the read in the audit": front desk North's read of the conversation
     * above is in the audit search and among the conversation's readers; the chain verifies and an export downloads.
     */
    private void complianceFindsTheFrontDesksReadInTheAudit(String conversationId, String patient) {
        String frontDesk = subjectOf(running.token("frontdesk.north"));
        // The launcher creates every topic before the services start, so the read reaches the log within seconds
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> given()
                .auth().oauth2(running.token("compliance")).queryParam("conversationId", conversationId)
                .queryParam("action", "conversation.read").get(running.staff + "/api/audit/events").then()
                .statusCode(200).extract().jsonPath().getList("entries.actorUserId").contains(frontDesk));
        try (BrowserContext compliance = freshContext()) {
            Page page = compliance.newPage();
            signIn(page, "compliance", null);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit log")).click();
            page.waitForURL(running.staff + "/audit");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Audit log"))).isVisible();

            page.getByLabel("Conversation ID").fill(conversationId);
            page.getByLabel("Action").selectOption("conversation.read");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator(".audit-problem")).isHidden();
            assertThat(page.locator(".audit-results .audit-summary")).containsText("Entries 1–");
            Locator reads = page.locator(".audit-results tbody tr");
            // Named by username; the Keycloak id is at hand on the name.
            Locator frontDesksRead = reads.filter(new Locator.FilterOptions().setHasText("frontdesk.north")).first();
            assertThat(frontDesksRead).isVisible();
            assertThat(frontDesksRead.locator("[title='User id " + frontDesk + "']")).hasText("frontdesk.north");
            assertThat(reads.first()).containsText("Read a conversation");
            assertThat(reads.first()).containsText("North Clinic");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("audit.png")));
            assertAccessible(page, "audit search");

            assertThat(page.locator(".audit-summary").first()).containsText("Entries 1–");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Who read it: conversation " + conversationId))
                    .first().click();
            page.waitForURL(running.staff + "/audit/conversations/" + conversationId);
            Locator readers = page.locator(".audit-readers tbody tr");
            assertThat(readers.filter(new Locator.FilterOptions().setHasText("frontdesk.north")).first()).containsText("front-desk");
            assertAccessible(page, "readers");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify the audit log")).click();
            assertThat(page.locator(".chain-result")).containsText("The audit log is intact",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENCE_MS));

            com.microsoft.playwright.Download download;
            try {
                download = page.waitForDownload(new Page.WaitForDownloadOptions().setTimeout(PATIENCE_MS),
                        () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Export CSV")).click());
            } catch (com.microsoft.playwright.TimeoutError e) {
                throw new AssertionError("no download; the page says: "
                        + page.locator(".audit-problem, .export-done").allTextContents(), e);
            }
            assertEquals("carethread-audit.csv", download.suggestedFilename());
            String csv = readDownload(download);
            assertTrue(csv.startsWith("seq,eventId,type,action,conversationId,actorUserId"), csv);
            assertTrue(csv.contains(conversationId + "," + frontDesk), "the export holds the front desk's read");
            assertThat(page.locator(".export-done")).containsText("the export is recorded in the audit log");
            page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("audit-readers.png")));
            assertAccessible(page, "audit export");
            // By the patient's number, typed as the desk writes it: it goes in a POST body, the search by its blind index.
            page.getByLabel("Conversation ID").fill("");
            page.getByLabel("Patient's phone number or e-mail address").fill("+1 (" + patient.substring(1, 4) + ") "
                    + patient.substring(4));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator(".audit-results [data-conversation-id='" + conversationId + "']").first()).isVisible();
            assertFalse(page.url().contains(patient.substring(4)), "the patient's number reached the address bar");
            page.getByLabel("Patient's phone number or e-mail address").fill("");
            // A refused period is said in words and nothing is asked.
            page.getByLabel("From (your time)").fill("2026-12-02T10:00");
            page.getByLabel("To (your time, not included)").fill("2026-12-01T10:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
            assertThat(page.locator(".audit-problem")).hasText("\"From\" must be before \"To\".");
        }
    }

    private List<Map<String, String>> southOnCall() {
        return given().auth().oauth2(running.token("supervisor"))
                .get(running.staff + "/api/routing/locations/south/on-call").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    /** The number beside Mentions in the top bar: none shown at 0, and read out as "N unseen". */
    private static void assertUnseenMentions(Locator count, int unseen) {
        if (unseen == 0) {
            assertThat(count).isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(PATIENCE_MS));
        } else {
            assertThat(count).hasText(unseen + " unseen", new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS));
        }
    }

    /** A queue's code as the app writes it (ui/format.ts codeInWords): north-front-desk reads "North front desk". */
    private static String inWords(String queue) {
        return Character.toUpperCase(queue.charAt(0)) + queue.substring(1).replace('-', ' ');
    }

    private static boolean hasFocus(Locator element) {
        return Boolean.TRUE.equals(element.evaluate("e => e === document.activeElement"));
    }

    private static String readDownload(com.microsoft.playwright.Download download) {
        try {
            return Files.readString(download.path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The token's subject: conversation-service records reads under the staff member's Keycloak id. */
    private static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return new io.restassured.path.json.JsonPath(payload).getString("sub");
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

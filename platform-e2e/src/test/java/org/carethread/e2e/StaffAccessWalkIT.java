package org.carethread.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.carethread.e2e.RunningPlatform.PATIENCE;
import static org.carethread.e2e.RunningPlatform.randomPatientNumber;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.carethread.launcher.LocalPlatform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.http.ContentType;

/**
 * Walks every staff operation the services' OpenAPI documents list under {@code /api} through the staff gateway, as
 * every demo staff member and without a token, and fails on any answer that shows what it should not: no token must be
 * 401, a role the operation does not allow must be 403, South's front desk must never see the walk's North patient and
 * gets 404/403 for North resources by id, and every 4xx is problem+json that echoes no patient detail. A new endpoint
 * is walked without editing this class; only a parameter or body it cannot guess needs a line below. A second walk does
 * the same for teams: every conversation operation on a conversation in the clinical team's queue, as North's staff
 * of other teams.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAccessWalkIT {
    private static final String NORTH_NUMBER = "15550001001";
    private static final String NO_TOKEN = "(no token)";
    /** Granting break-glass is tested in conversation-service (BreakGlassTest); here, only its refusal. */
    private static final String BREAK_GLASS = "POST /api/conversations/{id}/break-glass";
    private static final String WRONG_LOCATION = "frontdesk.south";
    private static final String RIGHT_LOCATION = "frontdesk.north";
    private static final String PLEASE_CALL_US = "6f1c2a10-0000-4000-8000-000000000004";
    private static final List<String> STAFF_SERVICES = List.of("conversation", "routing", "audit");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    private RunningPlatform running;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, TokenAt> tokens = new LinkedHashMap<>();

    /** The walk's own North patient and what staff did with them; the canaries South must never see. */
    private final Map<String, String> canaries = new LinkedHashMap<>();
    /** Path parameter samples: each names the walk's own data, so writes never touch what other ITs rely on. */
    private final Map<String, Sample> samples = new LinkedHashMap<>();
    private final Map<String, Body> bodies = new LinkedHashMap<>();

    @BeforeAll
    void prepareANorthPatientAsStaffWould() {
        running = RunningPlatform.shared();
        String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        String phone = randomPatientNumber();
        String given = "Walkgiven" + letters(run);
        String family = "Walkfamily" + letters(run);
        String mrn = "WALK-" + run;
        String email = "walk" + run + "@example.org";
        String text = "Please check my inhaler dose" + run;

        String admin = token("admin");
        Map<String, Object> patient = Map.of("givenName", given, "familyName", family, "birthDate", "1961-04-12",
                "mrn", mrn, "phones", List.of("+" + phone), "emails", List.of(email), "homeLocation", "north",
                "primaryProvider", "provider", "careTeam", "north-team-a", "preferredLanguage", "en");
        String patientId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(patient)
                .post(running.staff + "/api/routing/patients").then().statusCode(201).extract().path("id");

        running.patientTexts(phone, NORTH_NUMBER, text);
        String north = token(RIGHT_LOCATION);
        String conversationId = running.awaitConversationWith(north, phone, text);

        // A photo too, so the walk has a North file to ask for (and its thumbnail).
        running.patientSendsPhoto(phone, NORTH_NUMBER, "The rash today" + run, RunningPlatform.photo());
        String mediaId = await().atMost(PATIENCE).until(() -> given().auth().oauth2(north)
                .get(running.staff + "/api/conversations/" + conversationId).then().statusCode(200).extract()
                .jsonPath().getString("messages.collectMany { it.attachments }.find { it.state == 'ready' }.mediaId"),
                id -> id != null);

        String linkId = given().auth().oauth2(north).contentType(ContentType.JSON)
                .body(Map.of("address", "+" + phone, "locationCode", "north", "patientId", patientId))
                .post(running.staff + "/api/routing/patient-links")
                .then().statusCode(oneOf(200, 201)).extract().path("id");
        String replyId = given().auth().oauth2(north).contentType(ContentType.JSON)
                .body(Map.of("text", "We will call you today about dose" + run))
                .post(running.staff + "/api/conversations/" + conversationId + "/replies")
                .then().statusCode(202).extract().path("id");
        String scheduledReplyId = given().auth().oauth2(north).contentType(ContentType.JSON)
                .body(Map.of("text", "A reminder from the walk", "sendAt", inDays(30)))
                .post(running.staff + "/api/conversations/" + conversationId + "/scheduled-replies")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(north).contentType(ContentType.JSON).body(Map.of("text", "For @nurse from the walk"))
                .post(running.staff + "/api/conversations/" + conversationId + "/notes").then().statusCode(201);
        String nurse = token("nurse");
        String mentionId = await().atMost(PATIENCE).until(() -> given().auth().oauth2(nurse)
                .get(running.staff + "/api/mentions").then().statusCode(200).extract().jsonPath()
                .getString("find { it.conversationId == '" + conversationId + "' }.id"), id -> id != null);
        Map<String, Object> template = Map.of("name", "Access walk " + run, "category", "general",
                "body", "Hello from {{location_name}}.");
        String templateId = given().auth().oauth2(admin).contentType(ContentType.JSON).body(template)
                .post(running.staff + "/api/templates").then().statusCode(201).extract().path("id");
        String outcome = given().auth().oauth2(admin).get(running.staff + "/api/outcomes")
                .then().statusCode(200).extract().path("[0].code");
        Object northHours = given().auth().oauth2(admin).get(running.staff + "/api/routing/locations/north/hours")
                .then().statusCode(200).extract().as(Object.class);

        canaries.put("conversation id", conversationId);
        canaries.put("patient id", patientId);
        canaries.put("patient link id", linkId);
        canaries.put("phone", phone.substring(1));
        canaries.put("masked phone", "•••• " + phone.substring(phone.length() - 4));
        canaries.put("given name", given);
        canaries.put("family name", family);
        canaries.put("MRN", mrn);
        canaries.put("e-mail", email);
        canaries.put("message text", "dose" + run);

        // North's resources by id: South must get 404 or 403 for them.
        samples.put("/api/conversations/{id}", new Sample(conversationId, true));
        samples.put("/api/audit/conversations/{conversationId}", new Sample(conversationId, true));
        samples.put("/api/routing/patients/{id}", new Sample(patientId, true));
        samples.put("/api/routing/patient-links/{id}", new Sample(linkId, true));
        samples.put("{replyId}", new Sample(replyId, true));
        samples.put("{mediaId}", new Sample(mediaId, true));
        samples.put("{scheduledReplyId}", new Sample(scheduledReplyId, true));
        samples.put("{mentionId}", new Sample(mentionId, true));
        // Shared or made-up values that hold nothing of North's patients.
        samples.put("{templateId}", new Sample(templateId, false));
        samples.put("/api/outcomes/{code}", new Sample("access-walk", false));
        samples.put("/api/routing/locations/{code}", new Sample("north", false));
        samples.put("{queue}", new Sample("access-walk-" + run, false));
        samples.put("{username}", new Sample("access.walk.nobody", false));
        samples.put("{version}", new Sample("1", false));
        samples.put("format", new Sample("json", false));

        // Writes either repeat what is there, act on the walk's own data, or are refused; none changes how the
        // platform routes, answers or assigns for the other ITs.
        json("POST /api/conversations/search", Map.of("phone", "+" + phone));
        json("POST /api/conversations/{id}/replies", Map.of("text", "Walk reply " + run));
        json("POST /api/conversations/{id}/assign", Map.of("assignee", "frontdesk.north"));
        json("POST /api/conversations/{id}/handoff", Map.of("to", "nurse", "reason", "access walk"));
        json("POST /api/conversations/{id}/escalate", Map.of("kind", "supervisor", "reason", "access walk"));
        json("POST /api/conversations/{id}/snooze", Map.of("until", inDays(1)));
        json("POST /api/conversations/{id}/resolve", Map.of("outcome", outcome));
        json("POST /api/conversations/{id}/notes", Map.of("text", "Walk note"));
        json("POST /api/conversations/{id}/scheduled-replies", Map.of("text", "Walk later", "sendAt", inDays(30)));
        json("POST /api/conversations/{id}/template-preview", Map.of("templateId", PLEASE_CALL_US));
        json(BREAK_GLASS, Map.of("reason", ""));
        json("POST /api/legal-holds", Map.of("conversationId", conversationId, "reason", "access walk " + run));
        json("PUT /api/outcomes/{code}", Map.of("label", "Access walk", "active", false));
        json("POST /api/templates", template);
        json("PUT /api/templates/{templateId}", template);
        json("PUT /api/queues/{queue}", Map.of("locationCode", "north", "assignment", "none"));
        json("PUT /api/queues/default-targets", Map.of("targets", List.of()));
        json("POST /api/routing/patients", patient);
        json("PUT /api/routing/patients/{id}", patient);
        json("POST /api/routing/patients/search", Map.of("mrn", mrn));
        bodies.put("POST /api/routing/patients/import", new Body("text/csv",
                "mrn,given_name,family_name,birth_date,phones,emails,home_location,primary_provider,care_team,"
                        + "preferred_language\n" + mrn + "," + given + "," + family + ",1961-04-12,+" + phone + ","
                        + email + ",north,provider,north-team-a,en\n"));
        json("POST /api/routing/patient-links", Map.of("address", "+" + phone, "locationCode", "north",
                "patientId", patientId));
        json("POST /api/routing/identity-reviews/{id}/confirm", Map.of("patientId", patientId));
        json("PUT /api/routing/locations/{code}/hours", northHours);
        json("POST /api/routing/locations/{code}/on-call", Map.of("staffUser", "nurse",
                "startsAt", "2099-01-01T00:00:00Z", "endsAt", "2099-01-02T00:00:00Z"));
        json("PUT /api/routing/absences/{username}", Map.of("awayFrom", "2099-01-01T00:00:00Z", "coveredBy", "nurse",
                "awayUntil", "2099-01-02T00:00:00Z"));
        // Based on version 0, so it is refused as stale whoever sends it.
        json("PUT /api/routing/rules", Map.of("basedOn", 0, "comment", "access walk"));
        json("POST /api/routing/rules/dry-run", Map.of("practiceNumber", NORTH_NUMBER, "text", "hello"));
    }

    @Test
    void everyStaffOperationAnswersEachRoleAndLocationOnlyWithWhatItMaySee() {
        List<Operation> operations = staffOperations();
        List<String> callers = new ArrayList<>();
        callers.add(NO_TOKEN);
        LocalPlatform.DEMO_LOGINS.forEach(login -> callers.add(login.username()));
        Map<String, Set<String>> rolesOf = new LinkedHashMap<>();
        LocalPlatform.DEMO_LOGINS.forEach(login -> rolesOf.put(login.username(), Set.of(login.role())));

        List<String> violations = new ArrayList<>();
        Set<String> filled = new TreeSet<>();
        List<String> statuses = new ArrayList<>();
        int calls = 0;
        for (Operation operation : operations) {
            // The services' OpenAPI 3.1 documents name the @RolesAllowed roles as the security requirement's scopes.
            Set<String> allowed = operation.roles();
            if (allowed.isEmpty()) {
                violations.add(operation.key() + ": its OpenAPI document states no roles");
                continue;
            }
            Request request = request(operation, filled);
            StringBuilder row = new StringBuilder();
            for (String caller : callers) {
                Answer answer = call(operation, request, caller);
                calls++;
                row.append(String.format(" %3d", answer.status()));
                String where = operation.key() + " as " + caller + " -> " + answer.status() + ": ";
                if (caller.equals(NO_TOKEN)) {
                    if (answer.status() != 401) {
                        violations.add(where + "expected 401 without a token");
                    }
                } else if (allowed.stream().noneMatch(rolesOf.get(caller)::contains)) {
                    if (answer.status() != 403) {
                        violations.add(where + "expected 403 for a role the operation does not allow " + allowed);
                    }
                } else if (operation.key().equals(BREAK_GLASS)) {
                    // The one sanctioned way across locations needs a reason; the walk gives none, so nobody is let
                    // in, and the refusal comes before any look-up, telling nothing of the conversation.
                    if (answer.status() != 400) {
                        violations.add(where + "break-glass without a reason must be refused with 400");
                    }
                } else if (caller.equals(WRONG_LOCATION) && request.northResource()
                        && answer.status() != 404 && answer.status() != 403) {
                    // Any other answer, a 409 or 412 too, would tell South that the North resource exists.
                    violations.add(where + "a North resource by id must be 404 or 403 to South");
                } else if (caller.equals(RIGHT_LOCATION) && request.northResource() && operation.method().equals("GET")
                        && answer.status() != 200) {
                    // Else South's 404 might only mean the sample is not a real id.
                    violations.add(where + "North's front desk cannot read the walk's North resource");
                }
                if (answer.status() >= 500) {
                    violations.add(where + "server error");
                }
                if (answer.status() / 100 == 4 && !answer.contentType().startsWith("application/problem+json")) {
                    violations.add(where + "error is not application/problem+json but '" + answer.contentType() + "'");
                }
                // A problem's 'instance' repeats the caller's own URL; URLs carry ids, never PHI.
                String shows = answer.body().replace(request.path(), "");
                for (Map.Entry<String, String> canary : canaries.entrySet()) {
                    boolean shown = shows.contains(canary.getValue());
                    if (shown && caller.equals(WRONG_LOCATION)) {
                        violations.add(where + "South sees North's " + canary.getKey());
                    } else if (shown && answer.status() / 100 == 4) {
                        violations.add(where + "error echoes the " + canary.getKey());
                    }
                }
            }
            statuses.add(row + "  " + operation.key());
        }
        System.out.printf("staff access walk: %d operations x %d callers = %d calls, %d violations%n",
                operations.size(), callers.size(), calls, violations.size());
        System.out.println("  status per caller (" + String.join(", ", callers) + "):");
        statuses.forEach(line -> System.out.println("  " + line));
        filled.forEach(line -> System.out.println("  filled " + line));
        assertTrue(operations.size() >= 40, "the OpenAPI documents list only " + operations.size() + " operations");
        assertTrue(violations.isEmpty(), violations.size() + " access violations:\n  " + String.join("\n  ",
                violations));
    }

    /**
     * Team scoping on every conversation operation: a conversation moved into a queue the practice admin gave to the
     * clinical team is, for North's front desk and billing (its location, other teams), like one at another location:
     * 404 or 403 by id (400 for break-glass without a reason), absent from their inbox, search and queue list, while
     * the nurse, in the team, reads it.
     */
    @Test
    void aClinicalTeamsConversationIsClosedToTheLocationsOtherTeamsOnEveryOperation() {
        String run = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
        String queue = "north-walk-clinical-" + run;
        given().auth().oauth2(token("admin")).contentType(ContentType.JSON)
                .body(Map.of("locationCode", "north", "team", "clinical", "assignment", "none"))
                .put(running.staff + "/api/queues/" + queue).then().statusCode(200);
        String phone = randomPatientNumber();
        String text = "My wound is weeping " + run;
        running.patientTexts(phone, NORTH_NUMBER, text);
        String north = token(RIGHT_LOCATION);
        String conversationId = running.awaitConversationWith(north, phone, text);
        String etag = given().auth().oauth2(north).get(running.staff + "/api/conversations/" + conversationId)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(north).contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("queue", queue))
                .post(running.staff + "/api/conversations/" + conversationId + "/assign").then().statusCode(200);
        given().auth().oauth2(token("nurse")).get(running.staff + "/api/conversations/" + conversationId)
                .then().statusCode(200);

        List<String> outsiders = List.of(RIGHT_LOCATION, "billing");
        List<Operation> operations = staffOperations().stream()
                .filter(operation -> operation.path().startsWith("/api/conversations/{id}")).toList();
        List<String> violations = new ArrayList<>();
        Sample walkConversation = samples.put("/api/conversations/{id}", new Sample(conversationId, true));
        try {
            for (Operation operation : operations) {
                Request request = request(operation, new TreeSet<>());
                for (String caller : outsiders) {
                    Answer answer = call(operation, request, caller);
                    String where = operation.key() + " as " + caller + " -> " + answer.status() + ": ";
                    boolean refused = operation.key().equals(BREAK_GLASS) ? answer.status() == 400
                            : answer.status() == 404 || answer.status() == 403;
                    if (!refused) {
                        violations.add(where + "another team's conversation must be closed to them");
                    }
                    if (answer.body().contains(run) || answer.body().contains(phone.substring(1))) {
                        violations.add(where + "shows the conversation's patient");
                    }
                }
            }
        } finally {
            samples.put("/api/conversations/{id}", walkConversation);
        }
        for (String caller : outsiders) {
            String inbox = given().auth().oauth2(token(caller)).get(running.staff + "/api/conversations?limit=200")
                    .then().statusCode(200).extract().asString();
            String found = given().auth().oauth2(token(caller)).contentType(ContentType.JSON)
                    .body(Map.of("phone", "+" + phone)).post(running.staff + "/api/conversations/search")
                    .then().statusCode(200).extract().asString();
            String queues = given().auth().oauth2(token(caller)).get(running.staff + "/api/conversations/queues")
                    .then().statusCode(200).extract().asString();
            if (inbox.contains(conversationId) || found.contains(conversationId) || queues.contains(queue)) {
                violations.add(caller + " finds the clinical team's conversation or queue in a list");
            }
        }
        System.out.printf("team scope walk: %d conversation operations x %d callers outside the team, %d violations%n",
                operations.size(), outsiders.size(), violations.size());
        assertTrue(operations.size() >= 15, "only " + operations.size() + " conversation operations were walked");
        assertTrue(violations.isEmpty(), violations.size() + " team scope violations:\n  " + String.join("\n  ",
                violations));
    }

    /** Every operation under /api in the staff services' OpenAPI documents, with the roles it states if any. */
    @SuppressWarnings("unchecked")
    private List<Operation> staffOperations() {
        List<Operation> operations = new ArrayList<>();
        for (String service : STAFF_SERVICES) {
            Map<String, Map<String, Object>> paths = given().queryParam("format", "json")
                    .get(running.platform.serviceUrl(service) + "/q/openapi").then().statusCode(200)
                    .extract().jsonPath().getMap("paths");
            paths.forEach((path, items) -> items.forEach((method, item) -> {
                if (path.startsWith("/api/") && METHODS.contains(method)) {
                    Map<String, Object> operation = (Map<String, Object>) item;
                    operations.add(new Operation(method.toUpperCase(), path, statedRoles(operation), operation));
                }
            }));
        }
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> statedRoles(Map<String, Object> operation) {
        Set<String> roles = new HashSet<>();
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) operation.get("security");
        if (security != null) {
            security.forEach(requirement -> requirement.values().forEach(roles::addAll));
        }
        return roles;
    }

    /** The URL and body for an operation: path and required query parameters from the samples, else a random id. */
    @SuppressWarnings("unchecked")
    private Request request(Operation operation, Set<String> filled) {
        String path = operation.path();
        boolean northResource = false;
        Matcher placeholders = PLACEHOLDER.matcher(operation.path());
        while (placeholders.find()) {
            String name = placeholders.group(1);
            Sample sample = sample(operation.path(), "{" + name + "}");
            filled.add(operation.key() + " {" + name + "} = " + (sample == null ? "a random UUID" : sample.describe()));
            path = path.replace("{" + name + "}", sample == null ? UUID.randomUUID().toString() : sample.value());
            northResource |= sample != null && sample.north();
        }
        StringBuilder query = new StringBuilder();
        for (String name : requiredParameters(operation, "query")) {
            Sample sample = samples.getOrDefault(name, new Sample("x", false));
            query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                    .append(URLEncoder.encode(sample.value(), StandardCharsets.UTF_8));
        }
        Body body = bodies.get(operation.key());
        Map<String, Object> requestBody = (Map<String, Object>) operation.document().get("requestBody");
        // GETs are sent without one: the documents give some a body for the HttpServerRequest parameter.
        if (body == null && requestBody != null && !operation.method().equals("GET")) {
            filled.add(operation.key() + " body = {} (no known body)");
            body = new Body("application/json", "{}");
        }
        // Where If-Match is required (428 without it), an old version lets the call reach the location check.
        Map<String, Object> responses = (Map<String, Object>) operation.document().get("responses");
        String ifMatch = responses != null && responses.containsKey("428") ? "\"1\"" : null;
        if (ifMatch != null) {
            filled.add(operation.key() + " If-Match = " + ifMatch);
        }
        return new Request(running.staff + path + query, path, body, ifMatch, northResource);
    }

    /** The most specific sample: one for this path (by prefix) before one for the name anywhere. */
    private Sample sample(String path, String placeholder) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().endsWith(placeholder) && path.startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst()
                .orElse(samples.get(placeholder));
    }

    @SuppressWarnings("unchecked")
    private static List<String> requiredParameters(Operation operation, String in) {
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.document().get("parameters");
        if (parameters == null) {
            return List.of();
        }
        return parameters.stream()
                .filter(p -> in.equals(p.get("in")) && Boolean.TRUE.equals(p.get("required")))
                .map(p -> (String) p.get("name")).toList();
    }

    /**
     * Through the gateway with java.net.http rather than REST Assured, because {@code /api/live} never ends: only the
     * status, content type and the first bytes of a stream are read.
     */
    private Answer call(Operation operation, Request request, String caller) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/event-stream, */*")
                .method(operation.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(request.body().content()));
        if (request.body() != null) {
            builder.header("Content-Type", request.body().type());
        }
        if (request.ifMatch() != null) {
            builder.header("If-Match", request.ifMatch());
        }
        if (!caller.equals(NO_TOKEN)) {
            builder.header("Authorization", "Bearer " + token(caller));
        }
        try {
            HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            try (InputStream in = response.body()) {
                byte[] bytes = contentType.startsWith("text/event-stream") ? in.readNBytes(in.available())
                        : in.readAllBytes();
                return new Answer(response.statusCode(), contentType, new String(bytes, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException(operation.key() + " as " + caller + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Tokens live 300 s in the demo realm; the walk may take longer, so each is renewed after four minutes. */
    private String token(String username) {
        TokenAt held = tokens.get(username);
        if (held == null || held.at().isBefore(Instant.now().minusSeconds(240))) {
            held = new TokenAt(running.token(username), Instant.now());
            tokens.put(username, held);
        }
        return held.token();
    }

    private void json(String operation, Object body) {
        bodies.put(operation, new Body("application/json", RunningPlatform.toJson(body)));
    }

    private static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.ofHours(-5)).plusDays(days).withNano(0).toString();
    }

    /** Names must be letters: hex digits become letters a..p. */
    private static String letters(String hex) {
        StringBuilder out = new StringBuilder();
        hex.chars().forEach(c -> out.append((char) ('a' + Character.digit(c, 16))));
        return out.toString();
    }

    record Operation(String method, String path, Set<String> roles, Map<String, Object> document) {
        String key() {
            return method + " " + path;
        }
    }

    record Sample(String value, boolean north) {
        String describe() {
            return north ? "the walk's North resource" : "'" + value + "'";
        }
    }

    record Body(String type, String content) {
    }

    record Request(String url, String path, Body body, String ifMatch, boolean northResource) {
    }

    record Answer(int status, String contentType, String body) {
    }

    record TokenAt(String token, Instant at) {
    }
}

package org.carethread.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.schemas.crypto.PhiKeyring;
import org.carethread.schemas.events.BreakGlassGranted;
import org.carethread.schemas.events.ConversationAssigned;
import org.carethread.schemas.events.ConversationDeliveryUpdated;
import org.carethread.schemas.events.ConversationEscalated;
import org.carethread.schemas.events.ConversationNoteAdded;
import org.carethread.schemas.events.ConversationMessageAdded;
import org.carethread.schemas.events.ConversationOpened;
import org.carethread.schemas.events.ConversationPurged;
import org.carethread.schemas.events.ConversationReplied;
import org.carethread.schemas.events.ConversationStatusChanged;
import org.carethread.schemas.events.ConversationTargetFlagged;
import org.carethread.schemas.events.DeliveryReceipt;
import org.carethread.schemas.events.LocationHoursSet;
import org.carethread.schemas.events.MediaReceived;
import org.carethread.schemas.events.MessageReceived;
import org.carethread.schemas.events.OnCallAlerted;
import org.carethread.schemas.events.OutboundRequested;
import org.carethread.schemas.events.OutboundStatus;
import org.carethread.schemas.events.PatientLinked;
import org.carethread.schemas.events.PatientUnlinked;
import org.carethread.schemas.events.PhiAccessed;
import org.carethread.schemas.events.RoutingDecided;
import org.carethread.schemas.events.StaffAwayCleared;
import org.carethread.schemas.events.StaffAwaySet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The event records, their JSON Schemas (resources {@code schemas/<type>.schema.json}) and the AsyncAPI document
 * ({@code asyncapi.yaml}) describe the same contract. A record field added without its schema property, a schema
 * that would reject what a producer really sends, or a topic or type missing from the AsyncAPI document fails here.
 */
class EventContractsTest {

    /** The one table joining each event record to its CloudEvents type, its topic and the field that is its Kafka key. */
    static final List<Contract> CONTRACTS = List.of(
            new Contract(MessageReceived.class, EventTypes.MESSAGE_RECEIVED, Topics.INBOUND_MESSAGES, "patientRef"),
            new Contract(MediaReceived.class, EventTypes.MEDIA_RECEIVED, Topics.INBOUND_MEDIA, "patientRef"),
            new Contract(DeliveryReceipt.class, EventTypes.DELIVERY_RECEIPT, Topics.INBOUND_RECEIPTS, "providerMessageId"),
            new Contract(RoutingDecided.class, EventTypes.ROUTING_DECIDED, Topics.ROUTING_DECISIONS, "patientRef"),
            new Contract(ConversationOpened.class, EventTypes.CONVERSATION_OPENED, Topics.CONVERSATION_EVENTS, "patientRef"),
            new Contract(ConversationMessageAdded.class, EventTypes.CONVERSATION_MESSAGE_ADDED, Topics.CONVERSATION_EVENTS,
                    "patientRef"),
            new Contract(ConversationReplied.class, EventTypes.CONVERSATION_REPLIED, Topics.CONVERSATION_EVENTS, "patientRef"),
            new Contract(ConversationAssigned.class, EventTypes.CONVERSATION_ASSIGNED, Topics.CONVERSATION_EVENTS,
                    "patientRef"),
            new Contract(ConversationStatusChanged.class, EventTypes.CONVERSATION_STATUS_CHANGED,
                    Topics.CONVERSATION_EVENTS, "patientRef"),
            new Contract(ConversationEscalated.class, EventTypes.CONVERSATION_ESCALATED, Topics.CONVERSATION_EVENTS,
                    "patientRef"),
            new Contract(ConversationNoteAdded.class, EventTypes.CONVERSATION_NOTE_ADDED, Topics.CONVERSATION_EVENTS,
                    "patientRef"),
            new Contract(ConversationDeliveryUpdated.class, EventTypes.CONVERSATION_DELIVERY_UPDATED,
                    Topics.CONVERSATION_EVENTS, "patientRef"),
            new Contract(ConversationTargetFlagged.class, EventTypes.CONVERSATION_TARGET_FLAGGED,
                    Topics.CONVERSATION_EVENTS, "patientRef"),
            new Contract(ConversationPurged.class, EventTypes.CONVERSATION_PURGED, Topics.CONVERSATION_EVENTS,
                    "patientRef"),
            new Contract(OutboundRequested.class, EventTypes.OUTBOUND_REQUESTED, Topics.OUTBOUND_REQUESTS, "patientRef"),
            new Contract(OutboundStatus.class, EventTypes.OUTBOUND_STATUS, Topics.OUTBOUND_STATUS, "patientRef"),
            new Contract(PhiAccessed.class, EventTypes.PHI_ACCESSED, Topics.AUDIT_ACCESS, "patientRef"),
            new Contract(BreakGlassGranted.class, EventTypes.BREAK_GLASS_GRANTED, Topics.AUDIT_ACCESS, "patientRef"),
            new Contract(OnCallAlerted.class, EventTypes.ON_CALL_ALERTED, Topics.STAFF_ALERTS, "patientRef"),
            new Contract(PatientLinked.class, EventTypes.PATIENT_LINKED, Topics.PATIENT_LINKS, "patientRef"),
            new Contract(PatientUnlinked.class, EventTypes.PATIENT_UNLINKED, Topics.PATIENT_LINKS, "patientRef"),
            new Contract(LocationHoursSet.class, EventTypes.LOCATION_HOURS_SET, Topics.PRACTICE_SCHEDULE, "locationCode"),
            new Contract(StaffAwaySet.class, EventTypes.STAFF_AWAY_SET, Topics.PRACTICE_SCHEDULE, "staffUser"),
            new Contract(StaffAwayCleared.class, EventTypes.STAFF_AWAY_CLEARED, Topics.PRACTICE_SCHEDULE, "staffUser"));

    record Contract(Class<? extends Record> record, String type, String topic, String keyField) {
        String schemaResource() {
            return "schemas/" + type + ".schema.json";
        }

        @Override
        public String toString() {
            return record.getSimpleName();
        }
    }

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    static final String SEALED_PATTERN = "^v1\\.[^.]+\\.[A-Za-z0-9_-]+$";
    /** Jackson writes a LocalTime as HH:mm:ss (never "08:00"); opening hours are in whole minutes. */
    static final String LOCAL_TIME_PATTERN = "^([01][0-9]|2[0-3]):[0-5][0-9]:00$";
    static final String AUDIT_SERVICE = "audit-service";

    /** What Quarkus' ObjectMapper does: java.time as ISO strings, unknown properties ignored, nulls written. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    /** Sample values as producers send them; fields not named here get a value from their Java type. */
    static final Map<String, Object> SAMPLE_VALUES = Map.ofEntries(
            Map.entry("channel", Channels.SMS),
            Map.entry("practiceNumber", "15550001001"),
            Map.entry("locationCode", "north"),
            Map.entry("queue", "north-front-desk"),
            Map.entry("direction", "inbound"),
            Map.entry("carrierStatus", "delivered"),
            Map.entry("action", "conversation.read"),
            Map.entry("clientAddress", "203.0.113.7"),
            Map.entry("staffRoles", List.of("nurse", "front-desk")),
            Map.entry("mentions", List.of("nurse.nell", "sam.south")),
            Map.entry("messageEventIds", List.of("6f1c2a10-0000-4000-8000-0000000000a1")),
            Map.entry("providerMessageId", "aaaaaaaa-bbbb-cccc-dddd-0123456789ab"),
            Map.entry("identity", "review"),
            Map.entry("category", "refill"),
            Map.entry("urgency", "urgent"),
            Map.entry("priority", "high"),
            Map.entry("autoReplyKind", "after-hours"),
            Map.entry("replyLanguage", "es"),
            Map.entry("rulesVersion", 3),
            Map.entry("timeZone", "America/New_York"),
            Map.entry("staffUser", "dr.lee"),
            Map.entry("coveredBy", "dr.patel"),
            Map.entry("flag", "overdue"),
            Map.entry("assignee", "nora.north"),
            Map.entry("retentionDays", 2557),
            Map.entry("messageRef", "qv3Xk1sZ0yN4cQ8mR2tW6uE9iO5pA7sD1fG3hJ5kL7z"),
            Map.entry("threadRefs", List.of("Zq3Xk1sZ0yN4cQ8mR2tW6uE9iO5pA7sD1fG3hJ5kL7z")),
            Map.entry("sizeBytes", 48213),
            Map.entry("mediaId", "0b5e7c44-1f2a-3b4c-8d9e-0123456789ab"),
            Map.entry("messageEventId", "6f1c2a10-0000-4000-8000-0000000000a1"),
            Map.entry("contentType", "image/jpeg"),
            Map.entry("piece", 0),
            Map.entry("pieces", 1));

    final PhiCipher cipher = new PhiCipher(PhiKeyring.parse("k1=" + PhiKeyring.newKeyBase64(), "k1"));
    final BlindIndex blindIndex = BlindIndex.fromBase64(PhiKeyring.newKeyBase64());

    static Stream<Contract> contracts() {
        return CONTRACTS.stream();
    }

    // ---- the table covers every record and every type -------------------------------------------------------------

    @Test
    void theTableListsEveryEventRecordAndEveryEventTypeExactlyOnce() throws Exception {
        Set<Class<?>> inTable = CONTRACTS.stream().map(Contract::record).collect(Collectors.toSet());
        assertEquals(CONTRACTS.size(), inTable.size(), "a record appears twice in CONTRACTS");
        assertEquals(names(recordsInEventsPackage()), names(inTable),
                "every record in org.carethread.schemas.events needs a row in CONTRACTS (and a schema)");

        List<String> typesInTable = CONTRACTS.stream().map(Contract::type).toList();
        assertEquals(typesInTable.size(), new HashSet<>(typesInTable).size(), "a type appears twice in CONTRACTS");
        assertEquals(new TreeSet<>(eventTypeConstants()), new TreeSet<>(typesInTable),
                "every EventTypes constant needs exactly one record in CONTRACTS");

        for (Contract contract : CONTRACTS) {
            assertTrue(Topics.ALL.contains(contract.topic()), contract + ": topic " + contract.topic() + " not in Topics.ALL");
        }
    }

    @Test
    void everyTypeHasASchemaFileAndEverySchemaFileBelongsToAType() throws Exception {
        for (String type : eventTypeConstants()) {
            assertNotNull(EventContractsTest.class.getClassLoader().getResource("schemas/" + type + ".schema.json"),
                    "no JSON Schema for " + type);
        }
        Set<String> typesWithSchemaFiles = new TreeSet<>();
        withResourceRoot(root -> {
            try (Stream<Path> files = Files.list(root.resolve("schemas"))) {
                files.map(p -> p.getFileName().toString()).forEach(name -> {
                    assertTrue(name.endsWith(".schema.json"), "unexpected file in schemas/: " + name);
                    typesWithSchemaFiles.add(name.substring(0, name.length() - ".schema.json".length()));
                });
            }
            return null;
        });
        assertEquals(new TreeSet<>(eventTypeConstants()), typesWithSchemaFiles,
                "a schema file whose type is not in EventTypes is a contract nobody publishes");
    }

    // ---- each record against its schema ---------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theSchemaDeclaresExactlyTheRecordsComponents(Contract contract) throws IOException {
        JsonNode schema = schemaOf(contract);
        assertEquals(DRAFT_2020_12, schema.path("$schema").asText(), contract + ": $schema");
        assertEquals("object", schema.path("type").asText(), contract + ": type");
        assertTrue(schema.path("additionalProperties").asBoolean(false),
                contract + ": additionalProperties must be true, so adding an optional field stays compatible");

        assertEquals(componentNames(contract.record()), fieldNames(schema.path("properties")),
                contract + ": record components and schema properties differ");
        for (JsonNode required : schema.path("required")) {
            assertTrue(componentNames(contract.record()).contains(required.asText()),
                    contract + ": required '" + required.asText() + "' is not a record component");
        }
        assertTrue(componentNames(contract.record()).contains(contract.keyField()),
                contract + ": the Kafka key field " + contract.keyField() + " is not a record component");
        assertTrue(required(schema).contains(contract.keyField()),
                contract + ": the Kafka key field " + contract.keyField() + " must be required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void eachPropertyHasTheJsonTypeJacksonWritesForItsComponent(Contract contract) throws IOException {
        assertJsonTypes(contract.toString(), contract.record(), schemaOf(contract));
    }

    /** Each component of the record against its property in the object schema, into lists of nested records. */
    static void assertJsonTypes(String owner, Class<?> record, JsonNode schema) {
        Set<String> required = required(schema);
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            JsonNode property = schema.path("properties").path(name);
            String where = owner + "." + name;
            Set<String> types = jsonTypes(property);
            assertEquals(!required.contains(name), types.contains("null"),
                    where + ": optional properties allow null (Jackson writes a null field), required ones do not");
            types.remove("null");

            Class<?> javaType = component.getType();
            if (javaType == String.class) {
                assertEquals(Set.of("string"), types, where);
            } else if (javaType == Instant.class) {
                assertEquals(Set.of("string"), types, where);
                assertEquals("date-time", property.path("format").asText(), where + ": an Instant is a date-time string");
            } else if (javaType == Integer.class) {
                assertEquals(Set.of("integer"), types, where);
            } else if (javaType == LocalTime.class) {
                assertEquals(Set.of("string"), types, where);
                assertEquals(LOCAL_TIME_PATTERN, property.path("pattern").asText(), where + ": a LocalTime as Jackson writes it");
            } else if (javaType == LocalDate.class) {
                assertEquals(Set.of("string"), types, where);
                assertEquals("date", property.path("format").asText(), where + ": a LocalDate is a date string");
            } else if (javaType.isEnum()) {
                assertEquals(Set.of("string"), types, where);
                List<String> constants = Arrays.stream(javaType.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                List<String> allowed = new ArrayList<>();
                property.path("enum").forEach(v -> allowed.add(v.asText()));
                assertEquals(constants, allowed, where + ": enum values must be the Java constants, in order");
            } else if (List.class.isAssignableFrom(javaType)) {
                assertEquals(Set.of("array"), types, where);
                Type element = elementType(component);
                if (element instanceof Class<?> nested && nested.isRecord()) {
                    JsonNode items = property.path("items");
                    assertEquals("object", items.path("type").asText(), where + ": items");
                    assertTrue(items.path("additionalProperties").asBoolean(false), where + ": items stay open to new fields");
                    assertEquals(componentNames(nested), fieldNames(items.path("properties")), where + ": items' properties");
                    assertJsonTypes(where + "[]", nested, items);
                } else {
                    assertEquals(String.class, element, where);
                    assertEquals("string", property.path("items").path("type").asText(), where + ": items");
                }
            } else {
                fail(where + ": no JSON mapping known for " + javaType.getName() + "; extend this test with it");
            }

            if (name.startsWith("sealed")) {
                assertEquals(SEALED_PATTERN, property.path("pattern").asText(), where + ": sealed PHI pattern");
                assertTrue(property.path("description").asText().contains("PHI"), where + ": say it is sealed PHI");
                assertTrue(required.contains(name) || jsonTypes(property).contains("null"), where);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void aSerialisedEventHasOnlyDeclaredPropertiesValidatesAndReadsBack(Contract contract) throws Exception {
        JsonNode schema = schemaOf(contract);
        Record full = sample(contract, Set.of());
        JsonNode json = JSON.readTree(JSON.writeValueAsString(full));

        Set<String> declared = fieldNames(schema.path("properties"));
        for (String written : fieldNames(json)) {
            assertTrue(declared.contains(written), contract + ": Jackson writes '" + written + "', the schema does not declare it");
        }
        assertValid(contract, schema, json);
        assertEquals(full, JSON.treeToValue(json, contract.record()), contract + ": JSON does not read back to the record");

        for (RecordComponent component : contract.record().getRecordComponents()) {
            if (component.getType() == Instant.class) {
                String written = json.path(component.getName()).asText();
                assertEquals(component.getAccessor().invoke(full), Instant.parse(written),
                        contract + "." + component.getName() + " is written as an ISO-8601 string");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void anEventWithoutItsOptionalFieldsValidates(Contract contract) throws Exception {
        JsonNode schema = schemaOf(contract);
        Set<String> optional = new HashSet<>(componentNames(contract.record()));
        optional.removeAll(required(schema));
        assertValid(contract, schema, JSON.valueToTree(sample(contract, optional)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void anAddedOptionalFieldStaysCompatible(Contract contract) throws Exception {
        JsonNode schema = schemaOf(contract);
        Record full = sample(contract, Set.of());
        ObjectNode withNewField = JSON.valueToTree(full);
        withNewField.put("fieldAddedInALaterRelease", "anything");
        assertValid(contract, schema, withNewField);
        assertEquals(full, JSON.treeToValue(withNewField, contract.record()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void theSchemaRejectsWhatMustNotReachKafka(Contract contract) throws Exception {
        JsonNode schema = schemaOf(contract);
        Record full = sample(contract, Set.of());

        for (String name : required(schema)) {
            assertInvalid(contract, schema, JSON.valueToTree(sample(contract, Set.of(name))), "required " + name + " = null");
            ObjectNode missing = JSON.valueToTree(full);
            missing.remove(name);
            assertInvalid(contract, schema, missing, "required " + name + " missing");
        }
        for (RecordComponent component : contract.record().getRecordComponents()) {
            String name = component.getName();
            if (name.startsWith("sealed")) {
                ObjectNode plain = JSON.valueToTree(full);
                plain.put(name, "+15550100001 my chest hurts");
                assertInvalid(contract, schema, plain, name + " in plain text");
            }
            if (component.getType() == Instant.class) {
                ObjectNode epoch = JSON.valueToTree(full);
                epoch.put(name, 1767225600.123456789);
                assertInvalid(contract, schema, epoch, name + " as an epoch number (WRITE_DATES_AS_TIMESTAMPS on)");
                ObjectNode notADate = JSON.valueToTree(full);
                notADate.put(name, "yesterday");
                assertInvalid(contract, schema, notADate, name + " not a date-time");
            }
        }
        for (RecordComponent component : contract.record().getRecordComponents()) {
            if (component.getType() == List.class && elementType(component) instanceof Class<?> nested && nested.isRecord()) {
                assertNestedRecordsRejected(contract, schema, full, component.getName(), nested);
            }
        }
        if (componentNames(contract.record()).contains("patientRef")) {
            ObjectNode phoneAsRef = JSON.valueToTree(full);
            phoneAsRef.put("patientRef", "15550100001");
            assertInvalid(contract, schema, phoneAsRef, "a phone number as patientRef");
        }
    }

    /** Local times and dates as a person types them or as Jackson writes them with WRITE_DATES_AS_TIMESTAMPS on. */
    static final Map<Class<?>, List<Object>> MISWRITTEN = Map.of(
            LocalTime.class, List.of("13:30", "1:30 pm", "13:30:15", List.of(13, 30)),
            LocalDate.class, List.of("11/26/2026", List.of(2026, 11, 26)));

    /** What a consumer could not read back in the first item of a list of nested records. */
    static void assertNestedRecordsRejected(Contract contract, JsonNode schema, Record full, String list, Class<?> nested) {
        JsonNode itemSchema = schema.path("properties").path(list).path("items");
        for (String name : required(itemSchema)) {
            ObjectNode missing = JSON.valueToTree(full);
            ((ObjectNode) missing.withArray(list).get(0)).remove(name);
            assertInvalid(contract, schema, missing, list + "[0]." + name + " missing");
        }
        for (RecordComponent component : nested.getRecordComponents()) {
            for (Object wrong : MISWRITTEN.getOrDefault(component.getType(), List.of())) {
                ObjectNode changed = JSON.valueToTree(full);
                ((ObjectNode) changed.withArray(list).get(0)).set(component.getName(), JSON.valueToTree(wrong));
                assertInvalid(contract, schema, changed, list + "[0]." + component.getName() + " = " + wrong);
            }
        }
    }

    // ---- the AsyncAPI document -------------------------------------------------------------------------------------

    @Test
    void asyncApiHasAChannelForEveryTopicAndOnlyThose() throws IOException {
        JsonNode asyncApi = asyncApi();
        assertEquals("3.0.0", asyncApi.path("asyncapi").asText());
        Set<String> addresses = new TreeSet<>();
        asyncApi.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));

        String deadLetterAddress = Topics.deadLetter("{topic}", "{consumer}");
        assertTrue(addresses.remove(deadLetterAddress), "no dead-letter channel " + deadLetterAddress);
        assertEquals(new TreeSet<>(Topics.ALL), addresses, "AsyncAPI channels and Topics.ALL differ");

        JsonNode deadLetters = channelAt(asyncApi, deadLetterAddress);
        List<String> dlqTopics = new ArrayList<>();
        deadLetters.path("parameters").path("topic").path("enum").forEach(t -> dlqTopics.add(t.asText()));
        assertTrue(dlqTopics.containsAll(Topics.ALL), "the dead-letter channel's topic parameter lists Topics.ALL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contracts")
    void asyncApiDescribesEachTypeOnItsTopicWithItsSchemaHeadersAndKey(Contract contract) throws IOException {
        JsonNode asyncApi = asyncApi();
        Map.Entry<String, JsonNode> message = messageNamed(asyncApi, contract.type());
        JsonNode body = message.getValue();

        assertEquals("./" + contract.schemaResource(), body.path("payload").path("schema").path("$ref").asText(),
                contract + ": payload must reference its JSON Schema");
        assertTrue(body.path("payload").path("schemaFormat").asText().contains("draft-2020-12"), contract + ": schemaFormat");

        JsonNode headers = body.path("headers").path("allOf");
        JsonNode ceHeaders = resolve(asyncApi, headers.path(0));
        Set<String> requiredHeaders = new TreeSet<>();
        ceHeaders.path("required").forEach(h -> requiredHeaders.add(h.asText()));
        assertEquals(new TreeSet<>(List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID, CloudEventHeaders.TYPE,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE)), requiredHeaders,
                "required CloudEvents headers");
        assertTrue(ceHeaders.path("properties").has(CloudEventHeaders.SUBJECT), "ce_subject is described");
        assertEquals(contract.type(), headers.path(1).path("properties").path(CloudEventHeaders.TYPE).path("const").asText(),
                contract + ": ce_type header constant");

        JsonNode key = resolve(asyncApi, resolve(asyncApi, body.path("bindings")).path("kafka").path("key"));
        assertTrue(key.path("description").asText().startsWith("Kafka key — " + contract.keyField()),
                contract + ": the Kafka key must be described as " + contract.keyField() + ", was: " + key);
        JsonNode keyProperty = schemaOf(contract).path("properties").path(contract.keyField());
        if (keyProperty.has("pattern")) {
            assertEquals(keyProperty.path("pattern").asText(), key.path("pattern").asText(), contract + ": key pattern");
        }

        JsonNode channel = channelAt(asyncApi, contract.topic());
        String messageRef = "#/components/messages/" + message.getKey();
        assertTrue(stream(channel.path("messages")).anyMatch(m -> messageRef.equals(m.path("$ref").asText())),
                contract + ": channel " + contract.topic() + " does not carry " + messageRef);
    }

    @Test
    void asyncApiNamesAPublisherForEveryTopicAndAuditServiceConsumesThemAll() throws IOException {
        JsonNode asyncApi = asyncApi();
        for (String topic : Topics.ALL) {
            String channelRef = "#/channels/" + channelKey(asyncApi, topic);
            List<JsonNode> operations = stream(asyncApi.path("operations"))
                    .filter(op -> channelRef.equals(op.path("channel").path("$ref").asText())).toList();
            assertEquals(1, operations.stream().filter(op -> "send".equals(op.path("action").asText())).count(),
                    topic + " needs exactly one publishing operation");
            assertTrue(operations.stream().anyMatch(op -> "receive".equals(op.path("action").asText())
                    && stream(op.path("tags")).anyMatch(t -> AUDIT_SERVICE.equals(t.path("name").asText()))),
                    "audit-service must consume " + topic);
            for (JsonNode op : operations) {
                for (JsonNode ref : op.path("messages")) {
                    assertTrue(ref.path("$ref").asText().startsWith(channelRef + "/messages/"),
                            "an operation on " + topic + " refers to a message of another channel: " + ref);
                    assertFalse(resolve(asyncApi, ref).isMissingNode(), "dangling " + ref);
                }
            }
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    Record sample(Contract contract, Set<String> nulls) throws Exception {
        return sampleOf(contract.record(), nulls);
    }

    Record sampleOf(Class<?> record, Set<String> nulls) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = nulls.contains(components[i].getName()) ? null : sampleValue(components[i]);
        }
        return (Record) record.getDeclaredConstructor(types).newInstance(values);
    }

    Object sampleValue(RecordComponent component) throws Exception {
        String name = component.getName();
        Class<?> type = component.getType();
        if (SAMPLE_VALUES.containsKey(name)) {
            return SAMPLE_VALUES.get(name);
        }
        // A PHI access's purpose is a sealed reason too, under its older name.
        if (name.startsWith("sealed") || name.equals("purpose")) {
            return cipher.seal("+1 555 010 0001 wants to talk about " + name);
        }
        if (name.equals("patientRef")) {
            return blindIndex.ofAddress("+1 555 010 0001");
        }
        if (type == String.class) {
            return "sample-" + name + "-7f3c2a";
        }
        if (type == Instant.class) {
            return Instant.parse("2026-03-02T14:05:30.123456Z");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == LocalTime.class) {
            return LocalTime.of(13, 30);
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 11, 26);
        }
        if (type == List.class && elementType(component) instanceof Class<?> nested && nested.isRecord()) {
            return List.of(sampleOf(nested, Set.of()));
        }
        throw new AssertionError("no sample value for " + name + " of type " + type.getName() + "; add one to SAMPLE_VALUES");
    }

    static Type elementType(RecordComponent list) {
        return ((ParameterizedType) list.getGenericType()).getActualTypeArguments()[0];
    }

    static void assertValid(Contract contract, JsonNode schema, JsonNode instance) {
        List<Error> errors = validate(schema, instance);
        assertTrue(errors.isEmpty(), contract + " sample rejected by its schema: " + errors + "\n" + instance);
    }

    static void assertInvalid(Contract contract, JsonNode schema, JsonNode instance, String what) {
        assertFalse(validate(schema, instance).isEmpty(), contract + ": the schema accepts " + what);
    }

    static List<Error> validate(JsonNode schema, JsonNode instance) {
        Schema compiled = SCHEMAS.getSchema(schema);
        return compiled.validate(instance, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
    }

    static JsonNode schemaOf(Contract contract) throws IOException {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream(contract.schemaResource())) {
            assertNotNull(in, "missing " + contract.schemaResource());
            return JSON.readTree(in);
        }
    }

    static JsonNode asyncApi() throws IOException {
        try (InputStream in = EventContractsTest.class.getClassLoader().getResourceAsStream("asyncapi.yaml")) {
            assertNotNull(in, "missing asyncapi.yaml");
            return new YAMLMapper().readTree(in);
        }
    }

    /** Follows a local {@code $ref} ("#/a/b") inside the AsyncAPI document; a node without one is returned as is. */
    static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.path("$ref").asText();
            assertTrue(ref.startsWith("#/"), "not a local reference: " + ref);
            current = document.at(ref.substring(1));
            assertFalse(current.isMissingNode(), "dangling reference " + ref);
        }
        return current;
    }

    static Map.Entry<String, JsonNode> messageNamed(JsonNode asyncApi, String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        asyncApi.path("components").path("messages").properties().forEach(entry -> {
            if (type.equals(entry.getValue().path("name").asText())) {
                found.add(entry);
            }
        });
        assertEquals(1, found.size(), "AsyncAPI components.messages must have exactly one message named " + type);
        return found.get(0);
    }

    static String channelKey(JsonNode asyncApi, String address) {
        List<String> keys = new ArrayList<>();
        asyncApi.path("channels").properties().forEach(entry -> {
            if (address.equals(entry.getValue().path("address").asText())) {
                keys.add(entry.getKey());
            }
        });
        assertEquals(1, keys.size(), "AsyncAPI must have exactly one channel with address " + address);
        return keys.get(0);
    }

    static JsonNode channelAt(JsonNode asyncApi, String address) {
        return asyncApi.path("channels").path(channelKey(asyncApi, address));
    }

    static Stream<JsonNode> stream(JsonNode node) {
        List<JsonNode> children = new ArrayList<>();
        node.forEach(children::add);
        return children.stream();
    }

    static Set<String> jsonTypes(JsonNode property) {
        Set<String> types = new HashSet<>();
        if (property.path("type").isArray()) {
            property.path("type").forEach(t -> types.add(t.asText()));
        } else if (property.path("type").isTextual()) {
            types.add(property.path("type").asText());
        }
        return types;
    }

    static Set<String> required(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> names(Set<Class<?>> classes) {
        return classes.stream().map(Class::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    static List<String> eventTypeConstants() throws IllegalAccessException {
        List<String> types = new ArrayList<>();
        for (Field field : EventTypes.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                types.add((String) field.get(null));
            }
        }
        return types;
    }

    /** Every record class in org.carethread.schemas.events, read from the compiled classes. */
    static Set<Class<?>> recordsInEventsPackage() throws Exception {
        String packagePath = MessageReceived.class.getPackageName().replace('.', '/');
        List<String> classNames = withResourceRoot(root -> {
            try (Stream<Path> files = Files.list(root.resolve(packagePath))) {
                return files.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                        .map(n -> MessageReceived.class.getPackageName() + "." + n.substring(0, n.length() - 6))
                        .toList();
            }
        });
        Set<Class<?>> records = new HashSet<>();
        for (String className : classNames) {
            Class<?> type = Class.forName(className);
            if (type.isRecord()) {
                records.add(type);
            }
        }
        assertFalse(records.isEmpty(), "found no event records; is the classpath scan broken?");
        return records;
    }

    interface PathFunction<T> {
        T apply(Path root) throws IOException;
    }

    /** Runs {@code body} on the directory of shared-schemas' compiled classes and resources (target/classes). */
    static <T> T withResourceRoot(PathFunction<T> body) throws IOException, URISyntaxException {
        Path location = Path.of(MessageReceived.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.isDirectory(location), "expected the module's classes as a directory, got " + location);
        return body.apply(location);
    }
}

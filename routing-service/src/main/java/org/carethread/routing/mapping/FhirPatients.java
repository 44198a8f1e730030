package org.carethread.routing.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.carethread.routing.service.DirectoryExceptions.UnreadableImport;
import org.carethread.routing.service.FieldError;
import org.carethread.routing.service.ImportRow;
import org.carethread.routing.service.PatientDraft;
import org.carethread.routing.service.PatientImport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a FHIR R4 {@code Bundle} of {@code Patient} resources (JSON), as an EHR exports them:
 * <ul>
 * <li>names: the {@code official} name, else the first; given names joined by a space, and {@code family};</li>
 * <li>{@code birthDate}; {@code telecom} with system {@code phone}/{@code sms} (phones) and {@code email}, except
 * those in {@code use: old};</li>
 * <li>MRN: the {@code identifier} whose type has the v2-0203 code {@code MR}, else one whose {@code system} contains
 * "mrn";</li>
 * <li>preferred language: the {@code communication} marked {@code preferred}, else the first, its language code;</li>
 * <li>home location: extension {@value #HOME_LOCATION} ({@code valueCode}), else the {@code managingOrganization}'s
 * {@code identifier.value} or {@code display}, matched to a location's code or name;</li>
 * <li>primary provider: extension {@value #PRIMARY_PROVIDER} ({@code valueString}, a staff username), else the first
 * {@code generalPractitioner}'s {@code identifier.value};</li>
 * <li>care team: extension {@value #CARE_TEAM} ({@code valueCode}).</li>
 * </ul>
 * A position is the entry's number in the bundle, from 1.
 */
public final class FhirPatients {
    static final String EXTENSIONS = "https://carethread.org/fhir/StructureDefinition/";
    public static final String HOME_LOCATION = EXTENSIONS + "home-location";
    public static final String PRIMARY_PROVIDER = EXTENSIONS + "primary-provider";
    public static final String CARE_TEAM = EXTENSIONS + "care-team";

    private FhirPatients() {
    }

    public static List<ImportRow> read(String text, ObjectMapper json) {
        JsonNode bundle;
        try {
            bundle = text == null || text.isBlank() ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnreadableImport("The body is not JSON. Send a FHIR R4 Bundle of Patient resources.");
        }
        if (bundle == null || bundle.isMissingNode() || bundle.isNull()) {
            throw new UnreadableImport("The body is empty. Send a FHIR R4 Bundle of Patient resources.");
        }
        if (!"Bundle".equals(bundle.path("resourceType").asText(null))) {
            throw new UnreadableImport("The body must be a FHIR R4 resource of resourceType Bundle, holding Patient"
                    + " resources in its entries.");
        }
        JsonNode entries = bundle.path("entry");
        if (!entries.isArray() || entries.isEmpty()) {
            throw new UnreadableImport("The bundle has no entries. Put one Patient resource in each entry.");
        }
        if (entries.size() > PatientImport.MAX_ROWS) {
            throw new UnreadableImport("The bundle has more than " + PatientImport.MAX_ROWS
                    + " entries. Split it into smaller bundles.");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode resource = entries.get(i).path("resource");
            if (!"Patient".equals(resource.path("resourceType").asText(null))) {
                rows.add(new ImportRow(i + 1, null, List.of(new FieldError("resource",
                        "is not a Patient resource; only patients are imported."))));
                continue;
            }
            rows.add(new ImportRow(i + 1, patient(resource), List.of()));
        }
        return rows;
    }

    private static PatientDraft patient(JsonNode patient) {
        JsonNode name = official(patient.path("name"));
        List<String> given = new ArrayList<>();
        name.path("given").forEach(g -> given.add(g.asText("")));
        List<String> phones = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        for (JsonNode telecom : patient.path("telecom")) {
            if ("old".equals(telecom.path("use").asText(null))) {
                continue;
            }
            String system = telecom.path("system").asText("");
            String value = text(telecom.path("value"));
            if (value == null) {
                continue;
            }
            if (system.equals("phone") || system.equals("sms")) {
                phones.add(value);
            } else if (system.equals("email")) {
                emails.add(value);
            }
        }
        return new PatientDraft(given.isEmpty() ? null : String.join(" ", given).trim(), text(name.path("family")),
                text(patient.path("birthDate")), mrn(patient.path("identifier")), List.copyOf(phones),
                List.copyOf(emails), homeLocation(patient), provider(patient),
                extension(patient, CARE_TEAM), language(patient.path("communication")));
    }

    private static JsonNode official(JsonNode names) {
        for (JsonNode name : names) {
            if ("official".equals(name.path("use").asText(null))) {
                return name;
            }
        }
        return names.path(0);
    }

    private static String mrn(JsonNode identifiers) {
        for (JsonNode identifier : identifiers) {
            for (JsonNode coding : identifier.path("type").path("coding")) {
                if ("MR".equals(coding.path("code").asText(null))) {
                    return text(identifier.path("value"));
                }
            }
        }
        for (JsonNode identifier : identifiers) {
            if (identifier.path("system").asText("").toLowerCase(Locale.ROOT).contains("mrn")) {
                return text(identifier.path("value"));
            }
        }
        return null;
    }

    private static String language(JsonNode communications) {
        JsonNode chosen = communications.path(0);
        for (JsonNode communication : communications) {
            if (communication.path("preferred").asBoolean(false)) {
                chosen = communication;
                break;
            }
        }
        JsonNode coding = chosen.path("language").path("coding").path(0);
        return text(coding.path("code"));
    }

    private static String homeLocation(JsonNode patient) {
        String code = extension(patient, HOME_LOCATION);
        if (code != null) {
            return code;
        }
        JsonNode organization = patient.path("managingOrganization");
        String id = text(organization.path("identifier").path("value"));
        return id != null ? id : text(organization.path("display"));
    }

    private static String provider(JsonNode patient) {
        String username = extension(patient, PRIMARY_PROVIDER);
        return username != null ? username
                : text(patient.path("generalPractitioner").path(0).path("identifier").path("value"));
    }

    private static String extension(JsonNode resource, String url) {
        for (JsonNode extension : resource.path("extension")) {
            if (url.equals(extension.path("url").asText(null))) {
                for (String field : List.of("valueCode", "valueString", "valueId")) {
                    String value = text(extension.path(field));
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() ? node.asText().trim() : null;
    }
}

package org.carethread.routing.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carethread.routing.mapping.CsvPatients;
import org.carethread.routing.mapping.FhirPatients;
import org.carethread.routing.mapping.PatientViews;
import org.carethread.routing.service.DirectoryExceptions.PatientNotFound;
import org.carethread.routing.service.PatientDirectory;
import org.carethread.routing.service.PatientFields;
import org.carethread.routing.service.PatientImport;
import org.carethread.routing.service.PatientValidation;
import org.carethread.routing.service.PatientWriter;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The patient directory for staff, through the gateway at {@code /api/routing/patients}. Patients are scoped by home
 * location: one elsewhere answers 404 exactly like one that does not exist. PHI travels only in bodies, never in
 * URLs.
 */
@Path("/api/routing/patients")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient directory")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PatientResource {
    static final String FHIR_JSON = "application/fhir+json";
    static final String CSV = "text/csv";

    private final PatientDirectory directory;
    private final PatientImport importer;
    private final PatientWriter writer;
    private final PatientViews views;
    private final SignedInStaff staff;
    private final ObjectMapper json;

    public PatientResource(PatientDirectory directory, PatientImport importer, PatientWriter writer,
            PatientViews views, SignedInStaff staff, ObjectMapper json) {
        this.directory = directory;
        this.importer = importer;
        this.writer = writer;
        this.views = views;
        this.staff = staff;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.NURSE, StaffRoles.SUPERVISOR,
            StaffRoles.PRACTICE_ADMIN })
    @Operation(summary = "File a new patient at one of the caller's locations",
            description = "Phones are normalised to E.164 (North American by default), e-mails to lower case; every"
                    + " detail is sealed at rest.")
    @APIResponse(responseCode = "201", description = "Created; Location names the patient, ETag is its version",
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "400", description = "No body, or JSON of the wrong shape",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    @APIResponse(responseCode = "409", description = "Another patient has the MRN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    @APIResponse(responseCode = "422", description = "Fields not valid; each is named, nothing is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    public Uni<Response> create(PatientRequest body) {
        var data = PatientValidation.check(Requests.body(body).toDraft(), PatientFields.API, false);
        return directory.create(staff.current(), data)
                .map(record -> Response.created(URI.create("/api/routing/patients/" + record.patient().id))
                        .tag(tag(record.patient().version))
                        .entity(views.patient(record))
                        .build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
            StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
    @Operation(summary = "A patient's details (audited)",
            description = "Every read is recorded as a PHI access (patient.read) in the same transaction; if it cannot"
                    + " be recorded, the read fails. The ETag is the version, for If-Match on PUT.")
    @APIResponse(responseCode = "200", description = "The patient", content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "404", description = "No such patient at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PatientView>> read(@PathParam("id") String id, @Context HttpServerRequest request) {
        return directory.read(staff.current(), Requests.id(id, new PatientNotFound()), Requests.clientAddress(request))
                .map(record -> RestResponse.ResponseBuilder.ok(views.patient(record))
                        .header(HttpHeaders.ETAG, Requests.etag(record.patient().version))
                        .build());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.NURSE, StaffRoles.SUPERVISOR,
            StaffRoles.PRACTICE_ADMIN })
    @Operation(summary = "Replace a patient's details",
            description = "If-Match must carry the ETag the caller read; if anyone changed the patient since, nothing"
                    + " changes and the answer is 412 with the current ETag. Phones and e-mails become exactly those"
                    + " given.")
    @APIResponse(responseCode = "200", description = "The patient as now stored, with the new ETag",
            content = @Content(schema = @Schema(implementation = PatientView.class)))
    @APIResponse(responseCode = "404", description = "No such patient at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Another patient has the MRN",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    @APIResponse(responseCode = "412", description = "Changed since the If-Match version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Fields not valid; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    @APIResponse(responseCode = "428", description = "No If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<PatientView>> update(@PathParam("id") String id,
            @Parameter(description = "the ETag of the patient as read, e.g. \"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PatientRequest body) {
        var patientId = Requests.id(id, new PatientNotFound());
        long version = Requests.ifMatch(ifMatch);
        var data = PatientValidation.check(Requests.body(body).toDraft(), PatientFields.API, false);
        return directory.update(staff.current(), patientId, version, data)
                .map(record -> RestResponse.ResponseBuilder.ok(views.patient(record))
                        .header(HttpHeaders.ETAG, Requests.etag(record.patient().version))
                        .build());
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
            StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
    @Operation(summary = "Find patients by phone, e-mail or MRN (audited)",
            description = "Exactly one of phone, email, mrn, in the body so it never reaches a URL or a log. Only"
                    + " patients of the caller's locations, oldest record first; each one returned is a recorded PHI"
                    + " access (patient.search).")
    @APIResponse(responseCode = "200", description = "The patients found, possibly none")
    @APIResponse(responseCode = "422", description = "None or several of phone, email, mrn; or one not valid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    public Uni<List<PatientView>> search(PatientSearchRequest body, @Context HttpServerRequest request) {
        PatientSearchRequest search = Requests.body(body);
        var lookup = PatientDirectory.Lookup.of(search.phone(), search.email(), search.mrn(), writer);
        return directory.search(staff.current(), lookup, Requests.clientAddress(request))
                .map(records -> records.stream().map(views::patient).toList());
    }

    @POST
    @Path("/import")
    @Consumes(CSV)
    @RolesAllowed(StaffRoles.PRACTICE_ADMIN)
    @Operation(summary = "Import patients from a CSV file (practice administrators)",
            description = "Header: mrn,given_name,family_name,birth_date,phones,emails,home_location,primary_provider,"
                    + "care_team,preferred_language (several phones or e-mails separated by ';'). Upserts by MRN."
                    + " Rows with a problem are left out and listed by line number; the others are applied in one"
                    + " transaction. Recorded once on the audit log (patient.import).")
    @RequestBody(content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "What was created and updated, and every problem",
            content = @Content(schema = @Schema(implementation = ImportSummaryView.class)))
    @APIResponse(responseCode = "400", description = "Empty or unreadable file, or a header that is not the import's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportSummaryView> importCsv(String body, @Context HttpServerRequest request) {
        var rows = CsvPatients.read(body);
        return importer.run(staff.current(), rows, PatientFields.CSV, Requests.clientAddress(request))
                .map(summary -> PatientViews.summary(summary, true));
    }

    @POST
    @Path("/import")
    @Consumes(FHIR_JSON)
    @RolesAllowed(StaffRoles.PRACTICE_ADMIN)
    @Operation(summary = "Import patients from a FHIR R4 Bundle of Patient resources (practice administrators)",
            description = "Name, birthDate, telecom (phone, sms, email), identifier (MRN: type code MR or a system"
                    + " containing 'mrn'), communication (preferred language). Home location: extension"
                    + " " + FhirPatients.HOME_LOCATION + ", else managingOrganization's identifier.value or display (a"
                    + " location's code or name). Primary provider: extension " + FhirPatients.PRIMARY_PROVIDER
                    + ", else generalPractitioner[0].identifier.value (a staff username). Care team: extension "
                    + FhirPatients.CARE_TEAM + ". Upserts by MRN; entries with a problem are listed by number (from 1).")
    @RequestBody(content = @Content(mediaType = FHIR_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "200", description = "What was created and updated, and every problem",
            content = @Content(schema = @Schema(implementation = ImportSummaryView.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, not a Bundle, or no entries",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<ImportSummaryView> importFhir(String body, @Context HttpServerRequest request) {
        var rows = FhirPatients.read(body, json);
        return importer.run(staff.current(), rows, PatientFields.FHIR, Requests.clientAddress(request))
                .map(summary -> PatientViews.summary(summary, false));
    }

    private static EntityTag tag(long version) {
        return new EntityTag(String.valueOf(version));
    }
}

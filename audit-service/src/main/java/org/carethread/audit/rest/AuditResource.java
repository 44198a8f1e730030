package org.carethread.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.carethread.messaging.PatientAddresses;
import org.carethread.schemas.crypto.BlindIndex;
import org.carethread.schemas.crypto.PhiCipher;
import org.carethread.audit.mapping.AuditViewMapper;
import org.carethread.audit.mapping.ExportDocument;
import org.carethread.audit.repository.AuditCriteria;
import org.carethread.audit.service.AuditExport;
import org.carethread.audit.service.AuditSearch;
import org.carethread.audit.service.ConversationReaders;
import org.carethread.audit.service.ChainVerification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Compliance access to the audit log: staff reach it through the gateway at {@code /api/audit/…}. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditResource {
    static final String COMPLIANCE_OFFICER = "compliance-officer";
    static final String SUPERVISOR = "supervisor";

    private final AuditSearch search;
    private final ChainVerification verification;
    private final ConversationReaders readers;
    private final AuditExport export;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper json;
    private final PhiCipher cipher;
    private final BlindIndex blindIndex;

    public AuditResource(AuditSearch search, ChainVerification verification, ConversationReaders readers,
            AuditExport export, CurrentIdentityAssociation identity, ObjectMapper json, PhiCipher cipher,
            BlindIndex blindIndex) {
        this.search = search;
        this.verification = verification;
        this.readers = readers;
        this.export = export;
        this.identity = identity;
        this.json = json;
        this.cipher = cipher;
        this.blindIndex = blindIndex;
    }

    /** A patient's phone number or e-mail address, typed by a compliance officer; exactly one of the two. */
    public record PatientAddressRequest(String phone, String email) {
    }

    /** The blind index the log knows the patient by: search and export with it as {@code patientRef}. */
    public record PatientRefView(String patientRef) {
    }

    @POST
    @Path("/patient-refs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ COMPLIANCE_OFFICER, SUPERVISOR })
    @Operation(summary = "The patientRef of a phone number or e-mail address",
            description = "The address goes in the body, never in a URL; the answer is its blind index, which is not"
                    + " PHI and which GET /api/audit/events and /api/audit/export take as patientRef. Reads nothing"
                    + " from the log.")
    @APIResponse(responseCode = "200", description = "The patientRef")
    @APIResponse(responseCode = "400", description = "Not exactly one well-formed phone or e-mail (problem details)")
    @APIResponse(responseCode = "401", description = "No valid staff token")
    @APIResponse(responseCode = "403", description = "Only compliance officers and supervisors may ask")
    public PatientRefView patientRef(PatientAddressRequest body) {
        if (body == null || (body.phone() == null) == (body.email() == null)) {
            throw new InvalidQueryException("Give the patient's 'phone' or 'email', one of the two.");
        }
        String problem = body.phone() != null ? PatientAddresses.phoneProblem(body.phone())
                : PatientAddresses.emailProblem(body.email());
        if (problem != null) {
            throw new InvalidQueryException(problem);
        }
        return new PatientRefView(blindIndex.ofAddress(body.phone() != null ? body.phone() : body.email()));
    }

    @GET
    @Path("/events")
    @RolesAllowed({ COMPLIANCE_OFFICER, SUPERVISOR })
    @Operation(summary = "Search the audit log", description = "Entries matching every given filter, oldest first. "
            + "The search itself is recorded in the log with the caller as actor.")
    @APIResponse(responseCode = "200", description = "One page of matching entries")
    @APIResponse(responseCode = "400", description = "A query parameter is invalid (problem details)")
    @APIResponse(responseCode = "401", description = "No valid staff token")
    @APIResponse(responseCode = "403", description = "Only compliance officers and supervisors may search")
    public Uni<AuditPage> events(
            @Parameter(description = "Conversation id") @QueryParam("conversationId") String conversationId,
            @Parameter(description = "Blind index of the patient's address") @QueryParam("patientRef") String patientRef,
            @Parameter(description = "Staff user who acted") @QueryParam("actor") String actor,
            @Parameter(description = "Action, e.g. conversation.read") @QueryParam("action") String action,
            @Parameter(description = "Occurred at or after (ISO-8601 with offset)") @QueryParam("from") String from,
            @Parameter(description = "Occurred before (ISO-8601 with offset)") @QueryParam("to") String to,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "Entries per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        AuditCriteria criteria = SearchParameters.parse(conversationId, patientRef, actor, action, from, to, page,
                size);
        return caller().chain(caller -> search.search(criteria, caller))
                .map(result -> AuditViewMapper.toPage(result, criteria, cipher));
    }

    @GET
    @Path("/verify")
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(summary = "Verify the hash chain", description = "Walks every entry and reports the chain intact, or "
            + "the first entry that was altered, removed or inserted.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact")
    @APIResponse(responseCode = "401", description = "No valid staff token")
    @APIResponse(responseCode = "403", description = "Only compliance officers may verify")
    public Uni<ChainStatus> verify() {
        return caller().chain(verification::verify).map(AuditViewMapper::toStatus);
    }

    @GET
    @Path("/conversations/{conversationId}/readers")
    @RolesAllowed({ COMPLIANCE_OFFICER, SUPERVISOR })
    @Operation(summary = "Who read this conversation", description = "One row per read of the conversation's PHI "
            + "(staff user, roles when the reading service recorded them, what was read, when, from which address), "
            + "newest first. Asking is itself recorded in the log (action audit.readers).")
    @APIResponse(responseCode = "200", description = "One page of reads, newest first")
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem details)")
    @APIResponse(responseCode = "401", description = "No valid staff token")
    @APIResponse(responseCode = "403", description = "Only compliance officers and supervisors may ask")
    public Uni<ReadersPage> readers(
            @Parameter(description = "Conversation id") @PathParam("conversationId") String conversationId,
            @Parameter(description = "0-based page number") @QueryParam("page") String page,
            @Parameter(description = "Reads per page, 1 to 500 (default 50)") @QueryParam("size") String size) {
        String conversation = SearchParameters.conversationId(conversationId);
        AuditCriteria paging = SearchParameters.parse(conversation, null, null, null, null, null, page, size);
        return caller().chain(caller -> readers.readers(conversation, paging.page(), paging.size(), caller))
                .map(result -> AuditViewMapper.toReaders(conversation, result, paging.page(), paging.size(),
                        cipher));
    }

    @GET
    @Path("/export")
    @RolesAllowed(COMPLIANCE_OFFICER)
    @Operation(summary = "Export the audit log", description = "Every entry matching the filters of "
            + "GET /api/audit/events (no paging), oldest first in chain order, streamed as CSV (with a header row) "
            + "or as a JSON array. The export is recorded in the log first (action audit.export, with its filters "
            + "and format); if that fails, nothing is sent.")
    @APIResponse(responseCode = "200", description = "The entries, as text/csv or application/json")
    @APIResponse(responseCode = "400", description = "The format is not csv or json, or a filter is invalid "
            + "(problem details)")
    @APIResponse(responseCode = "401", description = "No valid staff token")
    @APIResponse(responseCode = "403", description = "Only compliance officers may export")
    public RestMulti<ExportChunk> export(
            @Parameter(description = "csv or json", required = true) @QueryParam("format") String format,
            @Parameter(description = "Conversation id") @QueryParam("conversationId") String conversationId,
            @Parameter(description = "Blind index of the patient's address") @QueryParam("patientRef") String patientRef,
            @Parameter(description = "Staff user who acted") @QueryParam("actor") String actor,
            @Parameter(description = "Action, e.g. conversation.read") @QueryParam("action") String action,
            @Parameter(description = "Occurred at or after (ISO-8601 with offset)") @QueryParam("from") String from,
            @Parameter(description = "Occurred before (ISO-8601 with offset)") @QueryParam("to") String to) {
        String asked = SearchParameters.exportFormat(format);
        AuditCriteria criteria = SearchParameters.parse(conversationId, patientRef, actor, action, from, to, null,
                null);
        boolean csv = asked.equals("csv");
        Multi<ExportChunk> document = caller().chain(caller -> export.export(criteria, asked, caller))
                .onItem().transformToMulti(batches -> csv ? ExportDocument.csv(batches, cipher)
                        : ExportDocument.json(batches, json, cipher))
                .map(ExportChunk::new);
        // Not encoded as a JSON array: the chunks are the document already, and each is sent followed by a line
        // feed. The class's single media type keeps Quarkus from choosing server-sent events for a bare Accept;
        // the header below names what the body really is.
        return RestMulti.fromMultiData(document)
                .encodeAsJsonArray(false)
                .header(HttpHeaders.CONTENT_TYPE, csv ? "text/csv; charset=UTF-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"carethread-audit." + asked + "\"")
                .build();
    }

    /** The authenticated staff member's user name (Keycloak's preferred_username, else the subject). */
    private Uni<String> caller() {
        return identity.getDeferredIdentity().map(who -> who.getPrincipal().getName());
    }
}

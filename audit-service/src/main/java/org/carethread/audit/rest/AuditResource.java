package org.carethread.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.carethread.audit.mapping.AuditViewMapper;
import org.carethread.audit.repository.AuditCriteria;
import org.carethread.audit.service.AuditSearch;
import org.carethread.audit.service.ChainVerification;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.CurrentIdentityAssociation;
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
    private final CurrentIdentityAssociation identity;

    public AuditResource(AuditSearch search, ChainVerification verification, CurrentIdentityAssociation identity) {
        this.search = search;
        this.verification = verification;
        this.identity = identity;
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
                .map(result -> AuditViewMapper.toPage(result, criteria));
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

    /** The authenticated staff member's user name (Keycloak's preferred_username, else the subject). */
    private Uni<String> caller() {
        return identity.getDeferredIdentity().map(who -> who.getPrincipal().getName());
    }
}

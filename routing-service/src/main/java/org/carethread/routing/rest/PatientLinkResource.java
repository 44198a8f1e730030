package org.carethread.routing.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.carethread.routing.mapping.PatientViews;
import org.carethread.routing.service.ContactAddresses;
import org.carethread.routing.service.DirectoryExceptions.LinkNotFound;
import org.carethread.routing.service.InvalidFieldsException;
import org.carethread.routing.service.PatientLinks;
import org.carethread.routing.service.PatientWriter;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/** Which directory patient a sender stands for at a location: staff link a new contact, re-link or unlink. */
@Path("/api/routing/patient-links")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.NURSE, StaffRoles.SUPERVISOR,
        StaffRoles.PRACTICE_ADMIN })
@Tag(name = "Patient links")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PatientLinkResource {
    private final PatientLinks links;
    private final PatientWriter writer;
    private final SignedInStaff staff;

    public PatientLinkResource(PatientLinks links, PatientWriter writer, SignedInStaff staff) {
        this.links = links;
        this.writer = writer;
        this.staff = staff;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Link a sender to a patient at a location",
            description = "The sender is the patientRef their messages carry, or their phone number or e-mail in"
                    + " 'address'. Replaces the sender's other active link there (PatientUnlinked, then PatientLinked"
                    + " on patient.links). Linking to the patient already linked changes nothing and answers 200.")
    @APIResponse(responseCode = "201", description = "Linked", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "200", description = "Already linked to that patient; nothing changed",
            content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "422", description = "A field missing or not valid; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    public Uni<Response> link(LinkRequest body) {
        LinkRequest request = Requests.body(body);
        String patientRef = sender(request);
        if (request.locationCode() == null || request.locationCode().isBlank()) {
            throw new InvalidFieldsException("locationCode", "is required: the location the sender wrote to.");
        }
        var patientId = Requests.bodyId(request.patientId(), "patientId");
        return links.link(staff.current(), patientRef, request.locationCode().trim(), patientId)
                .map(linking -> (linking.created()
                        ? Response.created(URI.create("/api/routing/patient-links/" + linking.link().id))
                        : Response.ok())
                        .entity(PatientViews.link(linking.link())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A link at one of the caller's locations, active or undone")
    @APIResponse(responseCode = "200", description = "The link", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "404", description = "No such link at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LinkView> read(@PathParam("id") String id) {
        return links.find(staff.current(), Requests.id(id, new LinkNotFound())).map(PatientViews::link);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unlink", description = "Ends the link (PatientUnlinked on patient.links); the sender's next"
            + " message is matched by the directory again. The link stays readable, marked undone.")
    @APIResponse(responseCode = "200", description = "The link as ended", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "404", description = "No such link at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already undone",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<LinkView> unlink(@PathParam("id") String id) {
        return links.unlink(staff.current(), Requests.id(id, new LinkNotFound())).map(PatientViews::link);
    }

    /** The sender's blind index, given as is or computed from their address exactly as ingestion computes it. */
    private String sender(LinkRequest request) {
        boolean hasRef = request.patientRef() != null && !request.patientRef().isBlank();
        boolean hasAddress = request.address() != null && !request.address().isBlank();
        if (hasRef == hasAddress) {
            throw new InvalidFieldsException("patientRef", "Give exactly one of patientRef (as on the sender's"
                    + " messages) or address (their phone number or e-mail).");
        }
        if (hasRef) {
            if (!PatientLinks.isPatientRef(request.patientRef().trim())) {
                throw new InvalidFieldsException("patientRef", "must be the patientRef of the sender's messages.");
            }
            return request.patientRef().trim();
        }
        String address = request.address();
        if (address.contains("@")) {
            String email = ContactAddresses.email(address);
            if (email == null) {
                throw new InvalidFieldsException("address", "is neither a phone number nor an e-mail address.");
            }
            return writer.addressIndex(email);
        }
        try {
            return writer.addressIndex(ContactAddresses.phone(address));
        } catch (ContactAddresses.NotAPhoneNumber e) {
            throw new InvalidFieldsException("address", "The phone number " + e.getMessage() + ".");
        }
    }
}

package org.carethread.routing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.carethread.routing.mapping.PatientViews;
import org.carethread.routing.service.DirectoryExceptions.ReviewNotFound;
import org.carethread.routing.service.IdentityReviews;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Messages from an address several patients share, waiting for staff at the location to say who wrote. */
@Path("/api/routing/identity-reviews")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.NURSE, StaffRoles.SUPERVISOR,
        StaffRoles.PRACTICE_ADMIN })
@Tag(name = "Identity reviews")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class IdentityReviewResource {
    private final IdentityReviews reviews;
    private final PatientViews views;
    private final SignedInStaff staff;

    public IdentityReviewResource(IdentityReviews reviews, PatientViews views, SignedInStaff staff) {
        this.reviews = reviews;
        this.views = views;
        this.staff = staff;
    }

    @GET
    @Operation(summary = "Open identity reviews at the caller's locations, longest waiting first (audited)",
            description = "Each with its candidates' names, birth dates, home locations and providers; every candidate"
                    + " shown is recorded as a PHI access (identity-review.read).")
    @APIResponse(responseCode = "200", description = "The open reviews")
    public Uni<List<IdentityReviewView>> open(@Context HttpServerRequest request) {
        return reviews.openAt(staff.current(), Requests.clientAddress(request))
                .map(open -> open.stream().map(views::review).toList());
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm which candidate wrote",
            description = "Links the sender to the patient at the review's location (PatientLinked on patient.links)"
                    + " and resolves the review, in one transaction.")
    @APIResponse(responseCode = "200", description = "The link made", content = @Content(schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "404", description = "No such review at the caller's locations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already resolved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "patientId missing or not one of the candidates",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    public Uni<LinkView> confirm(@PathParam("id") String id, ConfirmRequest body) {
        var reviewId = Requests.id(id, new ReviewNotFound());
        var patientId = Requests.bodyId(Requests.body(body).patientId(), "patientId");
        return reviews.confirm(staff.current(), reviewId, patientId).map(linking -> PatientViews.link(linking.link()));
    }
}

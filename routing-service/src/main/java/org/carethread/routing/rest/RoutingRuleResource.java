package org.carethread.routing.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.routing.service.InvalidFieldsException;
import org.carethread.routing.service.RoutingRules;
import org.carethread.routing.service.RoutingRules.DryRunAnswer;
import org.carethread.routing.service.RoutingRules.DryRunQuestion;
import org.carethread.routing.service.RoutingRules.RuleSetVersion;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.smallrye.mutiny.Uni;

/** The practice's ordered routing rules, versioned, and the dry run that shows where a message would go and why. */
@Path("/api/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(StaffRoles.PRACTICE_ADMIN)
@Tag(name = "Routing rules")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only practice admins manage routing rules",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RoutingRuleResource {
    private static final int MAX_TEXT = 2000;
    private final RoutingRules rules;
    private final SignedInStaff staff;

    public RoutingRuleResource(RoutingRules rules, SignedInStaff staff) {
        this.rules = rules;
        this.staff = staff;
    }

    @GET
    @Operation(summary = "The rules in force", description = "Version 0 with no rules means none were saved yet:"
            + " every message goes to its location's default queue (intake for unknown senders).")
    @APIResponse(responseCode = "200", description = "The rules in force")
    public Uni<RuleSetVersion> inForce() {
        return rules.inForce();
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Every saved version, newest first")
    @APIResponse(responseCode = "200", description = "The history")
    public Uni<List<RuleSetVersion>> history() {
        return rules.history();
    }

    @GET
    @Path("/versions/{version}")
    @Operation(summary = "One saved version")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RuleSetVersion> version(@PathParam("version") String version) {
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException notANumber) {
            throw noSuchVersion(version);
        }
        return rules.version(number).onItem().ifNull().failWith(() -> noSuchVersion(version));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a new version of the rules", description = "Validated as a whole: every value known,"
            + " every queue existing at every location a rule can apply to. Takes effect for the next message.")
    @APIResponse(responseCode = "200", description = "The version now in force")
    @APIResponse(responseCode = "409", description = "Another version was saved since basedOn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rules that cannot be saved, field by field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    @CustomDeserialization(StrictBody.class)
    public Uni<RuleSetVersion> save(RuleSetRequest body) {
        RuleSetRequest request = Requests.body(body);
        if (request.basedOn() == null || request.basedOn() < 0) {
            throw new InvalidFieldsException("basedOn", "is required: the version you loaded (0 before any was saved).");
        }
        return rules.save(staff.current(), request.basedOn(), request.rules(), request.comment());
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.PRACTICE_ADMIN, StaffRoles.SUPERVISOR })
    @Operation(summary = "Where would this message go now, and why?", description = "Classifies the text and decides"
            + " with the same planner and data as the pipeline (hours, holidays, coverage, on-call, the directory),"
            + " without storing or sending anything. Try a draft with `rules`.")
    @APIResponse(responseCode = "200", description = "The decision the pipeline would make",
            content = @Content(schema = @Schema(implementation = DryRunView.class)))
    @APIResponse(responseCode = "422", description = "A missing text, an unknown practice number, an invalid draft",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
    @CustomDeserialization(StrictBody.class)
    public Uni<DryRunView> dryRun(DryRunRequest body) {
        DryRunRequest request = Requests.body(body);
        if (request.text() == null || request.text().isBlank() || request.text().length() > MAX_TEXT) {
            throw new InvalidFieldsException("text", "is required, at most " + MAX_TEXT + " characters.");
        }
        if (request.practiceNumber() == null || request.practiceNumber().isBlank()) {
            throw new InvalidFieldsException("practiceNumber", "is required: the number the patient would text.");
        }
        return rules.dryRun(new DryRunQuestion(request.practiceNumber(), request.channel(), request.text(),
                request.from(), request.at(), request.rules())).map(RoutingRuleResource::view);
    }

    private static DryRunView view(DryRunAnswer answer) {
        var plan = answer.plan();
        var triage = answer.triage();
        return new DryRunView(answer.locationCode(), plan.queue(), plan.priority(), plan.identity(),
                answer.patientId(), triage.category().code(), triage.urgency().code(), triage.language(),
                triage.reasons(), triage.safetyRuleId(), plan.ruleId(),
                plan.rulesVersion() > 0 ? plan.rulesVersion() : null, plan.directedTo(), plan.autoReplyKind(),
                plan.clockStartsAt(), plan.alertOnCall(), answer.onCallStaff(), plan.reason());
    }

    private static ProblemException noSuchVersion(String version) {
        return new ProblemException("unknown-rules-version", "No such version of the rules", 404,
                "That version was never saved; GET /api/routing/rules/versions lists them.");
    }
}

package org.carethread.conversation.rest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.repository.Conversation;
import org.carethread.conversation.repository.QueueSetting;
import org.carethread.conversation.repository.QueueSetting.ResponseTarget;
import org.carethread.conversation.service.QueueSettings;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;

/**
 * Queue setup by the practice admin: who is given a queue's work automatically (round robin or least loaded, up to a
 * cap, passing by people out of office), when an unanswered conversation goes back, and the response targets per
 * priority. Supervisors may read it.
 */
@Path("/api/queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.PRACTICE_ADMIN, StaffRoles.SUPERVISOR })
@Tag(name = "Queues")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a practice admin (or, to read, a supervisor)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class QueueSettingResource {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,200}");
    private static final Pattern TEAM = Pattern.compile("[a-z][a-z0-9-]{0,49}");
    private static final int MAX_MEMBERS = 100;
    private static final int MAX_CAP = 1000;
    /** A week: longer targets or return times are mistakes, not policies. */
    private static final int MAX_MINUTES = 7 * 24 * 60;

    private final QueueSettings settings;
    private final SignedInStaff staff;

    public QueueSettingResource(QueueSettings settings, SignedInStaff staff) {
        this.settings = settings;
        this.staff = staff;
    }

    /** A response target: answer within {@code minutes}, counted in business hours or around the clock. */
    public record TargetView(
            @Schema(enumeration = { "critical", "high", "normal", "low" }) String priority,
            @Schema(description = "1 to 10080 (a week)") Integer minutes,
            @Schema(description = "true: counted in the location's opening hours only") Boolean businessHours) {
    }

    /**
     * A queue's setup, as saved and as sent to save it.
     *
     * @param team               the team that works the queue; only it (and supervisors, practice admins and
     *                           compliance officers) sees the queue's conversations. Left out: everyone at the location
     * @param assignment         none, round-robin or least-loaded
     * @param openCap            most conversations one member may own (not resolved) before being passed by
     * @param returnAfterMinutes an owner who has not answered within this time loses the conversation
     * @param members            usernames auto-assignment chooses from, in round-robin order
     * @param responseTargets    the queue's own targets; priorities left out take the practice default
     */
    public record QueueView(String queue, String locationCode,
            @Schema(nullable = true, examples = "clinical") String team,
            @Schema(enumeration = { "none", "round-robin", "least-loaded" }) String assignment, Integer openCap,
            Integer returnAfterMinutes, List<String> members, List<TargetView> responseTargets,
            @Schema(readOnly = true) String updatedBy, @Schema(readOnly = true) java.time.Instant updatedAt) {
    }

    /** @param staffAway who is out of office now, as routing announced it: auto-assignment passes them by */
    public record SetupView(List<QueueView> queues, List<TargetView> defaultTargets, Set<String> staffAway) {
    }

    public record DefaultTargetsRequest(List<TargetView> targets) {
    }

    @GET
    @Operation(summary = "The queues set up at the caller's locations, and the practice's default response targets")
    @APIResponse(responseCode = "200", description = "The setup")
    public Uni<SetupView> setup() {
        return settings.setup(staff.current()).map(setup -> new SetupView(
                setup.queues().stream().map(QueueSettingResource::view).toList(),
                setup.defaultTargets().stream().map(QueueSettingResource::view).toList(), setup.staffAway()));
    }

    @PUT
    @Path("/{queue}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.PRACTICE_ADMIN)
    @Operation(summary = "Set up a queue (practice admins)",
            description = "Replaces the queue's team, assignment, cap, return time, members and own targets. Changes apply"
                    + " from the next beat of the assignment desk and the response clocks (seconds).")
    @APIResponse(responseCode = "200", description = "The queue as saved")
    @APIResponse(responseCode = "400", description = "A field is not valid; nothing was saved",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The location is not one of the caller's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<QueueView> save(@PathParam("queue") String queue, QueueView body) {
        if (queue == null || !CODE.matcher(queue).matches()) {
            throw new InvalidRequestException("The queue's code must be lower-case letters, digits and dashes, e.g."
                    + " north-front-desk.");
        }
        if (body == null || body.locationCode() == null || !CODE.matcher(body.locationCode()).matches()) {
            throw new InvalidRequestException("'locationCode' must name the location whose queue it is, e.g. north.");
        }
        if (body.team() != null && !TEAM.matcher(body.team()).matches()) {
            throw new InvalidRequestException("'team' must be lower-case letters, digits and dashes, e.g. clinical,"
                    + " or left out for a queue everyone at the location works.");
        }
        String assignment = body.assignment() == null ? QueueSetting.NONE : body.assignment();
        if (!QueueSetting.ASSIGNMENTS.contains(assignment)) {
            throw new InvalidRequestException("'assignment' must be one of " + String.join(", ",
                    QueueSetting.ASSIGNMENTS) + ".");
        }
        List<String> members = body.members() == null ? List.of() : body.members();
        if (members.size() > MAX_MEMBERS || members.stream().anyMatch(m -> m == null || !USERNAME.matcher(m).matches())
                || new HashSet<>(members).size() != members.size()) {
            throw new InvalidRequestException("'members' must be at most " + MAX_MEMBERS + " different staff"
                    + " usernames.");
        }
        if (!QueueSetting.NONE.equals(assignment) && members.isEmpty()) {
            throw new InvalidRequestException("Automatic assignment needs at least one member to assign to.");
        }
        if (body.openCap() != null && (body.openCap() < 1 || body.openCap() > MAX_CAP)) {
            throw new InvalidRequestException("'openCap' must be from 1 to " + MAX_CAP + ", or left out for none.");
        }
        if (body.returnAfterMinutes() != null && (body.returnAfterMinutes() < 1
                || body.returnAfterMinutes() > MAX_MINUTES)) {
            throw new InvalidRequestException("'returnAfterMinutes' must be from 1 to " + MAX_MINUTES
                    + ", or left out to never return.");
        }
        return settings.save(staff.current(), queue, body.locationCode(), body.team(), assignment, body.openCap(),
                body.returnAfterMinutes(), members, targets(body.responseTargets())).map(QueueSettingResource::view);
    }

    @PUT
    @Path("/default-targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.PRACTICE_ADMIN)
    @Operation(summary = "Set the practice's default response targets (practice admins)",
            description = "Every priority needs one: they apply to every queue without its own.")
    @APIResponse(responseCode = "200", description = "The defaults as saved")
    @APIResponse(responseCode = "400", description = "A target is not valid or a priority is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<List<TargetView>> saveDefaultTargets(DefaultTargetsRequest body) {
        List<ResponseTarget> targets = targets(body == null ? null : body.targets());
        if (targets.size() != Conversation.PRIORITIES.size()) {
            throw new InvalidRequestException("The defaults need a target for each priority: "
                    + String.join(", ", Conversation.PRIORITIES) + ".");
        }
        return settings.saveDefaultTargets(targets)
                .map(saved -> saved.stream().map(QueueSettingResource::view).toList());
    }

    private static List<ResponseTarget> targets(List<TargetView> requested) {
        if (requested == null) {
            return List.of();
        }
        List<ResponseTarget> targets = requested.stream().map(target -> {
            if (target == null || target.priority() == null || !Conversation.PRIORITIES.contains(target.priority())) {
                throw new InvalidRequestException("Each target's 'priority' must be one of "
                        + String.join(", ", Conversation.PRIORITIES) + ".");
            }
            if (target.minutes() == null || target.minutes() < 1 || target.minutes() > MAX_MINUTES) {
                throw new InvalidRequestException("Each target's 'minutes' must be from 1 to " + MAX_MINUTES + ".");
            }
            return new ResponseTarget(target.priority(), target.minutes(), Boolean.TRUE.equals(target.businessHours()));
        }).toList();
        if (targets.stream().map(ResponseTarget::priority).distinct().count() != targets.size()) {
            throw new InvalidRequestException("Give each priority at most one target.");
        }
        return targets;
    }

    private static QueueView view(QueueSetting setting) {
        return new QueueView(setting.queueCode(), setting.locationCode(), setting.team(), setting.assignment(),
                setting.openCap(),
                setting.returnAfterMinutes(), setting.members(),
                setting.responseTargets().stream().map(QueueSettingResource::view).toList(), setting.updatedBy(),
                setting.updatedAt());
    }

    private static TargetView view(ResponseTarget target) {
        return new TargetView(target.priority(), target.minutes(), target.businessHours());
    }
}

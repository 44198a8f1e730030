package org.carethread.conversation.rest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.carethread.conversation.repository.ReportRepository;
import org.carethread.conversation.repository.ReportRepository.QueueCount;
import org.carethread.conversation.repository.ReportRepository.ServiceTime;
import org.carethread.conversation.repository.ReportRepository.Volume;
import org.carethread.conversation.repository.ReportRepository.Workload;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * The supervisor's numbers for their locations: how much came in per queue and channel, how fast patients were
 * answered and conversations resolved (against the targets), what is overdue now and who carries how much. Counts and
 * times only: nothing here is PHI, so reading it is not an audited access.
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
@Tag(name = "Queues")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Not a supervisor or practice admin",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {
    /** Longest period one report covers; a year of service times is plenty for a dashboard. */
    private static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final Mutiny.SessionFactory sessions;
    private final ReportRepository reports;
    private final SignedInStaff staff;

    public ReportResource(Mutiny.SessionFactory sessions, ReportRepository reports, SignedInStaff staff) {
        this.sessions = sessions;
        this.reports = reports;
        this.staff = staff;
    }

    /**
     * @param volumes      patient messages per queue and channel that arrived in the period
     * @param serviceTimes per queue: staff answers that ended a wait (first-response, response) and resolutions in
     *                     the period, with median and 90th percentile seconds and the share that met the target
     * @param overdueNow   conversations waiting on staff past their target, per queue
     * @param workload     per person: conversations waiting on them and all they own that are not resolved
     */
    public record Dashboard(Instant from, Instant to, List<Volume> volumes, List<ServiceTime> serviceTimes,
            List<QueueCount> overdueNow, List<Workload> workload) {
    }

    @GET
    @Path("/dashboard")
    @Operation(summary = "Volumes, response and resolution times, overdue conversations and workload at the caller's"
            + " locations")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "400", description = "A date is not ISO-8601 with offset, or the period is empty or"
            + " longer than a year", content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(implementation = Problem.class)))
    public Uni<Dashboard> dashboard(
            @Parameter(description = "start of the period, inclusive (default: 7 days before 'to')")
            @QueryParam("from") String from,
            @Parameter(description = "end of the period, exclusive (default: now)") @QueryParam("to") String to) {
        Instant end = to == null ? Instant.now() : ConversationActionResource.dateTime("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : ConversationActionResource.dateTime("from", from);
        if (!start.isBefore(end) || Duration.between(start, end).compareTo(MAX_PERIOD) > 0) {
            throw new InvalidRequestException("'from' must be before 'to', at most a year apart.");
        }
        var locations = staff.current().locations();
        if (locations.isEmpty()) {
            return Uni.createFrom().item(new Dashboard(start, end, List.of(), List.of(), List.of(), List.of()));
        }
        return sessions.withSession(session -> reports.volumes(session, locations, start, end)
                .chain(volumes -> reports.serviceTimes(session, locations, start, end)
                        .chain(times -> reports.overdue(session, locations)
                                .chain(overdue -> reports.workload(session, locations)
                                        .map(workload -> new Dashboard(start, end, volumes, times, overdue,
                                                workload))))));
    }
}

package org.carethread.routing.rest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.routing.repository.CoverageRepository.Absence;
import org.carethread.routing.repository.CoverageRepository.OnCallShift;
import org.carethread.routing.rest.ScheduleViews.AbsenceRequest;
import org.carethread.routing.rest.ScheduleViews.Holiday;
import org.carethread.routing.rest.ScheduleViews.Hours;
import org.carethread.routing.rest.ScheduleViews.OnCallRequest;
import org.carethread.routing.rest.ScheduleViews.OpeningInterval;
import org.carethread.routing.service.InvalidFieldsException;
import org.carethread.schemas.practice.OpeningHours;
import org.carethread.routing.service.RoutingSchedule;
import org.carethread.schemas.staff.StaffMember;
import org.carethread.schemas.staff.StaffRoles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;

/**
 * When each location is open (after hours, routine messages get an auto-reply and their clocks start at the next
 * opening), who is on call for emergencies, and who covers for staff who are away.
 */
@Path("/api/routing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ StaffRoles.FRONT_DESK, StaffRoles.SCHEDULING, StaffRoles.BILLING, StaffRoles.NURSE,
        StaffRoles.PROVIDER, StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
@Tag(name = "Hours and coverage")
@APIResponse(responseCode = "401", description = "No valid staff token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "Invalid fields",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = ValidationProblem.class)))
public class RoutingScheduleResource {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");
    private final RoutingSchedule schedule;
    private final SignedInStaff staff;

    public RoutingScheduleResource(RoutingSchedule schedule, SignedInStaff staff) {
        this.schedule = schedule;
        this.staff = staff;
    }

    @GET
    @Path("/locations/{code}/hours")
    @Operation(summary = "A location's weekly opening hours and holidays, in its time zone")
    @APIResponse(responseCode = "200", description = "The hours")
    public Uni<Hours> hours(@PathParam("code") String code) {
        return schedule.hoursOf(LocationCodes.ofStaff(code, staff.current())).map(RoutingScheduleResource::view);
    }

    @PUT
    @Path("/locations/{code}/hours")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(StaffRoles.PRACTICE_ADMIN)
    @Operation(summary = "Replace a location's opening hours and holidays",
            description = "And, when given, how often the after-hours reply may repeat for one patient.")
    @APIResponse(responseCode = "200", description = "The hours now in force")
    public Uni<Hours> replaceHours(@PathParam("code") String code, Hours body) {
        Hours request = Requests.body(body);
        Map<DayOfWeek, List<OpeningHours.Interval>> week = new EnumMap<>(DayOfWeek.class);
        for (OpeningInterval interval : request.weekly() == null ? List.<OpeningInterval>of() : request.weekly()) {
            if (interval == null || interval.day() == null || interval.opens() == null || interval.closes() == null) {
                throw new InvalidFieldsException("weekly", "each interval needs day, opens and closes (\"08:00\").");
            }
            week.computeIfAbsent(interval.day(), d -> new ArrayList<>())
                    .add(new OpeningHours.Interval(interval.opens(), interval.closes()));
        }
        Map<LocalDate, String> holidays = new LinkedHashMap<>();
        for (Holiday holiday : request.holidays() == null ? List.<Holiday>of() : request.holidays()) {
            if (holiday == null || holiday.date() == null) {
                throw new InvalidFieldsException("holidays", "each holiday needs a date (\"2026-12-25\") and a name.");
            }
            if (holidays.put(holiday.date(), holiday.name()) != null) {
                throw new InvalidFieldsException("holidays", holiday.date() + " is listed twice.");
            }
        }
        // The time zone is the location's own; it is not changed here.
        return schedule.replaceHours(LocationCodes.ofStaff(code, staff.current()), new OpeningHours(null, week, holidays),
                request.autoReplyIntervalMinutes(), staff.current().name()).map(RoutingScheduleResource::view);
    }

    @GET
    @Path("/locations/{code}/on-call")
    @Operation(summary = "On-call shifts at a location that have not ended")
    @APIResponse(responseCode = "200", description = "The shifts")
    public Uni<List<OnCallShift>> onCall(@PathParam("code") String code) {
        return schedule.onCall(LocationCodes.ofStaff(code, staff.current()));
    }

    @POST
    @Path("/locations/{code}/on-call")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
    @Operation(summary = "Put a staff member on call for a location's emergencies",
            description = "Emergency messages alert whoever's shift covers the moment the patient wrote.")
    @APIResponse(responseCode = "201", description = "The shift")
    public Uni<RestResponse<OnCallShift>> addOnCall(@PathParam("code") String code, OnCallRequest body) {
        OnCallRequest request = Requests.body(body);
        username("staffUser", request.staffUser());
        if (request.startsAt() == null || request.endsAt() == null || !request.startsAt().isBefore(request.endsAt())) {
            throw new InvalidFieldsException("endsAt", "startsAt and endsAt are required, startsAt before endsAt.");
        }
        return schedule.addOnCall(LocationCodes.ofStaff(code, staff.current()), request.staffUser(), request.startsAt(), request.endsAt())
                .map(shift -> RestResponse.status(RestResponse.Status.CREATED, shift));
    }

    @DELETE
    @Path("/locations/{code}/on-call/{shiftId}")
    @RolesAllowed({ StaffRoles.SUPERVISOR, StaffRoles.PRACTICE_ADMIN })
    @Operation(summary = "Take an on-call shift off the rota",
            description = "A shift under way ends at once: emergencies from then on alert whoever else is on call, or"
                    + " the whole clinical queue when nobody is.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "The location has no such shift",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> removeOnCall(@PathParam("code") String code, @PathParam("shiftId") String shiftId) {
        ProblemException noSuchShift = new ProblemException("no-shift", "No such shift", 404,
                "That location has no such on-call shift. GET its on-call list to see the shifts.");
        UUID id = Requests.id(shiftId, noSuchShift);
        return schedule.removeOnCall(LocationCodes.ofStaff(code, staff.current()), id).map(removed -> {
            if (!removed) {
                throw noSuchShift;
            }
            return RestResponse.<Void>noContent();
        });
    }

    @GET
    @Path("/absences")
    @Operation(summary = "Staff who are away or will be, with who covers for them")
    @APIResponse(responseCode = "200", description = "The absences")
    public Uni<List<Absence>> absences() {
        return schedule.absences();
    }

    @PUT
    @Path("/absences/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a staff member's out-of-office and who covers",
            description = "Staff set their own; supervisors and practice admins set anyone's. While away, messages a"
                    + " rule directs to them go to the colleague covering.")
    @APIResponse(responseCode = "200", description = "The absence")
    public Uni<Absence> setAbsence(@PathParam("username") String username, AbsenceRequest body) {
        mayManage(username);
        AbsenceRequest request = Requests.body(body);
        username("coveredBy", request.coveredBy());
        if (username.equals(request.coveredBy())) {
            throw new InvalidFieldsException("coveredBy", "must be a colleague, not the person who is away.");
        }
        if (request.awayFrom() == null || request.awayUntil() == null
                || !request.awayFrom().isBefore(request.awayUntil())) {
            throw new InvalidFieldsException("awayUntil", "awayFrom and awayUntil are required, awayFrom first.");
        }
        return schedule.setAbsence(new Absence(username, request.awayFrom(), request.awayUntil(), request.coveredBy()),
                staff.current().name());
    }

    @DELETE
    @Path("/absences/{username}")
    @Operation(summary = "End a staff member's out-of-office now")
    @APIResponse(responseCode = "204", description = "Ended")
    @APIResponse(responseCode = "404", description = "They were not away",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<RestResponse<Void>> endAbsence(@PathParam("username") String username) {
        mayManage(username);
        return schedule.endAbsence(username, staff.current().name()).map(ended -> {
            if (!ended) {
                throw new ProblemException("no-absence", "Not away", 404, "That staff member has no out-of-office set.");
            }
            return RestResponse.noContent();
        });
    }

    private void mayManage(String username) {
        StaffMember me = staff.current();
        boolean manager = me.roles().contains(StaffRoles.SUPERVISOR) || me.roles().contains(StaffRoles.PRACTICE_ADMIN);
        if (!manager && !username.equals(me.username())) {
            throw new ForbiddenException("only supervisors and practice admins set someone else's out-of-office");
        }
        username("username", username);
    }

    private static void username(String field, String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw new InvalidFieldsException(field, "a staff username: lower-case letters, digits, '.', '_', '-' or '@'.");
        }
    }

    private static Hours view(RoutingSchedule.LocationHours location) {
        OpeningHours hours = location.hours();
        List<OpeningInterval> weekly = new ArrayList<>();
        hours.week().forEach((day, intervals) -> intervals
                .forEach(interval -> weekly.add(new OpeningInterval(day, interval.opens(), interval.closes()))));
        List<Holiday> holidays = new ArrayList<>();
        hours.holidays().forEach((date, name) -> holidays.add(new Holiday(date, name)));
        return new Hours(hours.zone().getId(), weekly, holidays, location.autoReplyIntervalMinutes());
    }
}

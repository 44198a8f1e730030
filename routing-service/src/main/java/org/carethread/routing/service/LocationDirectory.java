package org.carethread.routing.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.LocationRepository;
import org.carethread.routing.repository.Queue;
import org.carethread.routing.repository.QueueRepository;
import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/** The practice's locations and queues, as operators and other services' staff screens see them. */
@ApplicationScoped
public class LocationDirectory {
    private final Mutiny.SessionFactory sessions;
    private final LocationRepository locations;
    private final QueueRepository queues;

    public LocationDirectory(Mutiny.SessionFactory sessions, LocationRepository locations, QueueRepository queues) {
        this.sessions = sessions;
        this.locations = locations;
        this.queues = queues;
    }

    public Uni<List<Location>> locations() {
        return sessions.withSession(locations::listAll);
    }

    /** The location, or {@code null} when the practice has none with that code. */
    public Uni<Location> location(String code) {
        return sessions.withSession(session -> locations.find(session, code));
    }

    public Uni<List<Queue>> queues() {
        return sessions.withSession(queues::listAll);
    }

    /** The location's queues, or {@code null} when the practice has no such location. */
    public Uni<List<Queue>> queuesOf(String locationCode) {
        return sessions.withSession(session -> locations.find(session, locationCode)
                .onItem().ifNotNull().transformToUni(location -> queues.listOfLocation(session, location.code)));
    }
}

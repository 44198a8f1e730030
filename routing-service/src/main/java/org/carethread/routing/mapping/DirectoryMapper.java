package org.carethread.routing.mapping;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.repository.Location;
import org.carethread.routing.repository.Queue;
import org.carethread.routing.rest.LocationView;
import org.carethread.routing.rest.QueueView;

@ApplicationScoped
public class DirectoryMapper {

    public LocationView toView(Location location) {
        return new LocationView(location.code, location.name, location.smsNumber, location.emailAddress,
                location.timeZone, location.defaultQueue);
    }

    public QueueView toView(Queue queue) {
        return new QueueView(queue.code, queue.name, queue.locationCode);
    }
}

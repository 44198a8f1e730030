package org.carethread.routing.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.routing.service.LocationDirectory;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Without a single location every inbound message would be dead-lettered, so the service is not ready. */
@Readiness
@ApplicationScoped
public class LocationDirectoryHealthCheck implements AsyncHealthCheck {
    private static final String NAME = "location-directory";

    private final LocationDirectory directory;

    public LocationDirectoryHealthCheck(LocationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return directory.locations()
                .map(locations -> HealthCheckResponse.named(NAME).status(!locations.isEmpty())
                        .withData("locations", locations.size()).build());
    }
}

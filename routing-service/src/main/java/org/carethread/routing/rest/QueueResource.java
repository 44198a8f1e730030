package org.carethread.routing.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.routing.mapping.DirectoryMapper;
import org.carethread.routing.repository.Queue;
import org.carethread.routing.service.LocationDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;

@Path("/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueueResource {
    private final LocationDirectory directory;
    private final DirectoryMapper mapper;

    public QueueResource(LocationDirectory directory, DirectoryMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "The practice's queues", description = "All queues, or those of one location.")
    @APIResponse(responseCode = "200", description = "Queues, by location and code")
    @APIResponse(responseCode = "400", description = "The location code is malformed")
    @APIResponse(responseCode = "404", description = "The practice has no such location")
    public Uni<List<QueueView>> list(
            @Parameter(description = "Only this location's queues, e.g. north") @RestQuery String location) {
        Uni<List<Queue>> queues;
        if (location == null) {
            queues = directory.queues();
        } else {
            LocationCodes.check(location);
            queues = directory.queuesOf(location)
                    .onItem().ifNull().failWith(() -> ProblemException.unknownLocation(location));
        }
        return queues.map(all -> all.stream().map(mapper::toView).toList());
    }
}

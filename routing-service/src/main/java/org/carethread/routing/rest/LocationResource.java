package org.carethread.routing.rest;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.carethread.routing.mapping.DirectoryMapper;
import org.carethread.routing.service.LocationDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

import io.smallrye.mutiny.Uni;

@Path("/locations")
@Produces(MediaType.APPLICATION_JSON)
public class LocationResource {
    private final LocationDirectory directory;
    private final DirectoryMapper mapper;

    public LocationResource(LocationDirectory directory, DirectoryMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @GET
    @Operation(summary = "The practice's locations", description = "Each with its SMS number, time zone and default queue.")
    @APIResponse(responseCode = "200", description = "All locations, by code")
    public Uni<List<LocationView>> list() {
        return directory.locations().map(all -> all.stream().map(mapper::toView).toList());
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One location")
    @APIResponse(responseCode = "200", description = "The location")
    @APIResponse(responseCode = "400", description = "The code is malformed")
    @APIResponse(responseCode = "404", description = "The practice has no such location")
    public Uni<LocationView> get(@RestPath String code) {
        LocationCodes.check(code);
        return directory.location(code)
                .onItem().ifNull().failWith(() -> ProblemException.unknownLocation(code))
                .map(mapper::toView);
    }
}

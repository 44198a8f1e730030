package org.carethread.routing.rest;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.carethread.routing.service.DirectoryExceptions.DuplicateMrn;
import org.carethread.routing.service.DirectoryExceptions.LinkEnded;
import org.carethread.routing.service.DirectoryExceptions.LinkNotFound;
import org.carethread.routing.service.DirectoryExceptions.PatientChanged;
import org.carethread.routing.service.DirectoryExceptions.PatientNotFound;
import org.carethread.routing.service.DirectoryExceptions.ReviewNotFound;
import org.carethread.routing.service.DirectoryExceptions.ReviewResolved;
import org.carethread.routing.service.DirectoryExceptions.UnreadableImport;
import org.carethread.routing.service.FieldError;
import org.carethread.routing.service.InvalidFieldsException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The staff API's refusals as RFC 9457 problem documents. Details name fields and say what to do; they never echo a
 * value from the request, because values are PHI.
 */
public class StaffProblemMapper {
    private static final String TYPE = "urn:carethread:problem:";

    @ServerExceptionMapper
    public Response invalidFields(InvalidFieldsException e) {
        String detail = e.errors().stream().map(error -> error.field() + ": " + error.problem())
                .collect(Collectors.joining(" "));
        return validation(422, "invalid-fields", "Some fields are not valid", detail, e.errors());
    }

    /** JSON of the wrong shape, e.g. a string where a list belongs; replaces the built-in answer. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (e instanceof UnrecognizedPropertyException && !field.isEmpty()) {
            // Only bodies read strictly (StrictBody) get here; the field's name is the admin's, not a patient's.
            String problem = "is not a field here; /q/openapi lists the fields a routing rule has.";
            return validation(422, "invalid-fields", "Some fields are not valid", field + ": " + problem,
                    List.of(new FieldError(field, problem)));
        }
        if (field.isEmpty()) {
            return problem(400, "invalid-request", "The request is not valid",
                    "The body is not the JSON this endpoint expects. See /q/openapi for its shape.");
        }
        return validation(400, "invalid-request", "The request is not valid", field
                + ": has the wrong type. See /q/openapi for the body's shape.",
                List.of(new FieldError(field, "has the wrong type. See /q/openapi for the body's shape.")));
    }

    @ServerExceptionMapper
    public Response patientNotFound(PatientNotFound e) {
        return problem(404, "patient-not-found", "Patient not found",
                "There is no patient with this id among the patients of your locations. Search the directory to find"
                        + " the patient.");
    }

    @ServerExceptionMapper
    public Response patientChanged(PatientChanged e) {
        return Response.fromResponse(problem(412, "patient-changed", "Patient has changed",
                "Someone changed this patient after you loaded them (now version " + e.currentVersion()
                        + "). Reload the patient, check what changed, and make your change again."))
                .header(HttpHeaders.ETAG, Requests.etag(e.currentVersion()))
                .build();
    }

    @ServerExceptionMapper
    public Response duplicateMrn(DuplicateMrn e) {
        return validation(409, "duplicate-mrn", "MRN already in use",
                "mrn: another patient of the practice has this MRN. Search by MRN to find them.",
                List.of(new FieldError("mrn", "another patient of the practice has this MRN.")));
    }

    @ServerExceptionMapper
    public Response reviewNotFound(ReviewNotFound e) {
        return problem(404, "identity-review-not-found", "Identity review not found",
                "There is no identity review with this id at your locations. GET /api/routing/identity-reviews lists"
                        + " the open ones.");
    }

    @ServerExceptionMapper
    public Response reviewResolved(ReviewResolved e) {
        return problem(409, "identity-review-resolved", "Identity review already resolved",
                "A colleague already confirmed who wrote. To correct it, link the sender to the right patient with"
                        + " POST /api/routing/patient-links.");
    }

    @ServerExceptionMapper
    public Response linkNotFound(LinkNotFound e) {
        return problem(404, "patient-link-not-found", "Patient link not found",
                "There is no patient link with this id at your locations. The patient's record lists their links.");
    }

    @ServerExceptionMapper
    public Response linkEnded(LinkEnded e) {
        return problem(409, "patient-link-ended", "Patient link already ended",
                "This link was already undone; nothing changed.");
    }

    @ServerExceptionMapper
    public Response unreadableImport(UnreadableImport e) {
        return problem(400, "unreadable-import", "The file cannot be imported", e.getMessage());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(problem(401, "unauthenticated", "Sign-in required",
                "Send a valid, unexpired staff access token as 'Authorization: Bearer <token>'. Sign in again if"
                        + " yours has expired."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(403, "forbidden", "Not allowed",
                "Your role does not allow this. Ask your practice administrator for access.");
    }

    /** Other JSON mapping failures (e.g. a value that cannot be read at all) without echoing the value. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e) {
        return problem(400, "invalid-request", "The request is not valid",
                "The body is not the JSON this endpoint expects. See /q/openapi for its shape.");
    }

    private static Response problem(int status, String type, String title, String detail) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(TYPE + type, title, status, detail)).build();
    }

    private static Response validation(int status, String type, String title, String detail,
            List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new ValidationProblem(TYPE + type, title, status, detail, errors)).build();
    }
}

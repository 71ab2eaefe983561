package dev.steelyard.chassis.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An RFC 9457 problem detail; {@code field} and {@code rule} name what was wrong with the input. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String field, String rule,
        List<Violation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rule broken by one field of the input. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String rule, String message) {
    }

    public static Problem of(Response.Status status, String detail) {
        return new Problem(typeOf(status.getStatusCode()), status.getReasonPhrase(), status.getStatusCode(), detail,
                null, null, List.of());
    }

    public static Problem of(int status, String title, String detail) {
        return new Problem(typeOf(status), title, status, detail, null, null, List.of());
    }

    public static Problem invalid(List<Violation> violations) {
        Violation first = violations.get(0);
        String detail = violations.size() == 1 ? first.field() + ": " + first.message()
                : violations.size() + " fields are invalid; first " + first.field() + ": " + first.message();
        return new Problem(typeOf(400), "Invalid input", 400, detail, first.field(), first.rule(), violations);
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }

    private static String typeOf(int status) {
        return switch (status) {
            case 400 -> "https://steelyard.dev/problems/invalid-input";
            case 401 -> "https://steelyard.dev/problems/unauthenticated";
            case 403 -> "https://steelyard.dev/problems/forbidden";
            case 404 -> "https://steelyard.dev/problems/not-found";
            case 409 -> "https://steelyard.dev/problems/conflict";
            case 413 -> "https://steelyard.dev/problems/body-too-large";
            default -> "about:blank";
        };
    }
}

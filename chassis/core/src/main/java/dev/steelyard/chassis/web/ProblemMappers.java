package dev.steelyard.chassis.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure into an RFC 9457 problem. Input errors name the field and the rule;
 * unexpected failures are logged with an id and answered without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalidInput(InvalidInputException e) {
        return Problem.invalid(e.violations()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return new Problem("https://steelyard.dev/problems/conflict", "Conflict", 409, e.getMessage(), e.field(), null,
                List.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        return Problem.invalid(violationsOf(e.getConstraintViolations())).toResponse();
    }

    /** Bean Validation violations as problem violations, named by field and rule, sorted by field. */
    public static List<Problem.Violation> violationsOf(java.util.Collection<? extends ConstraintViolation<?>> found) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : found) {
            String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
            violations.add(new Problem.Violation(fieldOf(violation.getPropertyPath()), ruleName(rule),
                    violation.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return violations;
    }

    @ServerExceptionMapper
    public Response unrecognizedField(UnrecognizedPropertyException e) {
        return invalid(pathOf(e), "known-field", "is not a field of this request");
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e) {
        String expected = e.getTargetType() == null ? "value" : describe(e.getTargetType());
        return invalid(pathOf(e), "format", "'" + e.getValue() + "' is not a valid " + expected);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        String expected = e.getTargetType() == null ? "value" : describe(e.getTargetType());
        return invalid(pathOf(e), "type", "must be a " + expected);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return invalid(pathOf(e), "value", cause.getMessage());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        return invalid("body", "json", "is not well-formed JSON (" + e.getOriginalMessage() + ")");
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return invalid(pathOf(e), "value", e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return invalid("body", "json", "cannot be read as JSON (" + e.getOriginalMessage() + ")");
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated() {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED,
                "A valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this request").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response original = e.getResponse();
        if (original.getStatus() == 400 && e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        Response.StatusType status = original.getStatusInfo();
        String detail = e.getMessage() != null && !e.getMessage().startsWith("HTTP ") ? e.getMessage()
                : status.getReasonPhrase();
        Response.ResponseBuilder answer = Response.fromResponse(
                Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail).toResponse());
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            answer.header(HttpHeaders.ALLOW, allow);
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure, incident %s", incident);
        return Problem.of(500, "Internal Server Error",
                "The request failed unexpectedly; quote incident " + incident + " to the operators").toResponse();
    }

    private static Response invalid(String field, String rule, String message) {
        return Problem.invalid(List.of(new Problem.Violation(field, rule, message))).toResponse();
    }

    /** The JSON path of the offending field, e.g. {@code lines[0].quantity}. */
    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    /** Drops the method and parameter nodes of a Bean Validation path: {@code post.request.lines[0].quantity}. */
    static String fieldOf(Path propertyPath) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : propertyPath) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, PARAMETER, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                default -> {
                }
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    private static String ruleName(String annotation) {
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Positive", "PositiveOrZero" -> "positive";
            case "Size" -> "size";
            case "Pattern" -> "format";
            case "DecimalMin", "Min" -> "minimum";
            case "DecimalMax", "Max" -> "maximum";
            default -> Character.toLowerCase(annotation.charAt(0)) + annotation.substring(1);
        };
    }

    private static String describe(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.math.BigDecimal.class) {
            return "decimal number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }
}

package dev.steelyard.chassis.web;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

/**
 * Path segments and query parameters are text too: one that holds a NUL character (sent as %00)
 * is refused with a problem naming it before any resource sees it, as {@link TextInput} does for bodies.
 */
public class ParameterText {

    @ServerRequestFilter(preMatching = true)
    public Response refuseUnstorableText(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        if (TextInput.problem(path) != null) {
            return refusal("path", TextInput.problem(path));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String problem = TextInput.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem != null ? problem : TextInput.problem(value);
            }
            if (problem != null) {
                return refusal(parameter.getKey(), problem);
            }
        }
        return null;
    }

    private static Response refusal(String field, String message) {
        return Problem.invalid(List.of(new Problem.Violation(field, "format", message))).toResponse();
    }
}

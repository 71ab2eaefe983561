package dev.steelyard.chassis.web;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Refuses bodies above the configured size with a problem before anything is read. The HTTP
 * layer's own, larger limit stays as a backstop for bodies without a Content-Length.
 */
public class BodySizeLimit {

    @ConfigProperty(name = "steelyard.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long bytes;
        try {
            bytes = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Problem.invalid(java.util.List.of(new Problem.Violation("Content-Length", "format",
                    "is not a number"))).toResponse();
        }
        if (bytes <= maxBodyBytes) {
            return null;
        }
        return new Problem("https://steelyard.dev/problems/body-too-large", "Content Too Large", 413,
                "The body has " + bytes + " bytes; the limit is " + maxBodyBytes, "body", "max-size",
                java.util.List.of()).toResponse();
    }
}

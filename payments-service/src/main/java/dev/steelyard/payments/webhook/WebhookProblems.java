package dev.steelyard.payments.webhook;

import java.util.List;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.steelyard.chassis.web.Problem;
import jakarta.ws.rs.core.Response;

/** Answers an unproven webhook with a 401 problem naming the header and rule, without saying which secret was tried. */
public class WebhookProblems {

    @ServerExceptionMapper
    public Response signature(WebhookSignatureException e) {
        return new Problem("https://steelyard.dev/problems/unauthenticated", "Unauthorized", 401, e.getMessage(),
                e.field(), e.rule(), List.of()).toResponse();
    }
}

package dev.steelyard.payments.webhook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The providers' doors. No bearer token: each request proves itself by its signature, checked
 * over the exact bytes received. A genuine request is stored, then answered; the work happens later.
 */
@Path("/webhooks")
@PermitAll
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    @Inject
    StripeSignature stripeSignature;

    @Inject
    StandardWebhookSignature standardSignature;

    @Inject
    AdyenHmac adyenHmac;

    @Inject
    WebhookQueue queue;

    @POST
    @Path("/stripe")
    public Response stripe(@HeaderParam(StripeSignature.HEADER) String signature, byte[] body) {
        stripeSignature.verify(signature, body);
        WebhookNotice notice = StripeEvents.read(body);
        return stored(queue.store(StripeEvents.SOURCE, text(body),
                List.of(new WebhookQueue.Item(notice.eventId(), notice.eventType(), 0))));
    }

    @POST
    @Path("/standard")
    public Response standard(@HeaderParam(StandardWebhookSignature.ID) String messageId,
            @HeaderParam(StandardWebhookSignature.TIMESTAMP) String timestamp,
            @HeaderParam(StandardWebhookSignature.SIGNATURE) String signature, byte[] body) {
        standardSignature.verify(messageId, timestamp, signature, body);
        WebhookNotice notice = StandardWebhookEvents.read(body, messageId);
        return stored(queue.store(StandardWebhookEvents.SOURCE, text(body),
                List.of(new WebhookQueue.Item(notice.eventId(), notice.eventType(), 0))));
    }

    /** Adyen batches notifications; every item must carry a valid HMAC before any is stored. */
    @POST
    @Path("/adyen")
    @Produces(MediaType.TEXT_PLAIN)
    public Response adyen(byte[] body) {
        List<JsonNode> items = AdyenNotifications.items(JsonPayload.parse(body));
        for (int i = 0; i < items.size(); i++) {
            adyenHmac.verify(items.get(i), i);
        }
        List<WebhookQueue.Item> stored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            WebhookNotice notice = AdyenNotifications.read(items.get(i), i);
            stored.add(new WebhookQueue.Item(notice.eventId(), notice.eventType(), i));
        }
        queue.store(AdyenNotifications.SOURCE, text(body), stored);
        // Adyen treats the notification as delivered only on this exact answer.
        return Response.ok("[accepted]", MediaType.TEXT_PLAIN).build();
    }

    private static Response stored(int newlyStored) {
        return Response.ok(Map.of("received", true, "duplicate", newlyStored == 0)).build();
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}

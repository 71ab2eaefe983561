package dev.steelyard.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.steelyard.chassis.testing.JwtIssuer;
import dev.steelyard.local.load.StandardWebhookSigner;

/**
 * Generates malformed and hostile requests for one documented operation: no, broken, expired,
 * forged and wrong-role tokens; a token limited to the attacker's legal entity asking for the
 * victim entity's ids; junk in every path and query parameter; JSON bodies with each field of
 * the wrong type, missing, a NUL or lone surrogate, or an absurd number; bodies that are not JSON,
 * of the wrong media type or over the 1 MiB limit; methods the path does not have; and for the
 * webhooks missing, malformed, forged, stale and replayed-over-other-bytes signatures and
 * genuinely signed payloads that are malformed. Every one of them must be refused.
 */
final class HostileRequests {

    /**
     * A request and what it tries, for the failure message. An oversized body is not in the
     * request: {@link OversizedBody} announces its length and sends only its start.
     */
    record Probe(String service, String label, HttpRequest request, long oversizedLength) {

        Probe(String service, String label, HttpRequest request) {
            this(service, label, request, 0);
        }
    }

    /** The victim entity's ids, which the attacker's token must not reach. */
    record Victim(String entity, String customer, String invoiceNumber, String paymentId, String disputeId,
            String limitRequestId) {
    }

    static final String ATTACKER = "SWEEP-A";
    static final String HEADERS_OVER_LIMIT = "headers over the 8 KiB limit";
    static final List<String> ALL_ROLES = List.of("erp", "collector", "credit-manager", "ops", "admin");
    private static final Set<String> ENTITY_NAMES = Set.of("legalEntity", "entity");
    private static final int ONE_MIB = 1024 * 1024;
    /** Junk values also sent with a token without roles: refused for the role before the junk is read. */
    private static final int ROLELESS_JUNK = 12;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Writes every character outside ASCII as a \\u escape, so half a surrogate pair arrives as sent. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature());

    /** Junk for path and query parameters. */
    static final List<String> JUNK = List.of("", " ", "\u0000", "' OR '1'='1", "1; DROP TABLE invoice; --",
            "../../../../etc/passwd", "..%2F..%2Fetc", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}",
            "\u202Eevil\u202C", "zero\u200Bwidth", "e\u0301\u0301\u0301", "\uD83D\uDE00", "\uFFFF", "\r\nX-Injected: 1",
            "A".repeat(2000), "-1", "0", "99999999999999999999999999", "1e400", "NaN", "Infinity", "2032-02-30",
            "2032-13-01", "0000-00-00", "31/12/2032", "true", "null", "[]", "{}", "%", "\\", "*", "SWEEP-A,SWEEP-B",
            "00000000-0000-0000-0000-000000000000", "not-a-uuid");
    /** Values of the right syntax for a string field that must still be refused. */
    private static final List<JsonNode> BAD_STRINGS = List.of(NODES.textNode("\u0000"),
            NODES.textNode("bad\uD800surrogate"), NODES.objectNode().set("nested", NODES.arrayNode().add(1)),
            NODES.arrayNode().add("x"));
    private static final List<JsonNode> BAD_NUMBERS = List.of(NODES.numberNode(new java.math.BigDecimal("1e400")),
            NODES.textNode("99999999999999999999999999999.99"), NODES.textNode("-1e400"), NODES.textNode("NaN"),
            NODES.textNode("Infinity"), NODES.textNode("0x10"), NODES.objectNode(), NODES.arrayNode(),
            NODES.textNode("\u0000"));

    private final Suite suite;
    private final Victim victim;
    private final String attacker;
    private final Map<String, String> hostileAuthorizations = new LinkedHashMap<>();
    private final AtomicInteger unique = new AtomicInteger();
    /** Webhook event ids differ from run to run, so no probe is taken for a redelivery of an earlier one. */
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    HostileRequests(Suite suite, Victim victim) {
        this.suite = suite;
        this.victim = victim;
        JwtIssuer issuer = suite.issuer();
        this.attacker = issuer.token("sweep-attacker", ALL_ROLES, List.of(ATTACKER), Duration.ofHours(2));
        String roleless = issuer.token("sweep-nobody", List.of(), Duration.ofHours(2));
        String[] parts = attacker.split("\\.");
        String[] other = issuer.token("sweep-admin", ALL_ROLES, Duration.ofHours(2)).split("\\.");
        hostileAuthorizations.put("no token", null);
        hostileAuthorizations.put("empty bearer", "Bearer ");
        hostileAuthorizations.put("garbage bearer", "Bearer abc.def.ghi");
        hostileAuthorizations.put("basic credentials", "Basic " + Base64.getEncoder().encodeToString(
                "admin:admin".getBytes(StandardCharsets.UTF_8)));
        hostileAuthorizations.put("expired token", "Bearer " + issuer.token("sweep", ALL_ROLES, Duration.ofHours(-1)));
        hostileAuthorizations.put("token of an untrusted key", "Bearer " + JwtIssuer.generate().token("intruder",
                ALL_ROLES, Duration.ofHours(2)));
        hostileAuthorizations.put("unsigned token (alg none)", "Bearer " + base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}")
                + "." + parts[1] + ".");
        hostileAuthorizations.put("claims swapped under another signature", "Bearer " + parts[0] + "." + other[1] + "."
                + parts[2]);
        hostileAuthorizations.put("token without roles", "Bearer " + roleless);
        hostileAuthorizations.put("token with an unknown role", "Bearer " + issuer.token("sweep-guest", List.of("guest"),
                Duration.ofHours(2)));
    }

    /** The broken, forged, expired and roleless Authorization headers (not the missing one). */
    List<String> hostileAuthorizations() {
        return hostileAuthorizations.values().stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Every hostile request for one operation. */
    List<Probe> of(OpenApiOperations.Operation operation) {
        List<Probe> probes = new ArrayList<>();
        if (operation.isWebhook()) {
            webhook(operation, probes::add);
            return probes;
        }
        Map<String, String> victimPath = pathValues(operation, true);
        Map<String, String> victimQuery = anchorQuery(operation);
        JsonNode victimBody = operation.bodySchema() == null ? null : example(operation.bodySchema(), operation.document(),
                victim.entity(), "");
        boolean reachesVictim = !victimPath.isEmpty() && operation.pathParameters().stream().anyMatch(this::identifies)
                || !victimQuery.isEmpty() || victimBody != null && mentionsEntity(victimBody);

        // Tokens that are missing, broken, expired, forged or without a role the operation allows.
        hostileAuthorizations.forEach((what, authorization) -> probes.add(probe(operation, what, operation.method(),
                victimPath, victimQuery, authorization, body(victimBody), "application/json")));

        if (reachesVictim) {
            probes.add(probe(operation, "attacker's token on the victim entity's ids", operation.method(), victimPath,
                    victimQuery, bearer(), body(victimBody), "application/json"));
            // Junk in one path or query parameter at a time, the rest still naming the victim's data.
            for (String parameter : operation.pathParameters()) {
                for (String junk : JUNK) {
                    Map<String, String> path = new LinkedHashMap<>(victimPath);
                    path.put(parameter, junk);
                    withJunk(probes, operation, "path " + parameter, junk, path, victimQuery, body(victimBody));
                }
            }
            for (String parameter : queryParameters(operation)) {
                for (String junk : JUNK) {
                    if (victimQuery.containsKey(parameter) && junk.isBlank()) {
                        continue; // a blank entity means none: the token's own entities, a legitimate question
                    }
                    Map<String, String> query = new LinkedHashMap<>(victimQuery);
                    query.put(parameter, junk);
                    withJunk(probes, operation, "query " + parameter, junk, victimPath, query, body(victimBody));
                }
            }
        }
        if (operation.bodySchema() != null) {
            bodies(operation, probes::add);
        }
        return probes;
    }

    /** One junk parameter value with the attacker's token and, for the first junk values, with a roleless one. */
    private void withJunk(List<Probe> probes, OpenApiOperations.Operation operation, String parameter, String junk,
            Map<String, String> path, Map<String, String> query, String body) {
        String what = parameter + "=" + shown(junk);
        probes.add(probe(operation, what, operation.method(), path, query, bearer(), body, "application/json"));
        if (JUNK.indexOf(junk) < ROLELESS_JUNK) {
            probes.add(probe(operation, what + ", token without roles", operation.method(), path, query, roleless(),
                    body, "application/json"));
        }
    }

    /** Methods a path does not have, with the attacker's token: 405 (or 404), never an answer. */
    List<Probe> methodsNotAllowed(OpenApiOperations.Operation any, Set<String> documented) {
        List<Probe> probes = new ArrayList<>();
        for (String method : OpenApiOperations.METHODS) {
            if (!documented.contains(method)) {
                probes.add(probe(any, "method " + method + " not offered", method, pathValues(any, true), Map.of(),
                        bearer(), "{}", "application/json"));
            }
        }
        return probes;
    }

    /**
     * Headers over the HTTP server's 8 KiB limit. Vert.x answers 431 itself, with no body, before
     * any application code runs: the one refusal that cannot be a problem document.
     */
    Probe headersOverLimit(OpenApiOperations.Operation any) {
        Probe probe = probe(any, HEADERS_OVER_LIMIT, any.method(), pathValues(any, true), Map.of(), bearer(), "{}",
                "application/json");
        HttpRequest request = HttpRequest.newBuilder(probe.request(), (name, value) -> true)
                .header("X-Padding", "A".repeat(9_000)).build();
        return new Probe(probe.service(), probe.label(), request);
    }

    // ---- bodies

    private void bodies(OpenApiOperations.Operation operation, Consumer<Probe> probes) {
        Map<String, String> ownPath = pathValues(operation, false);
        String method = operation.method();
        JsonNode base = example(operation.bodySchema(), operation.document(), ATTACKER, "");
        Map<String, String> query = Map.of();
        for (String text : List.of("", "{", "{\"a\":", "[]", "null", "\"text\"", "42", "<xml/>", "{}}", "\uFEFF{}",
                "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000))) {
            probes.accept(probe(operation, "body " + shown(text), method, ownPath, query, bearer(), text,
                    "application/json"));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            probes.accept(probe(operation, "content type " + type, method, ownPath, query, bearer(), json(base), type));
        }
        probes.accept(oversized(probe(operation, "body over 1 MiB", method, ownPath, query, bearer(), "{}",
                "application/json")));
        probes.accept(probe(operation, "empty object", method, ownPath, query, bearer(), "{}", "application/json"));
        forEachField(base, operation.bodySchema(), operation.document(), "", (path, schema, mutate) -> {
            boolean numeric = isNumeric(path, schema);
            if (schema.path("required-here").asBoolean()) {
                probes.accept(probe(operation, "without required " + path, method, ownPath, query, bearer(),
                        json(mutate.apply(null)), "application/json"));
            }
            String type = schema.path("type").asText();
            List<JsonNode> values = new ArrayList<>(numeric ? BAD_NUMBERS : BAD_STRINGS);
            if (type.equals("object")) {
                values = List.of(NODES.textNode("not an object"), NODES.arrayNode(), NODES.numberNode(1));
            } else if (type.equals("array")) {
                values = List.of(NODES.textNode("not a list"), NODES.objectNode(), NODES.numberNode(1));
            }
            for (JsonNode value : values) {
                probes.accept(probe(operation, path + "=" + shown(value.toString()), method, ownPath, query, bearer(),
                        json(mutate.apply(value)), "application/json"));
            }
        });
    }

    /** Called for each field, nested ones too, with a function giving the body with that field replaced (null: removed). */
    private interface FieldVisitor {
        void visit(String path, JsonNode schema, java.util.function.Function<JsonNode, JsonNode> mutate);
    }

    private void forEachField(JsonNode body, JsonNode schema, JsonNode document, String prefix, FieldVisitor visitor) {
        JsonNode resolved = OpenApiOperations.resolve(schema, document);
        if (!(body instanceof ObjectNode object)) {
            return;
        }
        Set<String> required = new java.util.HashSet<>();
        resolved.path("required").forEach(name -> required.add(name.asText()));
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            JsonNode fieldSchema = OpenApiOperations.resolve(resolved.path("properties").path(name), document);
            ObjectNode described = fieldSchema.isObject() ? ((ObjectNode) fieldSchema).deepCopy() : NODES.objectNode();
            if (resolved.path("properties").path(name).has("$ref") && !described.has("type")) {
                described.put("type", described.has("properties") ? "object" : "string");
            }
            described.put("required-here", required.contains(name));
            String path = prefix + name;
            visitor.visit(path, described, value -> {
                ObjectNode copy = object.deepCopy();
                if (value == null) {
                    copy.remove(name);
                } else {
                    copy.set(name, value);
                }
                return root(copy);
            });
            JsonNode child = object.get(name);
            if (child.isObject()) {
                forEachField(child, resolved.path("properties").path(name), document, path + ".",
                        (nested, nestedSchema, mutateNested) -> visitor.visit(nested, nestedSchema, value -> {
                            ObjectNode copy = object.deepCopy();
                            copy.set(name, mutateNested.apply(value));
                            return root(copy);
                        }));
            } else if (child.isArray() && child.size() > 0 && child.get(0).isObject()) {
                forEachField(child.get(0), resolved.path("properties").path(name).path("items"), document,
                        path + "[0].", (nested, nestedSchema, mutateNested) -> visitor.visit(nested, nestedSchema, value -> {
                            ObjectNode copy = object.deepCopy();
                            ArrayNode items = NODES.arrayNode().add(mutateNested.apply(value));
                            copy.set(name, items);
                            return root(copy);
                        }));
            }
        }
    }

    /** Identity: nesting is rebuilt by the callers above, each returning the object it was given. */
    private static JsonNode root(JsonNode node) {
        return node;
    }

    /** A plausible body from the schema: the entity fields name the given entity, dates are dates, amounts amounts. */
    static JsonNode example(JsonNode schema, JsonNode document, String entity, String name) {
        JsonNode resolved = OpenApiOperations.resolve(schema, document);
        if (resolved.has("enum")) {
            return resolved.path("enum").get(0);
        }
        String ref = schema.path("$ref").asText("");
        if (ref.endsWith("/LocalDate")) {
            return NODES.textNode("2032-01-15");
        }
        if (ref.endsWith("/Instant")) {
            return NODES.textNode("2032-01-15T10:00:00Z");
        }
        if (ref.endsWith("/UUID")) {
            return NODES.textNode(UUID.randomUUID().toString());
        }
        switch (resolved.path("type").asText(resolved.has("properties") ? "object" : "string")) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> fields = resolved.path("properties").fields(); fields.hasNext();) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    object.set(field.getKey(), example(field.getValue(), document, entity, field.getKey()));
                }
                return object;
            }
            case "array" -> {
                return NODES.arrayNode().add(example(resolved.path("items"), document, entity, name));
            }
            case "number" -> {
                return NODES.numberNode(new java.math.BigDecimal("10.00"));
            }
            case "integer" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                if (ENTITY_NAMES.contains(name)) {
                    return NODES.textNode(entity);
                }
                if (name.equals("currency")) {
                    return NODES.textNode("EUR");
                }
                if (name.toLowerCase().contains("email")) {
                    return NODES.textNode("sweep@example.com");
                }
                return NODES.textNode(name.toLowerCase().contains("date") ? "2032-01-15" : "sweep");
            }
        }
    }

    private static boolean isNumeric(String path, JsonNode schema) {
        String type = schema.path("type").asText();
        String field = path.substring(path.lastIndexOf('.') + 1).toLowerCase();
        return type.equals("number") || type.equals("integer") || field.matches(
                ".*(amount|price|quantity|rate|percent|days|value|assets|liabilities|earnings|ebit|equity|sales).*");
    }

    private static boolean mentionsEntity(JsonNode body) {
        return body.isObject() && ENTITY_NAMES.stream().anyMatch(body::has);
    }

    private static Probe oversized(Probe probe) {
        return new Probe(probe.service(), probe.label(), probe.request(), ONE_MIB + 1L);
    }

    // ---- parameters

    private boolean identifies(String parameter) {
        return !parameter.equals("code") && !parameter.equals("month") && !parameter.equals("orderRef");
    }

    private Map<String, String> pathValues(OpenApiOperations.Operation operation, boolean ofVictim) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String parameter : operation.pathParameters()) {
            values.put(parameter, ofVictim ? victimValue(operation, parameter) : ownValue(operation, parameter));
        }
        return values;
    }

    private String victimValue(OpenApiOperations.Operation operation, String parameter) {
        return switch (parameter) {
            case "legalEntity", "entity" -> victim.entity();
            case "customer", "customerId" -> victim.customer();
            case "invoiceNumber" -> victim.invoiceNumber();
            case "paymentId" -> victim.paymentId();
            case "id" -> operation.path().startsWith("/disputes") ? victim.disputeId() : victim.limitRequestId();
            case "month" -> "2032-01";
            default -> "SWEEP-" + parameter;
        };
    }

    private String ownValue(OpenApiOperations.Operation operation, String parameter) {
        return switch (parameter) {
            case "legalEntity", "entity" -> ATTACKER;
            case "customer", "customerId" -> "SWEEP-A-C1";
            case "paymentId" -> UUID.randomUUID().toString();
            case "id" -> operation.path().startsWith("/disputes") ? UUID.randomUUID().toString() : "987654321";
            case "month" -> "2032-01";
            default -> "SWEEP-A-" + parameter;
        };
    }

    /** The query that names the victim entity, if the operation takes one; kpi-service reads its scope from the query. */
    private Map<String, String> anchorQuery(OpenApiOperations.Operation operation) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String parameter : queryParameters(operation)) {
            if (ENTITY_NAMES.contains(parameter)) {
                query.put(parameter, victim.entity());
            }
        }
        return query;
    }

    /** The documented query parameters; kpi-service's KPI queries read theirs from the URI (see its README). */
    private static List<String> queryParameters(OpenApiOperations.Operation operation) {
        if (operation.path().startsWith("/kpis/")) {
            return List.of("entity", "customer", "currency", "knownAt", "asOf", "from", "to");
        }
        return operation.queryParameters();
    }

    // ---- webhooks

    private void webhook(OpenApiOperations.Operation operation, Consumer<Probe> probes) {
        switch (operation.path()) {
            case "/webhooks/standard" -> standard(operation, probes);
            case "/webhooks/stripe" -> stripe(operation, probes);
            case "/webhooks/adyen" -> adyen(operation, probes);
            default -> throw new IllegalStateException("a webhook this sweep does not know how to sign: "
                    + operation.path() + "; teach HostileRequests its signature");
        }
    }

    private ObjectNode standardPayload() {
        String id = "sweep-" + run + "-" + unique.incrementAndGet();
        ObjectNode data = NODES.objectNode().put("legalEntity", ATTACKER).put("customerId", "SWEEP-A-C1")
                .put("paymentId", "SWEEP-" + id).put("amount", "10.00").put("currency", "EUR")
                .put("valueDate", "2032-01-15").put("method", "BANK_TRANSFER");
        data.set("remittanceReferences", NODES.arrayNode().add("SWEEP-A-404"));
        ObjectNode payload = NODES.objectNode().put("type", "payment.received").put("id", id);
        payload.set("data", data);
        return payload;
    }

    private void standard(OpenApiOperations.Operation operation, Consumer<Probe> probes) {
        StandardWebhookSigner genuine = new StandardWebhookSigner(suite.webhookSecret("STANDARD_SECRETS"));
        StandardWebhookSigner forged = new StandardWebhookSigner("whsec_" + Base64.getEncoder().encodeToString(
                "not the configured secret at all".getBytes(StandardCharsets.UTF_8)));
        long now = Instant.now().getEpochSecond();
        String body = json(standardPayload());
        String id = "msg-" + run + "-" + unique.incrementAndGet();
        record Headers(String what, String id, String timestamp, String signature) {
        }
        List<Headers> variants = List.of(new Headers("no signature", id, "" + now, null),
                new Headers("garbage signature", id, "" + now, "v1,AAAA"),
                new Headers("unknown signature version", id, "" + now, genuine.sign(id, now, body).replace("v1,", "v9,")),
                new Headers("forged secret", id, "" + now, forged.sign(id, now, body)),
                new Headers("signature of another body", id, "" + now, genuine.sign(id, now, body + " ")),
                new Headers("signature of another id", id, "" + now, genuine.sign(id + "x", now, body)),
                new Headers("timestamp 10 minutes old", id, "" + (now - 600), genuine.sign(id, now - 600, body)),
                new Headers("timestamp 10 minutes ahead", id, "" + (now + 600), genuine.sign(id, now + 600, body)),
                new Headers("timestamp not a number", id, "soon", genuine.sign(id, now, body)),
                new Headers("no webhook-id", null, "" + now, genuine.sign(id, now, body)),
                new Headers("no timestamp", id, null, genuine.sign(id, now, body)));
        for (Headers variant : variants) {
            probes.accept(webhookProbe(operation, variant.what(), body, headers -> {
                put(headers, "webhook-id", variant.id());
                put(headers, "webhook-timestamp", variant.timestamp());
                put(headers, "webhook-signature", variant.signature());
            }));
        }
        // Genuinely signed, but malformed.
        for (String text : List.of("", "{", "[]", "null", "{}")) {
            probes.accept(signedStandard(operation, genuine, "signed body " + shown(text), text));
        }
        probes.accept(oversized(signedStandard(operation, genuine, "body over 1 MiB", "{}")));
        ObjectNode base = standardPayload();
        for (String field : List.of("type", "data")) {
            ObjectNode copy = base.deepCopy();
            copy.remove(field);
            probes.accept(signedStandard(operation, genuine, "signed, without " + field, json(copy)));
        }
        for (Iterator<String> names = base.path("data").fieldNames(); names.hasNext();) {
            String field = names.next();
            List<JsonNode> values = new ArrayList<>(isNumeric(field, NODES.objectNode()) ? BAD_NUMBERS : BAD_STRINGS);
            values.add(null);
            if (field.equals("amount")) {
                values.addAll(List.of(NODES.textNode("-10.00"), NODES.textNode("0"), NODES.textNode("10.001")));
            }
            if (field.equals("currency")) {
                values.addAll(List.of(NODES.textNode("XXX1"), NODES.textNode("")));
            }
            if (field.equals("remittanceReferences")) {
                values = new ArrayList<>(List.of(NODES.textNode("not a list"), NODES.objectNode(),
                        NODES.arrayNode().add(NODES.objectNode()), NODES.arrayNode().add("\u0000")));
            }
            if (field.equals("valueDate")) {
                values.addAll(List.of(NODES.textNode("2032-02-30"), NODES.textNode("15.01.2032")));
            }
            for (JsonNode value : values) {
                if (field.equals("remittanceReferences") && value == null) {
                    continue; // optional: a payment without references is legitimate
                }
                ObjectNode payload = standardPayload();
                String shown = replace((ObjectNode) payload.path("data"), field, value);
                probes.accept(signedStandard(operation, genuine, "signed, data." + field + "=" + shown, json(payload)));
            }
        }
    }

    /** Sets a field to a hostile value, or removes it when the value is null; returns the value as shown in labels. */
    private static String replace(ObjectNode target, String field, JsonNode value) {
        if (value == null) {
            target.remove(field);
            return "(missing)";
        }
        target.set(field, value);
        return shown(value.toString());
    }

    private Probe signedStandard(OpenApiOperations.Operation operation, StandardWebhookSigner signer, String what,
            String body) {
        String id = "msg-" + run + "-" + unique.incrementAndGet();
        long now = Instant.now().getEpochSecond();
        return webhookProbe(operation, what, body, headers -> {
            headers.put("webhook-id", id);
            headers.put("webhook-timestamp", Long.toString(now));
            headers.put("webhook-signature", signer.sign(id, now, body));
        });
    }

    private ObjectNode stripePayload() {
        String id = "evt_sweep_" + run + "_" + unique.incrementAndGet();
        ObjectNode metadata = NODES.objectNode().put("entity", ATTACKER).put("customer", "SWEEP-A-C1")
                .put("invoice_numbers", "SWEEP-A-404");
        ObjectNode object = NODES.objectNode().put("id", "pi_" + id).put("amount_received", 1000).put("currency", "eur");
        object.set("payment_method_types", NODES.arrayNode().add("card"));
        object.set("metadata", metadata);
        ObjectNode payload = NODES.objectNode().put("id", id).put("type", "payment_intent.succeeded")
                .put("created", 1_957_000_000L);
        payload.set("data", NODES.objectNode().set("object", object));
        return payload;
    }

    private void stripe(OpenApiOperations.Operation operation, Consumer<Probe> probes) {
        String secret = suite.webhookSecret("STRIPE_SECRETS");
        long now = Instant.now().getEpochSecond();
        String body = json(stripePayload());
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("no signature", null);
        variants.put("garbage signature", "t=" + now + ",v1=zz");
        variants.put("signature without timestamp", WebhookSignatures.stripe(secret, now, body).replaceAll("t=\\d+,", ""));
        variants.put("forged secret", WebhookSignatures.stripe("whsec_forged", now, body));
        variants.put("signature of another body", WebhookSignatures.stripe(secret, now, body + "\n"));
        variants.put("timestamp 10 minutes old", WebhookSignatures.stripe(secret, now - 600, body));
        variants.put("timestamp 10 minutes ahead", WebhookSignatures.stripe(secret, now + 600, body));
        variants.put("test-mode scheme only", WebhookSignatures.stripe(secret, now, body).replace("v1=", "v0="));
        variants.forEach((what, signature) -> probes.accept(webhookProbe(operation, what, body,
                headers -> put(headers, "Stripe-Signature", signature))));
        for (String text : List.of("", "{", "[]", "null", "{}")) {
            probes.accept(signedStripe(operation, secret, "signed body " + shown(text), text));
        }
        probes.accept(oversized(signedStripe(operation, secret, "body over 1 MiB", "{}")));
        for (String field : List.of("amount_received", "currency", "metadata.entity", "metadata.customer", "id")) {
            List<JsonNode> values = new ArrayList<>(field.equals("amount_received") ? BAD_NUMBERS : BAD_STRINGS);
            values.add(null);
            if (field.equals("amount_received")) {
                values.addAll(List.of(NODES.numberNode(-1000), NODES.numberNode(10.5)));
            }
            for (JsonNode value : values) {
                ObjectNode payload = stripePayload();
                ObjectNode target = (ObjectNode) payload.path("data").path("object");
                String name = field;
                if (field.startsWith("metadata.")) {
                    target = (ObjectNode) target.path("metadata");
                    name = field.substring("metadata.".length());
                }
                String shown = replace(target, name, value);
                probes.accept(signedStripe(operation, secret, "signed, data.object." + field + "=" + shown,
                        json(payload)));
            }
        }
    }

    private Probe signedStripe(OpenApiOperations.Operation operation, String secret, String what, String body) {
        String signature = WebhookSignatures.stripe(secret, Instant.now().getEpochSecond(), body);
        return webhookProbe(operation, what, body, headers -> headers.put("Stripe-Signature", signature));
    }

    private void adyen(OpenApiOperations.Operation operation, Consumer<Probe> probes) {
        String key = suite.webhookSecret("ADYEN_HMAC_KEYS");
        String forgedKey = "00".repeat(32);
        probes.accept(webhookProbe(operation, "no hmacSignature", adyenBody(key, item -> ((ObjectNode) item
                .path("additionalData")).remove("hmacSignature")), headers -> { }));
        probes.accept(webhookProbe(operation, "forged key", adyenBody(forgedKey, item -> { }), headers -> { }));
        probes.accept(webhookProbe(operation, "garbage hmacSignature", adyenBody(key, item -> ((ObjectNode) item
                .path("additionalData")).put("hmacSignature", "not base64!")), headers -> { }));
        probes.accept(webhookProbe(operation, "signature of other fields", adyenBody(key, item -> ((ObjectNode) item)
                .put("merchantReference", "SWEEP-A-OTHER")), headers -> { }));
        for (String text : List.of("", "{", "[]", "null", "{}", "{\"notificationItems\":{}}",
                "{\"notificationItems\":[{}]}")) {
            probes.accept(webhookProbe(operation, "body " + shown(text), text, headers -> { }));
        }
        probes.accept(oversized(webhookProbe(operation, "body over 1 MiB", "{}", headers -> { })));
        // Genuinely signed over the mutated fields, but malformed.
        List<JsonNode> badValues = new ArrayList<>(BAD_NUMBERS);
        badValues.addAll(List.of(NODES.numberNode(-1000), NODES.numberNode(10.5)));
        for (JsonNode value : badValues) {
            probes.accept(webhookProbe(operation, "signed, amount.value=" + shown(value.toString()), adyenSigned(key,
                    item -> ((ObjectNode) item.path("amount")).set("value", value)), headers -> { }));
        }
        for (JsonNode value : List.of(NODES.textNode("XXX1"), NODES.textNode(""), NODES.textNode("\u0000"))) {
            probes.accept(webhookProbe(operation, "signed, amount.currency=" + shown(value.toString()), adyenSigned(key,
                    item -> ((ObjectNode) item.path("amount")).set("currency", value)), headers -> { }));
        }
        for (String field : List.of("metadata.entity", "metadata.customer")) {
            for (JsonNode value : BAD_STRINGS) {
                probes.accept(webhookProbe(operation, "signed, additionalData." + field + "=" + shown(value.toString()),
                        adyenSigned(key, item -> ((ObjectNode) item.path("additionalData")).set(field, value)),
                        headers -> { }));
            }
            probes.accept(webhookProbe(operation, "signed, without additionalData." + field,
                    adyenSigned(key, item -> ((ObjectNode) item.path("additionalData")).remove(field)), headers -> { }));
        }
        for (JsonNode value : List.of(NODES.textNode("yesterday"), NODES.textNode("2032-02-30T10:00:00+01:00"),
                NODES.numberNode(1))) {
            probes.accept(webhookProbe(operation, "signed, eventDate=" + shown(value.toString()),
                    adyenSigned(key, item -> ((ObjectNode) item).set("eventDate", value)), headers -> { }));
        }
    }

    private ObjectNode adyenItem() {
        String psp = "SWEEPPSP" + run.toUpperCase() + unique.incrementAndGet();
        ObjectNode item = NODES.objectNode();
        item.set("additionalData", NODES.objectNode().put("metadata.entity", ATTACKER)
                .put("metadata.customer", "SWEEP-A-C1"));
        item.set("amount", NODES.objectNode().put("currency", "EUR").put("value", 1000));
        item.put("eventCode", "AUTHORISATION").put("eventDate", "2032-01-15T10:00:00+01:00")
                .put("merchantAccountCode", "SteelyardEU").put("merchantReference", "SWEEP-A-404")
                .put("pspReference", psp).put("success", "true");
        return item;
    }

    /** Signed first, then changed: the signature no longer matches. */
    private String adyenBody(String key, Consumer<JsonNode> change) {
        ObjectNode item = adyenItem();
        sign(item, key);
        change.accept(item);
        return adyenEnvelope(item);
    }

    /** Changed first, then signed over the changed fields. */
    private String adyenSigned(String key, Consumer<JsonNode> change) {
        ObjectNode item = adyenItem();
        change.accept(item);
        sign(item, key);
        return adyenEnvelope(item);
    }

    private static void sign(ObjectNode item, String key) {
        String fields = String.join(":", item.path("pspReference").asText(""), item.path("originalReference").asText(""),
                item.path("merchantAccountCode").asText(""), item.path("merchantReference").asText(""),
                item.path("amount").path("value").asText(""), item.path("amount").path("currency").asText(""),
                item.path("eventCode").asText(""), item.path("success").asText(""));
        ((ObjectNode) item.path("additionalData")).put("hmacSignature", WebhookSignatures.adyen(key, fields));
    }

    private static String adyenEnvelope(ObjectNode item) {
        ObjectNode envelope = NODES.objectNode().put("live", "false");
        envelope.set("notificationItems", NODES.arrayNode().add(NODES.objectNode().set("NotificationRequestItem", item)));
        return json(envelope);
    }

    private Probe webhookProbe(OpenApiOperations.Operation operation, String what, String body,
            Consumer<Map<String, String>> headers) {
        Map<String, String> values = new LinkedHashMap<>();
        headers.accept(values);
        HttpRequest.Builder request = HttpRequest.newBuilder(suite.uri(operation.service()).resolve(operation.path()))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        values.forEach(request::header);
        return new Probe(operation.service(), "POST " + operation.path() + " (POST): " + what, request.build());
    }

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }

    // ---- requests

    private String roleless() {
        return hostileAuthorizations.get("token without roles");
    }

    private String bearer() {
        return "Bearer " + attacker;
    }

    private static String body(JsonNode body) {
        return body == null ? null : json(body);
    }

    private Probe probe(OpenApiOperations.Operation operation, String what, String method, Map<String, String> path,
            Map<String, String> query, String authorization, String body, String contentType) {
        String expanded = operation.path();
        for (Map.Entry<String, String> parameter : path.entrySet()) {
            expanded = expanded.replace("{" + parameter.getKey() + "}", encode(parameter.getValue()));
        }
        StringBuilder uri = new StringBuilder(suite.uri(operation.service()).toString()).append(expanded);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null && !method.equals("GET") && !method.equals("DELETE")) {
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return new Probe(operation.service(), operation.method() + " " + operation.path() + " (" + method + "): " + what,
                request.build());
    }

    /** Percent-encoded as a path segment or query value; "+" would be a space in a query, so spaces are %20. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String shown(String value) {
        String printable = value.length() > 40 ? value.substring(0, 37) + "...(" + value.length() + " chars)" : value;
        StringBuilder shown = new StringBuilder();
        printable.codePoints().forEach(c -> shown.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04X", c)
                : Character.toString(c)));
        return "'" + shown + "'";
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

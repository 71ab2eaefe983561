package dev.steelyard.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Tops the hostile requests of one operation up to a minimum by generating variants of them that
 * keep the reason each is refused and add more hostility: another broken or foreign token, unknown
 * query parameters carrying junk, and headers that try to spoof the entity, the method, the path
 * or the client. A seeded generator, so that a failure can be sent again as it was. Variants stay
 * under the HTTP server's limits (4 KiB request line, 8 KiB of headers): beyond them the server
 * refuses before any application code runs, which {@link HostileRequests#headersOverLimit} covers.
 */
final class GeneratedVariants {

    private static final List<String> QUERY_NAMES = List.of("debug", "admin", "role", "_method", "__proto__",
            "constructor", "legal_entity", "callback", "format", "page[size]", "sort", "expand");
    private static final List<String> ASCII_JUNK = List.of("SWEEP-B", "*", "' OR '1'='1", "../../etc/passwd",
            "${jndi:ldap://127.0.0.1/x}", "<script>alert(1)</script>", "-1", "99999999999999999999999999", "NaN",
            "A".repeat(500), "%00", "true", "null", "{}", "[]");
    private static final List<String> SPOOFING_HEADERS = List.of("X-Legal-Entity", "X-Entity", "X-Tenant-Id",
            "X-HTTP-Method-Override", "X-Original-URL", "X-Rewrite-URL", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Real-IP", "X-User-Roles", "Forwarded", "Idempotency-Key", "Accept-Language",
            "X-Request-Id");
    private static final List<String> SPOOFED_VALUES = List.of("SWEEP-B", "DELETE", "/admin/rebuild",
            "127.0.0.1", "evil.example", "admin", "for=127.0.0.1;host=evil.example;proto=https", "*",
            "' OR '1'='1", "A".repeat(500), "SWEEP-A, SWEEP-B");

    private final Random random;
    private final List<String> hostileAuthorizations;

    GeneratedVariants(long seed, List<String> hostileAuthorizations) {
        this.random = new Random(seed);
        this.hostileAuthorizations = hostileAuthorizations;
    }

    /** Adds variants of the given probes, each refused for the reason its original is, until there are {@code minimum}. */
    void topUp(List<HostileRequests.Probe> probes, int minimum) {
        List<HostileRequests.Probe> originals = probes.stream().filter(probe -> probe.oversizedLength() == 0).toList();
        if (originals.isEmpty()) {
            throw new IllegalStateException("no request to vary");
        }
        for (int variant = 1; probes.size() < minimum; variant++) {
            HostileRequests.Probe original = originals.get(random.nextInt(originals.size()));
            HttpRequest.Builder request = HttpRequest.newBuilder(original.request(), (name, value) -> true);
            URI uri = original.request().uri();
            List<String> changes = new ArrayList<>();
            int changeCount = 1 + random.nextInt(3);
            for (int change = 0; change < changeCount; change++) {
                switch (random.nextInt(3)) {
                    case 0 -> {
                        if (original.label().contains("token") || original.label().contains("credentials")
                                || original.label().contains("bearer")) {
                            continue; // already refused for its token; another one would only repeat it
                        }
                        String authorization = hostileAuthorizations.get(random.nextInt(hostileAuthorizations.size()));
                        request.setHeader("Authorization", authorization);
                        changes.add("authorization #" + hostileAuthorizations.indexOf(authorization));
                    }
                    case 1 -> {
                        String name = QUERY_NAMES.get(random.nextInt(QUERY_NAMES.size()));
                        String value = ASCII_JUNK.get(random.nextInt(ASCII_JUNK.size()));
                        uri = withQuery(uri, name, value);
                        changes.add("query " + name);
                    }
                    default -> {
                        String name = SPOOFING_HEADERS.get(random.nextInt(SPOOFING_HEADERS.size()));
                        request.setHeader(name, SPOOFED_VALUES.get(random.nextInt(SPOOFED_VALUES.size())));
                        changes.add("header " + name);
                    }
                }
            }
            if (changes.isEmpty()) {
                uri = withQuery(uri, "debug", "true");
                changes.add("query debug");
            }
            request.uri(uri);
            probes.add(new HostileRequests.Probe(original.service(), original.label() + " + generated variant "
                    + variant + " (" + String.join(", ", changes) + ")", request.build()));
        }
    }

    private static URI withQuery(URI uri, String name, String value) {
        String text = uri.toString();
        return URI.create(text + (uri.getRawQuery() == null ? '?' : '&') + encode(name) + "=" + encode(value));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Map<String, Integer> counts(List<HostileRequests.Probe> probes) {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        probes.forEach(probe -> counts.merge(probe.label().substring(0, probe.label().indexOf(" (")), 1, Integer::sum));
        return counts;
    }
}

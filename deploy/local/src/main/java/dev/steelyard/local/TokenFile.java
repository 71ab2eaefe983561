package dev.steelyard.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.steelyard.chassis.testing.JwtIssuer;

/**
 * Bearer tokens for trying the stack by hand, one per role, in {@code run/tokens.env}. They are
 * minted again on every start, so an expired token is fixed by restarting.
 */
final class TokenFile {

    static final Duration VALIDITY = Duration.ofDays(30);

    /** Variable name to the role in the token's {@code groups} claim (see chassis Roles). */
    static final Map<String, String> ROLES = roles();

    private TokenFile() {
    }

    static void write(JwtIssuer issuer, Path file) {
        Map<String, String> tokens = new LinkedHashMap<>();
        ROLES.forEach((variable, role) -> tokens.put(variable, issuer.token("local-" + role, List.of(role), VALIDITY)));
        EnvFile.write(file, List.of(
                "Bearer tokens for the local Steelyard stack, one per role, valid for " + VALIDITY.toDays()
                        + " days; minted again on every start.",
                "Use: source deploy/local/run/tokens.env; curl -H \"Authorization: Bearer $STEELYARD_TOKEN_OPS\" ..."),
                tokens);
    }

    private static Map<String, String> roles() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("STEELYARD_TOKEN_ERP", "erp");
        roles.put("STEELYARD_TOKEN_COLLECTOR", "collector");
        roles.put("STEELYARD_TOKEN_CREDIT_MANAGER", "credit-manager");
        roles.put("STEELYARD_TOKEN_OPS", "ops");
        roles.put("STEELYARD_TOKEN_ADMIN", "admin");
        return Collections.unmodifiableMap(roles);
    }
}

package dev.steelyard.chassis.testing;

import java.time.Duration;
import java.util.List;

/** Bearer tokens for tests, signed by the test infrastructure's key. */
public final class Tokens {

    private Tokens() {
    }

    /** A token with the given roles, for every legal entity. */
    public static String withRoles(String... roles) {
        return TestInfrastructure.get().jwt().token("test-user", List.of(roles), Duration.ofHours(1));
    }

    /** A token with the given roles, limited to the given legal entities. */
    public static String limitedTo(List<String> entities, String... roles) {
        return TestInfrastructure.get().jwt().token("test-user", List.of(roles), entities, Duration.ofHours(1));
    }

    /** A token that expired an hour ago. */
    public static String expired(String... roles) {
        return TestInfrastructure.get().jwt().token("test-user", List.of(roles), Duration.ofHours(-1));
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String forged(String... roles) {
        return JwtIssuer.generate().token("intruder", List.of(roles), Duration.ofHours(1));
    }
}

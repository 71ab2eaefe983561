package dev.steelyard.chassis.security;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.ws.rs.NotFoundException;

/**
 * The legal entities the caller's token may see, from its {@code entities} claim. A token
 * without the claim sees every entity; data of other entities is invisible, never forbidden.
 */
@RequestScoped
public class EntityScope {

    public static final String CLAIM = "entities";

    @Inject
    JsonWebToken token;

    /** Empty when the token may see every legal entity. */
    public Optional<Set<String>> restriction() {
        Object claim = token.getClaim(CLAIM);
        if (claim == null) {
            return Optional.empty();
        }
        if (claim instanceof JsonArray array) {
            return Optional.of(array.getValuesAs(JsonString.class).stream().map(JsonString::getString)
                    .collect(Collectors.toUnmodifiableSet()));
        }
        if (claim instanceof Collection<?> values) {
            return Optional.of(values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.of(Set.of(String.valueOf(claim).replace("\"", "")));
    }

    public boolean canSee(String legalEntity) {
        return restriction().map(entities -> entities.contains(legalEntity)).orElse(true);
    }

    /** Answers 404 for an item of an entity the caller may not see, so its existence does not leak. */
    public void requireVisible(String legalEntity, String what) {
        if (!canSee(legalEntity)) {
            throw new NotFoundException(what + " not found");
        }
    }
}

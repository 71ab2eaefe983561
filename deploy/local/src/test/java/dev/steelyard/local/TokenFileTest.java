package dev.steelyard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.steelyard.chassis.testing.JwtIssuer;

class TokenFileTest {

    @TempDir
    Path run;

    @Test
    void writesOneTokenPerRoleThatCarriesTheRole() {
        Path file = run.resolve("tokens.env");
        TokenFile.write(JwtIssuer.generate(), file);

        Map<String, String> tokens = EnvFile.read(file);
        assertEquals(TokenFile.ROLES.keySet(), tokens.keySet());
        String claims = new String(Base64.getUrlDecoder().decode(tokens.get("STEELYARD_TOKEN_CREDIT_MANAGER").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"credit-manager\"]"), claims);
        assertTrue(claims.contains("\"iss\":\"https://steelyard.dev\""), claims);
    }
}

package dev.steelyard.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookSecretsTest {

    @TempDir
    Path run;

    @Test
    void generatesOneSecretPerSchemeInItsOwnFormat() {
        Map<String, String> secrets = WebhookSecrets.ensure(run.resolve("webhooks.env"));

        assertTrue(secrets.get(WebhookSecrets.STRIPE).matches("whsec_[A-Za-z0-9]{32}"));
        String standard = secrets.get(WebhookSecrets.STANDARD);
        assertTrue(standard.startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(standard.substring("whsec_".length())).length);
        assertTrue(secrets.get(WebhookSecrets.ADYEN).matches("[0-9A-F]{64}"));
    }

    @Test
    void keepsTheSecretsOnLaterStartsAndAddsOnlyWhatIsMissing() throws Exception {
        Path file = run.resolve("webhooks.env");
        Map<String, String> first = WebhookSecrets.ensure(file);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^" + WebhookSecrets.ADYEN + "=.*$", ""));

        Map<String, String> second = WebhookSecrets.ensure(file);

        assertEquals(first.get(WebhookSecrets.STRIPE), second.get(WebhookSecrets.STRIPE));
        assertEquals(first.get(WebhookSecrets.STANDARD), second.get(WebhookSecrets.STANDARD));
        assertTrue(second.get(WebhookSecrets.ADYEN).matches("[0-9A-F]{64}"));
        assertEquals(second, EnvFile.read(file));
    }
}

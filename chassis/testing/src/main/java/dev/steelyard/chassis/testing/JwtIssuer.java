package dev.steelyard.chassis.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 bearer tokens the services accept: issuer, subject, roles in {@code groups} and,
 * optionally, the legal entities the token may see in {@code entities}.
 */
public final class JwtIssuer {

    public static final String ISSUER = "https://steelyard.dev";

    private final KeyPair keys;

    private JwtIssuer(KeyPair keys) {
        this.keys = keys;
    }

    public static JwtIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new JwtIssuer(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rebuilds an issuer from its PEM-encoded keys. */
    public static JwtIssuer fromPrivateKeyPem(String privatePem, String publicPem) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(pemBody(privatePem)));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pemBody(publicPem)));
            return new JwtIssuer(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key", e);
        }
    }

    public String privateKeyPem() {
        return toPem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    public String publicKeyPem() {
        return toPem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    /** Loads the key pair kept in a directory, generating it there on first use. */
    public static JwtIssuer inDirectory(Path directory) {
        Path privateFile = directory.resolve("private.pem");
        Path publicFile = directory.resolve("public.pem");
        try {
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return fromPrivateKeyPem(Files.readString(privateFile), Files.readString(publicFile));
            }
            JwtIssuer issuer = generate();
            Files.createDirectories(directory);
            Files.writeString(privateFile, issuer.privateKeyPem());
            issuer.writePublicKey(publicFile);
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the keys in " + directory + " are unreadable; delete them to start over", e);
        }
    }

    public Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, publicKeyPem());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A token for all legal entities. */
    public String token(String subject, Collection<String> roles, Duration validity) {
        return token(subject, roles, null, validity);
    }

    /** A token limited to the given legal entities (null: all of them). */
    public String token(String subject, Collection<String> roles, Collection<String> entities, Duration validity) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":\"").append(ISSUER).append("\",")
                .append("\"sub\":\"").append(subject).append("\",")
                .append("\"upn\":\"").append(subject).append("\",")
                .append("\"jti\":\"").append(UUID.randomUUID()).append("\",")
                .append("\"iat\":").append(now.getEpochSecond()).append(',')
                .append("\"exp\":").append(now.plus(validity).getEpochSecond()).append(',')
                .append("\"groups\":").append(jsonArray(roles));
        if (entities != null) {
            claims.append(",\"entities\":").append(jsonArray(entities));
        }
        claims.append('}');
        return sign(Map.of("alg", "RS256", "typ", "JWT"), claims.toString());
    }

    private String sign(Map<String, String> header, String claims) {
        String headerJson = header.entrySet().stream().map(e -> "\"" + e.getKey() + "\":\"" + e.getValue() + "\"")
                .sorted().collect(Collectors.joining(",", "{", "}"));
        String signingInput = base64Url(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String jsonArray(Collection<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\"", "") + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBody(String pem) {
        return Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
    }
}

package org.parley.testsupport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Mints development tokens signed with the development key (dev/keys/parley-dev-private.pem), which the service
 * accepts in dev mode, tests and the local profile, never in production. JDK only, so that it also runs as a
 * command from the project directory:
 *
 * <pre>java src/test/java/org/parley/testsupport/DevTokens.java editor alice</pre>
 *
 * prints a token for subject "alice" with role "editor", valid one hour.
 */
public final class DevTokens {

    public static final Path PRIVATE_KEY = Path.of("dev", "keys", "parley-dev-private.pem");
    public static final String ISSUER = "parley-dev";

    private DevTokens() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java src/test/java/org/parley/testsupport/DevTokens.java ROLE[,ROLE] [SUBJECT]");
            System.exit(2);
        }
        System.out.println(mint(args.length == 2 ? args[1] : "developer", 3600, args[0].split(",")));
    }

    /** A token for {@code subject} with these roles, expiring in {@code seconds} (negative: already expired). */
    public static String mint(String subject, long seconds, String... roles) throws Exception {
        return sign(subject, seconds, loadKey(), roles);
    }

    /** A ten-minute token of the tests' editor, "test-editor". */
    public static String editor() throws Exception {
        return mint("test-editor", 600, "editor");
    }

    /** A ten-minute token of the tests' admin, "test-admin". */
    public static String admin() throws Exception {
        return mint("test-admin", 600, "admin");
    }

    /** The same, signed with another key: what a forger would send. */
    public static String sign(String subject, long seconds, PrivateKey key, String... roles) throws Exception {
        long now = Instant.now().getEpochSecond();
        String groups = List.of(roles).stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(","));
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":[" + groups + "],\"iat\":" + now + ",\"exp\":" + (now + seconds) + "}";
        String signed = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + base64(signature.sign());
    }

    private static PrivateKey loadKey() throws Exception {
        String pem = Files.readString(PRIVATE_KEY, StandardCharsets.US_ASCII)
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

package pulse.server.security;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import pulse.server.kafka.KafkaSettings;

/**
 * The key that signs and checks tokens (HS256). It comes from {@code PULSE_JWT_SECRET}, the same on
 * every instance. Running alone on the embedded broker with none set, Pulse makes a random one and
 * keeps it in the data folder, so tokens outlive a restart; on a cluster it must be set.
 */
@Factory
class TokenSigningFactory {

    static final int MIN_SECRET_LENGTH = 32;

    /** Signs the tokens Pulse issues and, being the only signature configured, is the only one they are checked with. */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signing(SecuritySettings settings, KafkaSettings kafka) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret(settings.jwtSecret(), kafka.dataDir(), kafka.embedded()));
        return new SecretSignature(configuration);
    }

    static String secret(String configured, Path dataDir, boolean embedded) {
        if (!configured.isBlank()) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("PULSE_JWT_SECRET has " + configured.length()
                        + " characters; expected at least " + MIN_SECRET_LENGTH + " (256 bits for HS256)");
            }
            return configured;
        }
        if (!embedded) {
            throw new IllegalStateException("Set PULSE_JWT_SECRET (at least " + MIN_SECRET_LENGTH
                    + " characters, the same on every instance) to sign login tokens on a Kafka cluster");
        }
        return kept(dataDir.resolve("jwt-secret"));
    }

    private static String kept(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            byte[] random = new byte[48];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            Files.writeString(file, secret, StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the folder's own permissions protect it
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the token secret in " + file, e);
        }
    }
}

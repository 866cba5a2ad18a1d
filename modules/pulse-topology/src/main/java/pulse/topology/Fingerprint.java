package pulse.topology;

import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * A 64-bit fingerprint of bytes: two independent 32-bit hashes side by side (CRC-32C and the
 * polynomial hash of {@link Arrays#hashCode(byte[])}), so two different views share one with a
 * chance of about 2⁻⁶⁴. The same bytes give the same fingerprint in every JVM, so a fingerprint
 * kept in a project's state still tells after a restart whether its view changed.
 */
final class Fingerprint {

    private Fingerprint() {}

    static long of(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length);
        return crc.getValue() << 32 | (Arrays.hashCode(bytes) & 0xFFFF_FFFFL);
    }
}

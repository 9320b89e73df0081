package iobench.bench.segment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a segment file completely or not at all: to a temporary name, then renamed. merge waits
 * for segment.json on a shared volume and reads runs.json beside it; a half-written file (a full
 * disk, a killed pod) must never be taken for a whole one.
 */
final class AtomicFile {
    private AtomicFile() {
    }

    static void write(Path dir, String name, String text) throws IOException {
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                // Temporary files are private (0600); a segment is read by the merge, maybe as another user.
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's rules apply
            }
            try {
                Files.move(temp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

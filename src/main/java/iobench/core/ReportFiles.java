package iobench.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a report file completely or not at all: to a temporary name first, then renamed. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static Path write(Path dir, String name, String content) throws IOException {
        return write(dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path dir, String name, byte[] content) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        try {
            Files.write(temp, content);
            // Temporary files are private (0600); a report is for everyone who may read the directory.
            try {
                Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory's rules apply
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }
}

package iobench.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks before a run that its report directory can be written. Reports are written at the end,
 * so without this a directory the run cannot write (a container's volume owned by another user,
 * a read-only mount, a file where a directory should be) loses the whole run after it finished.
 */
public final class ReportDirectory {
    /** What a user can do about it, in a container or not; one line with the problem. */
    static final String FIX = "choose a writable --out DIR, or in a container run with --user \"$(id -u):$(id -g)\" "
            + "and a volume that user can write (mkdir -p reports first)";

    /** The directory cannot take the report; the message is one line for the console. */
    public static final class NotWritableException extends Exception {
        NotWritableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private ReportDirectory() {
    }

    /**
     * Writes and deletes a probe file in {@code dir}, or, when {@code dir} does not exist yet, in
     * its nearest existing parent, where the report's writer will make the missing directories:
     * what can be written there can be made there. Nothing is created but the probe, so a run
     * stopped before its report (a server that does not answer) leaves no empty directory behind,
     * and N segment generators checking RUN/segment-I at once cannot trip over each other: an
     * earlier version made the missing directories and removed them again, and one check removed
     * a RUN another had just made (ReportDirectoryRaceTest failed on it in loaded CI runs).
     */
    public static void check(Path dir) throws NotWritableException {
        Path absolute = dir.toAbsolutePath().normalize();
        try {
            probe(nearestExisting(absolute));
        } catch (IOException e) {
            throw new NotWritableException("cannot write the report to " + dir + ": " + reason(e) + "; " + FIX, e);
        }
    }

    /** Writes and deletes a file in {@code directory}; a failure names the directory, not the probe's random name. */
    private static void probe(Path directory) throws IOException {
        try {
            Files.delete(Files.createTempFile(directory, ".iobench-probe-", ".tmp"));
        } catch (AccessDeniedException e) {
            throw new AccessDeniedException(directory.toString());
        } catch (FileSystemException e) {
            throw new FileSystemException(directory.toString(), null, e.getReason());
        }
    }

    /**
     * {@code absolute} or its nearest parent that exists, which must be a directory: a file there
     * is a NotDirectoryException. One look at the file system per path, not two (an
     * {@code exists} and then an {@code isDirectory} could see two different things).
     */
    private static Path nearestExisting(Path absolute) throws IOException {
        for (Path p = absolute; p != null; p = p.getParent()) {
            try {
                if (!Files.readAttributes(p, BasicFileAttributes.class).isDirectory()) {
                    throw new NotDirectoryException(p.toString());
                }
                return p;
            } catch (NoSuchFileException missing) {
                // Not there yet: the writer makes it; look at its parent.
            }
        }
        throw new NoSuchFileException(absolute.toString(), null, "no part of the path exists");
    }

    /** A file system failure in words, without the exception's class name. */
    public static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException a -> a.getFile() + ": permission denied";
            case NotDirectoryException n -> n.getFile() + " is a file, not a directory";
            case FileAlreadyExistsException f -> f.getFile() + " is a file, not a directory";
            case FileSystemException f -> f.getFile() + ": " + (f.getReason() == null ? "cannot be written" : f.getReason());
            default -> String.valueOf(e.getMessage());
        };
    }
}

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
import java.util.ArrayList;
import java.util.List;

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
     * Creates {@code dir} and its missing parents, writes and deletes a probe file in it, then
     * removes the directories it created, so that a run stopped before its report (a server that
     * does not answer) leaves no empty directory behind.
     */
    public static void check(Path dir) throws NotWritableException {
        Path absolute = dir.toAbsolutePath().normalize();
        // Only what this call itself made, deepest first, so that each one is empty when it is removed.
        // N segment generators check RUN/segment-I at once: a parent another one made meanwhile is
        // not ours to remove (removing it failed the other's next mkdir), and a parent another one
        // removed under us is made again (at most a few times: each removal is of an empty directory).
        List<Path> created = new ArrayList<>();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    create(absolute, created);
                    break;
                } catch (NoSuchFileException parentRemovedMeanwhile) {
                    if (attempt == 20) {
                        throw parentRemovedMeanwhile;
                    }
                }
            }
            Files.delete(Files.createTempFile(absolute, ".iobench-probe-", ".tmp"));
        } catch (IOException e) {
            throw new NotWritableException("cannot write the report to " + dir + ": " + reason(e) + "; " + FIX, e);
        } finally {
            for (Path p : created) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException notEmptyOrNotMine) {
                    // Another run wrote into it meanwhile, or it never came to be: leave it.
                }
            }
        }
    }

    /** Makes the missing directories of {@code absolute}, adding each one this call made to {@code created}, deepest first. */
    private static void create(Path absolute, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            missing.add(0, existing);
            existing = existing.getParent();
        }
        if (existing != null) {
            requireDirectory(existing);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(0, p);
            } catch (FileAlreadyExistsException madeByAnother) {
                requireDirectory(p);
            }
        }
    }

    /**
     * A directory, fine; a file, NotDirectoryException; gone again (removed by another check),
     * NoSuchFileException: try again. One look at the file system, not two: between an
     * {@code isDirectory} and an {@code exists}, another check could remove the directory and make
     * it again, and the second look then took a directory for a file.
     */
    private static void requireDirectory(Path p) throws IOException {
        if (!Files.readAttributes(p, BasicFileAttributes.class).isDirectory()) {
            throw new NotDirectoryException(p.toString());
        }
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

package kr.chamyeo.budget.pabulib;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real Pabulib elections in {@code shared/pabulib}, which lives beside the repository (CI clones the
 * repository with shared/ next to it); the files are never copied into the repository.
 */
public final class SharedPabulib {

    public static final String WARSAW = "poland_warszawa_2020_praga-poludnie.pb";

    private SharedPabulib() {
    }

    public static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("pabulib");
            if (Files.isDirectory(candidate)) {
                Path file = candidate.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("Pabulib file " + file + " is missing");
                }
                return file;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No shared/pabulib directory above " + Path.of("").toAbsolutePath()
                + ": the real Pabulib elections are required for these tests");
    }
}

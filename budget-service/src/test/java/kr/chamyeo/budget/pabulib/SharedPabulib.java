package kr.chamyeo.budget.pabulib;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real Pabulib elections in {@code shared/pabulib}, which lives beside the repository (CI clones the
 * repository with shared/ next to it); the files are never copied into the repository.
 */
public final class SharedPabulib {

    public static final String WARSAW = "poland_warszawa_2020_praga-poludnie.pb";

    /**
     * The three approval elections Pabulib lists as decided by the Method of Equal Shares with the add1 completion
     * (rule {@code equalshares/add1}, or {@code equalshares/add1-comparison} where the city also compared the outcome
     * with greedy's and kept Equal Shares'); names as pabulib.org publishes them.
     */
    public static final String WIELICZKA = "Poland_Wieliczka_2023_Green_Budget.pb";
    public static final String SWIECIE = "Poland_Swiecie_2023.pb";
    public static final String ASSEN = "Netherlands_Assen_2024.pb";

    /** A directory searched before shared/pabulib, for files not yet placed there: -Dchamyeo.pabulib.dir=… */
    private static final String EXTRA_DIR = "chamyeo.pabulib.dir";

    private SharedPabulib() {
    }

    /** Whether the file is present (beside the repository or in the extra directory), for tests that need it. */
    public static boolean has(String name) {
        try {
            file(name);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public static Path file(String name) {
        String extra = System.getProperty(EXTRA_DIR);
        if (extra != null && Files.isRegularFile(Path.of(extra, name))) {
            return Path.of(extra, name);
        }
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

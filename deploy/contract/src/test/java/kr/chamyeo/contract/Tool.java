package kr.chamyeo.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of a command-line tool: its exit code and its output (standard output and error together). */
record Tool(List<String> command, int code, String output) {

    static Tool run(Path dir, Duration timeout, Map<String, String> env, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().putAll(env);
            builder.environment().put("NO_COLOR", "1");
            builder.environment().put("REDOCLY_TELEMETRY", "off");
            builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Tool(List.of(command), -1, new String(out, StandardCharsets.UTF_8) + "\n(timed out)");
            }
            return new Tool(List.of(command), process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Tool orFail(String what) {
        if (code != 0) {
            throw new AssertionError(what + " failed (exit " + code + "): " + String.join(" ", command) + "\n" + output);
        }
        return this;
    }
}

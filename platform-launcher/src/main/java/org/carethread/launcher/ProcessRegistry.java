package org.carethread.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The child processes one launcher started, recorded in {@code <data dir>/pids} with their start times. A launcher
 * killed without a chance to clean up leaves that file behind; the next launcher on the same data directory stops
 * exactly those processes (same pid and same start time), and nothing else.
 */
final class ProcessRegistry {
    private final Path pidFile;
    private final List<ManagedProcess> running = new ArrayList<>();
    private boolean closed;

    ProcessRegistry(Path dataDir) {
        this.pidFile = dataDir.resolve("pids");
    }

    /** Stops processes a previous launcher on this data directory left running. */
    void stopLeftovers(Consumer<String> report) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(pidFile, StandardCharsets.UTF_8)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length != 3) {
                    continue;
                }
                long pid = Long.parseLong(fields[1]);
                long startedMillis = Long.parseLong(fields[2]);
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                if (handle.isPresent() && handle.get().isAlive() && startedAt(handle.get()) == startedMillis) {
                    report.accept("stopping " + fields[0] + " (pid " + pid + ") left running by an earlier launch");
                    ManagedProcess.stopTree(handle.get(), Duration.ofSeconds(20));
                }
            }
            Files.deleteIfExists(pidFile);
        } catch (IOException | RuntimeException e) {
            report.accept("could not read " + pidFile + " (" + e.getMessage() + "); not stopping anything from it");
        }
    }

    /** Records a process; when the registry is already closed (stop raced with start) the process is stopped. */
    synchronized void remember(ManagedProcess process) {
        if (closed) {
            process.stop(Duration.ofSeconds(10));
            throw new LaunchException("the platform is stopping");
        }
        running.add(process);
        write();
    }

    synchronized void forget(ManagedProcess process) {
        running.remove(process);
        write();
    }

    synchronized boolean isTracked(ManagedProcess process) {
        return running.contains(process);
    }

    /** Stops whatever is still recorded, newest first. */
    void stopAll() {
        List<ManagedProcess> left;
        synchronized (this) {
            left = new ArrayList<>(running);
        }
        java.util.Collections.reverse(left);
        for (ManagedProcess process : left) {
            process.stop(Duration.ofSeconds(20));
            forget(process);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** From now on nothing new may start. */
    synchronized void close() {
        closed = true;
    }

    private void write() {
        StringBuilder lines = new StringBuilder();
        for (ManagedProcess process : running) {
            lines.append(process.name()).append(' ').append(process.pid()).append(' ')
                    .append(startedAt(process.handle())).append('\n');
        }
        try {
            if (running.isEmpty()) {
                Files.deleteIfExists(pidFile);
            } else {
                Files.writeString(pidFile, lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            // only a convenience for the next launch
        }
    }

    private static long startedAt(ProcessHandle handle) {
        return handle.info().startInstant().map(Instant::toEpochMilli).orElse(-1L);
    }
}

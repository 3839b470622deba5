package trimtab.api.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * CPU time used by this JVM (the service and the load client) and by the embedded mariadbd, its child process, and
 * the machine's steal time. On a machine shared with other work, throughput tells what the service got; CPU per
 * request tells what it costs. On a virtual machine the hypervisor may hand the vCPUs to other guests (steal time),
 * and a busy neighbour on the same physical core makes every instruction slower too: this session's runs saw the
 * same code cost up to 40 % more CPU per request from one minute to the next, so a phase's steal is printed with it.
 */
record ProcessCpu(long jvmNanos, long databaseNanos, long wallNanos, long stealNanos) {
    /** Linux's clock ticks per second for /proc/PID/stat (USER_HZ), 100 on every usual kernel. */
    private static final long TICKS_PER_SECOND = 100;

    static ProcessCpu now() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        return new ProcessCpu(jvm, mariadbd().map(ProcessCpu::ticks).orElse(0L) * (1_000_000_000L / TICKS_PER_SECOND),
                System.nanoTime(), stealTicks() * (1_000_000_000L / TICKS_PER_SECOND));
    }

    ProcessCpu since(ProcessCpu earlier) {
        return new ProcessCpu(jvmNanos - earlier.jvmNanos, databaseNanos - earlier.databaseNanos, wallNanos - earlier.wallNanos,
                stealNanos - earlier.stealNanos);
    }

    /** "JVM 1.23 cores, mariadbd 0.45 cores; 0.80 ms JVM + 0.30 ms database CPU per request". */
    String describe(long requests, String what) {
        double wall = Math.max(1, wallNanos);
        double n = Math.max(1, requests);
        return String.format(Locale.ROOT, "CPU: JVM %.2f cores, mariadbd %.2f cores, stolen by the hypervisor %.2f; per %s %.3f ms "
                        + "JVM + %.3f ms mariadbd", jvmNanos / wall, databaseNanos / wall, stealNanos / wall, what, jvmNanos / n / 1e6,
                databaseNanos / n / 1e6);
    }

    private static Optional<ProcessHandle> mariadbd() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .findFirst();
    }

    /** The machine's steal time: the 8th figure of /proc/stat's "cpu" line, summed over every CPU; 0 if unreadable. */
    private static long stealTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            return fields.length > 8 && fields[0].equals("cpu") ? Long.parseLong(fields[8]) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // fields after the command (which may hold spaces) start after the last ')'; utime and stime are 14 and 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

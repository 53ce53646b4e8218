package io.github.camelawsevents.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a JVM on this JVM's class path: the emulator and, when forking, each cell. */
final class JavaProcess {

    private JavaProcess() {
    }

    static Process start(List<String> jvmArgs, Class<?> main, List<String> args, boolean inheritStderr)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        if (inheritStderr) {
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        return pb.start();
    }
}

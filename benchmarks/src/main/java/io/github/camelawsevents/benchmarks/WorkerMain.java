package io.github.camelawsevents.benchmarks;

/**
 * The entry point of a forked cell: {@code WorkerMain <control port> <cell arguments…>}. Prints one
 * {@link Measurement#toLine()} per repetition on standard output; progress and errors go to standard error.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) {
        int status = 0;
        try (EmulatorControl control = new EmulatorControl(Integer.parseInt(args[0]))) {
            Cell cell = Cell.fromArgs(args, 1);
            for (Measurement m : CellRunner.run(cell, BenchSettings.fromSystemProperties(), control)) {
                System.out.println(m.toLine());
            }
        } catch (Throwable e) {
            System.err.println("[bench] worker failed: " + e);
            e.printStackTrace();
            status = 1;
        }
        System.out.flush();
        // SDK and Camel threads may linger; the result is out, so end the JVM now
        System.exit(status);
    }
}

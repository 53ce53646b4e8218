package io.github.camelawsevents.aws.scn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;

/**
 * Not a test (no timing is ever asserted): prints the CPU the record check adds to the message-reading step, per
 * 1,000 records, with the benchmark harness's Supply Chain records (scn.data.inventorylevel, about 240 characters).
 * Run with the test class path: {@code java -cp ... io.github.camelawsevents.aws.scn.RecordCheckCost}.
 */
public final class RecordCheckCost {

    private static final String[] CONDITIONS = {"Unrestricted", "Inspection", "Returns", "Blocked"};

    private RecordCheckCost() {
    }

    static String record(long n) {
        return "{\"snapshot_date\":\"2025-11-24T00:00:00Z\",\"site_id\":\"site-" + (n % 64)
               + "\",\"product_id\":\"P-" + (1_000_000 + n % 1_000_000)
               + "\",\"company_id\":\"acme\",\"on_hand_inventory\":" + (n % 5000)
               + ",\"allocated_inventory\":" + (n % 300)
               + ",\"quantity_uom\":\"EA\",\"inv_condition\":\"" + CONDITIONS[(int) (n % CONDITIONS.length)]
               + "\",\"lot_number\":\"LOT-" + (10_000_000_000L + n) + "\"}";
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        try (CamelContext context = new DefaultCamelContext()) {
            context.start();
            List<String> singles = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                singles.add(record(i));
            }
            String array = "[" + String.join(",", singles) + "]";
            for (RecordCheckMode mode : new RecordCheckMode[] { RecordCheckMode.OFF, RecordCheckMode.WARN_UNKNOWN }) {
                // warm up both modes before measuring
                measure(context, mode, singles, array, rounds, cpu);
            }
            System.out.println("CPU per 1,000 records in the message-reading step (median of " + rounds + " rounds):");
            for (RecordCheckMode mode : new RecordCheckMode[] { RecordCheckMode.OFF, RecordCheckMode.WARN_UNKNOWN,
                RecordCheckMode.OFF, RecordCheckMode.WARN_UNKNOWN }) {
                long[] ns = measure(context, mode, singles, array, rounds, cpu);
                System.out.printf("  recordCheck=%-12s one record per message: %7.3f ms   1,000 records in one message:"
                                  + " %7.3f ms%n", mode, ns[0] / 1e6, ns[1] / 1e6);
            }
        }
    }

    /** The median thread CPU of reading 1,000 one-record messages, and of one 1,000-record message. */
    private static long[] measure(CamelContext context, RecordCheckMode mode, List<String> singles, String array,
                                  int rounds, ThreadMXBean cpu) {
        AwsScnEventConfiguration config = new AwsScnEventConfiguration();
        config.setInstanceId("8e5c6a4d-2b1f-4c3e-9a7d-5f0b1e2c3d4a");
        config.setEventType("scn.data.inventorylevel");
        config.setEventGroupId("site-001");
        config.setRecordCheck(mode);
        ScnMessageReader reader = new ScnMessageReader(config);
        long[] single = new long[rounds];
        long[] batch = new long[rounds];
        long sink = 0;
        for (int r = 0; r < rounds; r++) {
            List<Exchange> exchanges = new ArrayList<>(singles.size());
            for (String s : singles) {
                Exchange e = new DefaultExchange(context);
                e.getMessage().setBody(s);
                exchanges.add(e);
            }
            long start = cpu.getCurrentThreadCpuTime();
            for (Exchange e : exchanges) {
                sink += reader.read(e).requests().size();
            }
            single[r] = cpu.getCurrentThreadCpuTime() - start;
            Exchange one = new DefaultExchange(context);
            one.getMessage().setBody(array);
            start = cpu.getCurrentThreadCpuTime();
            sink += reader.read(one).requests().size();
            batch[r] = cpu.getCurrentThreadCpuTime() - start;
        }
        if (sink == 42) {
            System.out.println();
        }
        java.util.Arrays.sort(single);
        java.util.Arrays.sort(batch);
        return new long[] { single[rounds / 2], batch[rounds / 2] };
    }
}

package io.github.camelawsevents.aws.scn;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupSequencerTest {

    @Test
    void firstTaskOfAKeyRunsAtOnceAndLaterOnesWait() {
        GroupSequencer<String, String> seq = new GroupSequencer<>();
        assertThat(seq.offer("a", "a1")).isTrue();
        assertThat(seq.offer("a", "a2")).isFalse();
        assertThat(seq.offer("a", "a3")).isFalse();
        assertThat(seq.runningKeys()).isEqualTo(1);
        assertThat(seq.waitingTasks()).isEqualTo(2);
    }

    @Test
    void otherKeysNeverWaitForABusyKey() {
        GroupSequencer<String, String> seq = new GroupSequencer<>();
        assertThat(seq.offer("a", "a1")).isTrue();
        assertThat(seq.offer("a", "a2")).isFalse();
        assertThat(seq.offer("b", "b1")).isTrue();
        assertThat(seq.offer("c", "c1")).isTrue();
        assertThat(seq.runningKeys()).isEqualTo(3);
    }

    @Test
    void completionHandsOverToTheNextTaskOfTheKeyInArrivalOrder() {
        GroupSequencer<String, String> seq = new GroupSequencer<>();
        seq.offer("a", "a1");
        seq.offer("a", "a2");
        seq.offer("b", "b1");
        seq.offer("a", "a3");
        assertThat(seq.complete("a")).isEqualTo("a2");
        assertThat(seq.complete("a")).isEqualTo("a3");
        assertThat(seq.complete("a")).isNull();
        assertThat(seq.runningKeys()).isEqualTo(1);
        assertThat(seq.waitingTasks()).isZero();
    }

    @Test
    void aKeyIsIdleAgainAfterItsLastTaskCompleted() {
        GroupSequencer<String, String> seq = new GroupSequencer<>();
        seq.offer("a", "a1");
        assertThat(seq.complete("a")).isNull();
        assertThat(seq.runningKeys()).isZero();
        assertThat(seq.offer("a", "a2")).isTrue();
    }

    @Test
    void completingAKeyWithNothingRunningIsAnError() {
        GroupSequencer<String, String> seq = new GroupSequencer<>();
        assertThatThrownBy(() -> seq.complete("a")).isInstanceOf(IllegalStateException.class);
    }

    /** Random interleavings of offers and completions against a model: one running per key, FIFO per key. */
    @Test
    void randomInterleavingsKeepOneRunningTaskPerKeyInFifoOrder() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            GroupSequencer<Integer, Integer> seq = new GroupSequencer<>();
            Map<Integer, Integer> running = new HashMap<>();
            Map<Integer, List<Integer>> offered = new HashMap<>();
            Map<Integer, List<Integer>> ran = new HashMap<>();
            Map<Integer, ArrayDeque<Integer>> model = new HashMap<>();
            int next = 0;
            for (int step = 0; step < 300; step++) {
                if (running.isEmpty() || random.nextInt(3) > 0) {
                    int key = random.nextInt(5);
                    int task = next++;
                    offered.computeIfAbsent(key, k -> new ArrayList<>()).add(task);
                    if (seq.offer(key, task)) {
                        assertThat(running).doesNotContainKey(key);
                        running.put(key, task);
                        ran.computeIfAbsent(key, k -> new ArrayList<>()).add(task);
                    } else {
                        assertThat(running).containsKey(key);
                        model.computeIfAbsent(key, k -> new ArrayDeque<>()).add(task);
                    }
                } else {
                    List<Integer> keys = new ArrayList<>(running.keySet());
                    int key = keys.get(random.nextInt(keys.size()));
                    Integer successor = seq.complete(key);
                    ArrayDeque<Integer> waiting = model.getOrDefault(key, new ArrayDeque<>());
                    assertThat(successor).isEqualTo(waiting.pollFirst());
                    if (successor == null) {
                        running.remove(key);
                    } else {
                        running.put(key, successor);
                        ran.get(key).add(successor);
                    }
                }
                assertThat(seq.runningKeys()).isEqualTo(running.size());
            }
            // drain: everything offered runs, per key in offer order
            for (Integer key : new ArrayList<>(running.keySet())) {
                Integer successor;
                while ((successor = seq.complete(key)) != null) {
                    ran.get(key).add(successor);
                }
            }
            assertThat(ran).isEqualTo(offered);
            assertThat(seq.runningKeys()).isZero();
            assertThat(seq.waitingTasks()).isZero();
        }
    }
}

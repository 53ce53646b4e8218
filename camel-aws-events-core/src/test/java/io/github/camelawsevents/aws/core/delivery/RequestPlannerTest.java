package io.github.camelawsevents.aws.core.delivery;

import java.util.List;

import io.github.camelawsevents.aws.core.BatchLimits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPlannerTest {

    private static final BatchLimits THREE_BY_100 = new BatchLimits(3, 100, 0, 0);

    private record Item(String owner, long size) {
    }

    private static RequestPlanner.Plan plan(List<Item> pending, BatchLimits limits, boolean sameOwnerOnly) {
        return RequestPlanner.next(pending, Item::size,
                (first, next) -> !sameOwnerOnly || first.owner().equals(next.owner()), limits);
    }

    @Test
    void nothingPendingIsAnEmptyPlan() {
        assertThat(plan(List.of(), THREE_BY_100, false)).isEqualTo(RequestPlanner.Plan.EMPTY);
        assertThat(RequestPlanner.Plan.EMPTY.isEmpty()).isTrue();
    }

    @Test
    void takesTheLongestHeadWithinTheItemCount() {
        List<Item> five = List.of(new Item("a", 1), new Item("b", 1), new Item("c", 1), new Item("d", 1),
                new Item("e", 1));
        assertThat(plan(five, THREE_BY_100, false)).isEqualTo(new RequestPlanner.Plan(3, true));
        assertThat(plan(five.subList(0, 3), THREE_BY_100, false)).as("exactly the count is full")
                .isEqualTo(new RequestPlanner.Plan(3, true));
        assertThat(plan(five.subList(0, 2), THREE_BY_100, false)).as("room left: a later item could join")
                .isEqualTo(new RequestPlanner.Plan(2, false));
    }

    @Test
    void stopsBeforeTheItemThatWouldNotFitAndCallsTheRequestFull() {
        List<Item> items = List.of(new Item("a", 60), new Item("b", 40), new Item("c", 1));
        assertThat(plan(items, THREE_BY_100, false)).isEqualTo(new RequestPlanner.Plan(2, true));
        assertThat(plan(List.of(new Item("a", 60), new Item("b", 41)), THREE_BY_100, false))
                .isEqualTo(new RequestPlanner.Plan(1, true));
    }

    @Test
    void theFirstItemAlwaysGoesEvenWhenItFillsTheRequestAlone() {
        assertThat(plan(List.of(new Item("a", 100), new Item("b", 1)), THREE_BY_100, false))
                .isEqualTo(new RequestPlanner.Plan(1, true));
    }

    @Test
    void anItemThatMayNotJoinClosesTheRequest() {
        List<Item> items = List.of(new Item("a", 1), new Item("a", 1), new Item("b", 1));
        assertThat(plan(items, THREE_BY_100, true)).isEqualTo(new RequestPlanner.Plan(2, true));
        assertThat(plan(items, THREE_BY_100, false)).isEqualTo(new RequestPlanner.Plan(3, true));
    }

    @Test
    void countsOverheadAndSeparatorsLikeAJsonArray() {
        // [x,y]: 2 for the brackets, 1 per comma
        BatchLimits array = new BatchLimits(Integer.MAX_VALUE, 10, 2, 1);
        assertThat(plan(List.of(new Item("a", 3), new Item("b", 4), new Item("c", 1)), array, false))
                .isEqualTo(new RequestPlanner.Plan(2, true));
        assertThat(plan(List.of(new Item("a", 3), new Item("b", 3)), array, false))
                .isEqualTo(new RequestPlanner.Plan(2, false));
    }
}

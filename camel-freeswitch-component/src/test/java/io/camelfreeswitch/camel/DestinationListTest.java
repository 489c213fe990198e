package io.camelfreeswitch.camel;

import io.camelfreeswitch.call.RingMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A destinations header given as a list rings its tiers in the order written, plain dial strings included. */
class DestinationListTest {

    @Test
    void plainDialStringsAroundANestedListAreTiersOfTheirOwnInTheirPlace() {
        DestinationList list = DestinationList.parse(List.of("user/a", List.of("user/b", "user/c"), "user/d"));

        assertThat(list.builder().mode(RingMode.TIERED).build().tiers())
                .containsExactly(List.of("user/a"), List.of("user/b", "user/c"), List.of("user/d"));
    }

    @Test
    void plainDialStringsAloneAreOneTier() {
        DestinationList list = DestinationList.parse(List.of("user/a", "user/b"));

        assertThat(list.builder().build().tiers()).containsExactly(List.of("user/a", "user/b"));
    }
}

package io.camelfreeswitch.examples.demo;

import java.util.List;

/**
 * One ring group the demo rings and explains.
 *
 * @param title        what it shows
 * @param route        the direct: route that rings it
 * @param mode         the ring mode, as the route rings it
 * @param timeout      the route's timeout, for the table
 * @param destinations who is rung, in group order, as the CamelFreeSwitchDestinations header gives them
 */
record Scenario(String title, String route, String mode, String timeout, List<String> destinations) {
}

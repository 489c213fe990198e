package io.camelfreeswitch.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone for manual testing with any ESL client:
 * {@code java -jar camel-freeswitch-simulator-<version>-all.jar --port 8021 --password ClueCon}.
 */
public final class FreeSwitchSimulatorMain {

    static final String USAGE = "usage: FreeSwitchSimulatorMain [--port 8021] [--password ClueCon] [--reorder-seed N]";

    private FreeSwitchSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        FreeSwitchSimulator sim = parse(args).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "freeswitch-simulator-shutdown"));
        System.out.println("FreeSWITCH simulator listening on 127.0.0.1:" + sim.port() + " (password " + sim.password()
                + "); dial sim/answer-after-1500, sim/busy, sim/no-answer, loopback/1001/default ...");
        stopped.await();
    }

    /** The builder the command line describes; IllegalArgumentException with the usage on bad input. */
    static FreeSwitchSimulator.Builder parse(String[] args) {
        FreeSwitchSimulator.Builder b = FreeSwitchSimulator.builder().port(8021);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> b.port(number(value(args, ++i, "--port"), "--port"));
                case "--password" -> b.password(value(args, ++i, "--password"));
                case "--reorder-seed" -> b.reorderEvents(number(value(args, ++i, "--reorder-seed"), "--reorder-seed"));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return b;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int number(String s, String option) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + s + "\n" + USAGE);
        }
    }
}

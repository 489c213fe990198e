package io.camelfreeswitch.simulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone for manual testing with any ESL client:
 * {@code java -jar camel-freeswitch-simulator-<version>-all.jar --port 8021 --password ClueCon}.
 */
public final class FreeSwitchSimulatorMain {

    private FreeSwitchSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8021;
        String password = "ClueCon";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                case "--password" -> password = value(args, ++i, "--password");
                case "--help", "-h" -> {
                    System.out.println("usage: FreeSwitchSimulatorMain [--port 8021] [--password ClueCon]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option: " + args[i]
                        + " (usage: [--port 8021] [--password ClueCon])");
            }
        }
        FreeSwitchSimulator sim = FreeSwitchSimulator.builder().port(port).password(password).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "freeswitch-simulator-shutdown"));
        System.out.println("FreeSWITCH simulator listening on 127.0.0.1:" + sim.port() + " (password " + password
                + "); dial sim/answer-after-1500, sim/busy, sim/no-answer, loopback/1001/default ...");
        stopped.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}

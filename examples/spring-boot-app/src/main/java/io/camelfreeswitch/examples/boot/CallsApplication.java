package io.camelfreeswitch.examples.boot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that places calls through FreeSWITCH: {@code POST /calls} rings a group for a caller and
 * bridges them, and calls FreeSWITCH hands over through its outbound socket are rung to a balanced support group.
 * The {@code simulator} profile (active unless another is chosen) runs against the embedded FreeSWITCH simulator.
 */
@SpringBootApplication
public class CallsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallsApplication.class, args);
    }
}

package io.camelfreeswitch.examples.boot;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** {@code POST /calls}: the request thread is released while the phones ring. */
@RestController
public class CallsController {

    private final ProducerTemplate template;

    public CallsController(ProducerTemplate template) {
        this.template = template;
    }

    @PostMapping("/calls")
    public CompletableFuture<CallResponse> call(@RequestBody CallRequest request) {
        return template.asyncRequestBody("direct:call", request, CallResponse.class);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    /** FreeSWITCH refused or could not be reached: the caller could not be called, or the call failed. */
    @ExceptionHandler({CamelExecutionException.class, CompletionException.class})
    ResponseEntity<Map<String, String>> failed(Exception e) {
        Throwable cause = e;
        while ((cause instanceof CamelExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof IllegalArgumentException invalid) {
            return badRequest(invalid);
        }
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", String.valueOf(cause.getMessage()),
                "type", cause.getClass().getSimpleName()));
    }
}

package io.camelfreeswitch.esl.internal;

import io.camelfreeswitch.esl.EslEventListener;

/**
 * A listener of this project's own that reads an event only while {@code onEvent} runs and keeps nothing of it but
 * the Strings it asked for: the dispatcher may hand it an event that still borrows the read buffer. Every other
 * listener gets the event {@linkplain EslEvents#keep kept}, since it may hold on to it.
 */
@FunctionalInterface
public interface TransientEventListener extends EslEventListener {
}

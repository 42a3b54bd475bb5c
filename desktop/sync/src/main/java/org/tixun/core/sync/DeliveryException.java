// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.time.Duration;
import org.tixun.core.i18n.Message;
import org.tixun.core.sync.i18n.SyncMessages;

/** A failed delivery attempt: transient (retry after back-off) or a final refusal shown to the clerk. */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;
    private final Integer status;
    private final transient Duration retryAfter;
    private final SyncProblem problem;
    private final transient Delivery.Recording recording;
    private final String foundSha256;

    private DeliveryException(String message, boolean retryable, Integer status, Duration retryAfter, Throwable cause,
                              SyncProblem problem, Delivery.Recording recording, String foundSha256) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
        this.problem = problem;
        this.recording = recording;
        this.foundSha256 = foundSha256;
    }

    /** Connection error, time-out, 429, 5xx or a local hiccup (disk full): try again later. */
    public static DeliveryException transientFailure(String message, Integer status, Duration retryAfter,
                                                     Throwable cause) {
        return new DeliveryException(message, true, status, retryAfter, cause, null, null, null);
    }

    /** The server said no (409/412/422…): never retried without the clerk. */
    public static DeliveryException refused(String message, Integer status) {
        return new DeliveryException(message, false, status, null, null, null, null, null);
    }

    /**
     * A local file is not what the record sealed (or is gone): nothing of it was sent, and only the clerk can resolve
     * it (restore the file, then retry).
     *
     * @param recording the segment concerned, null for the document
     * @param foundSha256 what the file hashed to, null when it is missing
     */
    public static DeliveryException problem(SyncProblem problem, Message detail, Delivery.Recording recording,
                                            String foundSha256) {
        return problem(problem, SyncMessages.of("problem.detail", problem.message(), detail).bilingual(), recording,
                foundSha256);
    }

    /**
     * A problem worded elsewhere: the message is prefixed with the problem's Chinese name unless it starts with it.
     *
     * @see #problem(SyncProblem, Message, Delivery.Recording, String)
     */
    public static DeliveryException problem(SyncProblem problem, String message, Delivery.Recording recording,
                                            String foundSha256) {
        String words = message.startsWith(problem.zh()) ? message : problem.zh() + "：" + message;
        return new DeliveryException(words, false, null, null, null, problem, recording,
                foundSha256);
    }

    public boolean retryable() {
        return retryable;
    }

    /** The HTTP status, null when none was received. */
    public Integer status() {
        return status;
    }

    /** The clerk-only problem this refusal reports, null for the server's refusals and transient failures. */
    public SyncProblem problem() {
        return problem;
    }

    /** With a recording problem: the segment concerned. */
    public Delivery.Recording recording() {
        return recording;
    }

    /** With a mismatch: what the file hashed to. */
    public String foundSha256() {
        return foundSha256;
    }

    /** The server's {@code Retry-After}, null if it gave none. */
    public Duration retryAfter() {
        return retryAfter;
    }
}

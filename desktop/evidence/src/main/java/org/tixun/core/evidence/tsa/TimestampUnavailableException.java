// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.evidence.tsa;

import java.io.IOException;

/** No RFC 3161 time-stamp could be obtained: the record stays frozen-not-sealed and sealing can be retried. */
public final class TimestampUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public TimestampUnavailableException(String url, Throwable cause) {
        super("时间戳服务不可用，笔录保持冻结未封存，可稍后重试 (time-stamp authority unreachable at " + url
                + "; the record stays frozen, not sealed; retry later)"
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}

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

    private TimestampUnavailableException(String message) {
        super(message);
    }

    /** The authority answered, but its token is not signed by a certificate that chains to the trust anchor. */
    public static TimestampUnavailableException untrusted(String url, String detail) {
        return new TimestampUnavailableException("时间戳服务 " + url + " 返回的时间戳不受信任，笔录保持冻结未封存：请在「设置 → "
                + "时间戳」中检查该服务的信任锚证书 (the time-stamp from " + url + " is not trusted; the record stays "
                + "frozen, not sealed: check the authority's trust anchor in Settings → Time-stamps): " + detail);
    }
}

// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.List;
import java.util.Objects;

/**
 * The live record (同屏) as the workstation rendered it: the page(s) around the cursor as PNG, latest wins.
 *
 * @param recordId the record shown
 * @param revision text revision number, increasing with every edit (the terminal drops anything older)
 * @param firstPage 1-based number of the first page in {@code pagesPng}
 * @param pageCount the record's current page count
 * @param pagesPng rendered pages, in order from {@code firstPage}
 * @param cursorY where the paragraph being typed ends on the first page, as a fraction of its height from the top
 *     (0 to 1; the terminal scrolls it into view), or -1 if unknown
 */
public record LiveRecordUpdate(String recordId, long revision, int firstPage, int pageCount, List<byte[]> pagesPng,
        double cursorY) implements SessionMessage {
    public LiveRecordUpdate {
        Objects.requireNonNull(recordId, "recordId");
        pagesPng = List.copyOf(pagesPng);
    }

    /** An update without a cursor position. */
    public LiveRecordUpdate(String recordId, long revision, int firstPage, int pageCount, List<byte[]> pagesPng) {
        this(recordId, revision, firstPage, pageCount, pagesPng, -1);
    }

    @Override
    public MessageType messageType() {
        return MessageType.LIVE_RECORD_UPDATE;
    }
}

// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import java.util.List;
import java.util.Objects;

/**
 * Asks the terminal to have the record signed: the frozen content hash every signature event must bind to, and the
 * frozen pages to show.
 *
 * @param recordId the record
 * @param frozenContentSha256 hex SHA-256 of the frozen PDF
 * @param pagesPng every page of the frozen PDF, rendered
 * @param slotIds the signature slots to fill at the terminal, in signing order
 */
public record SigningRequest(String recordId, String frozenContentSha256, List<byte[]> pagesPng, List<String> slotIds)
        implements SessionMessage {
    public SigningRequest {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(frozenContentSha256, "frozenContentSha256");
        pagesPng = List.copyOf(pagesPng);
        slotIds = List.copyOf(slotIds);
    }

    @Override
    public MessageType messageType() {
        return MessageType.SIGNING_REQUEST;
    }
}

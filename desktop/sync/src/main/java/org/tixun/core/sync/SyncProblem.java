// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

/** A problem with a queued record that only the clerk can resolve; shown with the record and in {@code sync status}. */
public enum SyncProblem {
    /** A sealed segment's file no longer has its sealed SHA-256: it was not sent. */
    RECORDING_MISMATCH("录像文件与封存记录不一致", "recording file does not match the sealed record"),
    /** A sealed segment's bytes are not where the record keeps them. */
    RECORDING_MISSING("录像文件缺失", "recording file missing"),
    /** The sealed PDF's file no longer has the SHA-256 filed at sealing: it was not sent. */
    DOCUMENT_MISMATCH("笔录文件与封存记录不一致", "sealed document file does not match the sealed record"),
    /**
     * Delivered by a version before schema 5 with a manifest that does not name the recording the record sealed
     * (issue 16): the case system holds the record without (all of) its recording.
     */
    REGISTERED_WITHOUT_RECORDING("已登记但未附封存的录像", "registered without the recording it sealed");

    private final String zh;
    private final String en;

    SyncProblem(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}

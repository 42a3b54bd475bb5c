// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

/** What a recording event records (DOMAIN.md rule 3). */
public enum RecordingEventKind {
    /** Recording started for the session. */
    STARTED("录像开始", "recording started"),
    /** An interval not covered by the recording, with its reason ({@code from} → {@code to}). */
    GAP("录像中断", "recording gap"),
    /** The link to the peer was lost: the remote picture and sound are missing. */
    LINK_LOST("连接中断", "link lost"),
    /** The link to the peer is back. */
    LINK_RESTORED("连接恢复", "link restored"),
    /** Private mute: the workstation's audio is not sent to the terminal; the master keeps it. */
    PRIVATE_MUTE_START("内部静音开始", "private mute start"),
    /** Private mute ended. */
    PRIVATE_MUTE_END("内部静音结束", "private mute end"),
    /** Recording paused by a user, with a reason. */
    PAUSED("录像暂停", "recording paused"),
    /** Recording resumed, confirmed by a user. */
    RESUMED("录像恢复", "recording resumed"),
    /** A segment left unclosed by a crash was finalised. */
    RECOVERED("崩溃后恢复", "recovered after a crash"),
    /** Recording closed normally. */
    CLOSED("录像结束", "recording closed");

    private final String zh;
    private final String en;

    RecordingEventKind(String zh, String en) {
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

// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Session audio and video: capture (Webcam Capture API, javax.sound), H.264/AAC over the session's media connection,
 * and the plain types shared with the recorder and the UI ({@link org.tixun.core.media.VideoFrame},
 * {@link org.tixun.core.media.AudioChunk}, {@link org.tixun.core.media.MediaSink}).
 */
package org.tixun.core.media;

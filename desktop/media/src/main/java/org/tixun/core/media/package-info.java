// SPDX-License-Identifier: AGPL-3.0-or-later
/**
 * Session audio and video: capture (Webcam Capture API, javax.sound), H.264/AAC over the session's media connection,
 * and the plain types shared with the recorder and the UI ({@link org.tixun.core.media.VideoFrame},
 * {@link org.tixun.core.media.AudioChunk}, {@link org.tixun.core.media.MediaSink}).
 *
 * <ul>
 *   <li>Sources: {@link org.tixun.core.media.CameraSource} (any {@code Webcam}),
 *       {@link org.tixun.core.media.JavaSoundMicrophone}, behind {@link org.tixun.core.media.MediaDevices} (the
 *       configured devices in production; the demo's and the tests' simulators live in the {@code sim} module);
 *       {@link org.tixun.core.media.DeviceSelfTest}.</li>
 *   <li>Codec: {@link org.tixun.core.media.AvSender} / {@link org.tixun.core.media.AvReceiver} (NUT over any byte
 *       stream), capture times in-band and as a burned-in {@link org.tixun.core.media.FrameStamp}.</li>
 *   <li>Call: {@link org.tixun.core.media.MediaCall} (workstation, dials through a
 *       {@link org.tixun.core.media.MediaDialer}) and {@link org.tixun.core.media.TerminalMedia} (terminal, a
 *       {@link org.tixun.core.media.MediaSocketAcceptor} registered with the terminal link), opened with a
 *       {@link org.tixun.core.media.MediaHello}.</li>
 * </ul>
 * This package does not depend on {@code org.tixun.core.session}; the session package provides the TLS dialler and
 * the acceptor hook. See docs/session.md, "Audio and video".
 */
package org.tixun.core.media;

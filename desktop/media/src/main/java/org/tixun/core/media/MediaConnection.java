// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.i18n.Message;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * One media socket with its two streams: our {@link AvSender} on the output, the peer's stream decoded by an
 * {@link AvReceiver} from the input. Reports its end once (the first of sender failure or receiver end), unless it
 * was closed on purpose.
 */
final class MediaConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaConnection.class);
    private final Socket socket;
    private final AvSender sender;
    private final AvReceiver receiver;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final BiConsumer<Message, Throwable> onEnd;

    /**
     * @param onEnd called once with the reason and the cause (null: peer ended cleanly) when the connection breaks
     */
    MediaConnection(Socket socket, InputStream in, OutputStream out, AvSettings settings, MediaSink remoteSink,
            BiConsumer<Message, Throwable> onEnd) {
        this.socket = socket;
        this.onEnd = onEnd;
        this.sender = new AvSender(out, settings);
        this.receiver = new AvReceiver(in, remoteSink);
        sender.setFailureListener(e -> end(MediaMessages.of("connection.sendFailed", e), e));
        receiver.setEndListener(e -> end(e == null ? MediaMessages.of("connection.peerEnded")
                : MediaMessages.of("connection.receiveBroke", e), e));
    }

    void start() {
        receiver.start();
        sender.start();
    }

    AvSender sender() {
        return sender;
    }

    AvReceiver receiver() {
        return receiver;
    }

    boolean isOpen() {
        return !ended.get();
    }

    private void end(Message reason, Throwable cause) {
        if (ended.compareAndSet(false, true)) {
            if (cause == null) {
                LOG.info("media connection ended: {}", reason.english());
            } else {
                LOG.warn("media connection lost: {}", reason.english());
            }
            // Close from another thread: this runs on the sender's or receiver's own thread.
            Thread t = new Thread(this::shutdown, "tixun-media-close");
            t.setDaemon(true);
            t.start();
            try {
                onEnd.accept(reason, cause);
            } catch (RuntimeException e) {
                LOG.error("media listener failed", e);
            }
        }
    }

    private void shutdown() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("media socket close", e);
        }
        sender.close();
        receiver.close();
    }

    @Override
    public void close() {
        if (ended.compareAndSet(false, true)) {
            shutdown();
        }
    }
}

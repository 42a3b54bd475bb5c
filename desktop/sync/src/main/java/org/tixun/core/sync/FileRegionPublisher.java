// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A request body of {@code length} bytes of a file from {@code from}, read block by block as the HTTP client asks
 * for them and handed over as they were read. The JDK's own publishers ({@code ofFile}, {@code ofByteArrays}) copy
 * every byte once more into 16 KiB buffers and pass each of those through the client's scheduler; here each block is
 * read straight into the buffer the client writes to the socket, 16 times fewer hand-overs. Never more than the blocks
 * the client has asked for are in memory.
 */
public final class FileRegionPublisher implements HttpRequest.BodyPublisher {
    /**
     * Bytes per block: well under half a G1 region (1 MiB in a small heap), so blocks are ordinary young objects, not
     * humongous ones.
     */
    static final int BLOCK = 256 << 10;

    private final FileChannel file;
    private final Path path;
    private final long from;
    private final long length;

    FileRegionPublisher(FileChannel file, Path path, long from, long length) {
        this.file = file;
        this.path = path;
        this.from = from;
        this.length = length;
    }

    /** {@code length} bytes of {@code file} (open for reading, named {@code path}) from {@code from}. */
    public static HttpRequest.BodyPublisher of(FileChannel file, Path path, long from, long length) {
        return new FileRegionPublisher(file, path, from, length);
    }

    @Override
    public long contentLength() {
        return length;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        Region region = new Region(subscriber);
        subscriber.onSubscribe(region);
    }

    /** One pass over the region; blocks are read on the thread that asks for them (the client's). */
    private final class Region implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final AtomicLong demand = new AtomicLong();
        /** Serialises delivery: whoever raises it from 0 delivers, others only add demand. */
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private boolean done;
        private long position = from;
        private long left = length;

        Region(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                subscriber.onError(new IllegalArgumentException("non-positive request: " + n));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (work.getAndIncrement() != 0) {
                return;
            }
            do {
                deliver();
            } while (work.decrementAndGet() != 0);
        }

        private void deliver() {
            while (!done && !cancelled) {
                if (left == 0) {
                    done = true;
                    subscriber.onComplete();
                    return;
                }
                if (demand.get() == 0) {
                    return;
                }
                ByteBuffer block;
                try {
                    block = read();
                } catch (IOException e) {
                    done = true;
                    subscriber.onError(e);
                    return;
                }
                demand.decrementAndGet();
                subscriber.onNext(block);
            }
        }

        private ByteBuffer read() throws IOException {
            ByteBuffer block = ByteBuffer.allocate((int) Math.min(BLOCK, left));
            while (block.hasRemaining()) {
                if (file.read(block, position + block.position()) < 0) {
                    throw new IOException(path + " shrank while being sent");
                }
            }
            position += block.capacity();
            left -= block.capacity();
            return block.flip();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }
}

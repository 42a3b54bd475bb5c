// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRegionPublisherTest {
    @TempDir
    Path tmp;

    /** Collects what the publisher hands over; asks for more only when told to. */
    private static final class Collector implements Flow.Subscriber<ByteBuffer> {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> blocks = new ArrayList<>();
        Flow.Subscription subscription;
        Throwable error;
        boolean complete;
        final boolean requestOnEach;

        Collector(boolean requestOnEach) {
            this.requestOnEach = requestOnEach;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(ByteBuffer item) {
            blocks.add(item.remaining());
            byte[] b = new byte[item.remaining()];
            item.get(b);
            bytes.writeBytes(b);
            if (requestOnEach) {
                subscription.request(1); // re-entrant, as the HTTP client may do
            }
        }

        @Override
        public void onError(Throwable t) {
            error = t;
        }

        @Override
        public void onComplete() {
            complete = true;
        }
    }

    private Path file(int size) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(tmp.resolve("segment-" + size), data);
    }

    @Test
    void sendsExactlyTheRegionInBlocks() throws Exception {
        int block = FileRegionPublisher.BLOCK;
        Path f = file(3 * block + 1234);
        byte[] all = Files.readAllBytes(f);
        long from = block / 2 + 7;
        long length = 2 * block + 100;
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            var publisher = FileRegionPublisher.of(ch, f, from, length);
            assertThat(publisher.contentLength()).isEqualTo(length);
            Collector c = new Collector(true);
            publisher.subscribe(c);
            c.subscription.request(1);
            assertThat(c.error).isNull();
            assertThat(c.complete).isTrue();
            assertThat(c.bytes.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(all, (int) from,
                    (int) (from + length)));
            assertThat(c.blocks).containsExactly(block, block, 100);

            // a second subscription (a resent request) starts again from the region's beginning
            Collector again = new Collector(false);
            publisher.subscribe(again);
            again.subscription.request(Long.MAX_VALUE);
            assertThat(again.complete).isTrue();
            assertThat(again.bytes.toByteArray()).isEqualTo(c.bytes.toByteArray());
        }
    }

    @Test
    void readsNoMoreThanTheClientAskedFor() throws Exception {
        Path f = file(4 * FileRegionPublisher.BLOCK);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            Collector c = new Collector(false);
            FileRegionPublisher.of(ch, f, 0, ch.size()).subscribe(c);
            assertThat(c.blocks).isEmpty();
            c.subscription.request(1);
            assertThat(c.blocks).hasSize(1);
            c.subscription.request(2);
            assertThat(c.blocks).hasSize(3);
            c.subscription.cancel();
            c.subscription.request(5);
            assertThat(c.blocks).hasSize(3);
            assertThat(c.complete).isFalse();
        }
    }

    @Test
    void aFileThatShrankIsAnErrorNamingIt() throws Exception {
        Path f = file(2 * FileRegionPublisher.BLOCK);
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
            Collector c = new Collector(false);
            FileRegionPublisher.of(ch, f, 0, ch.size()).subscribe(c);
            c.subscription.request(1);
            try (FileChannel w = FileChannel.open(f, StandardOpenOption.WRITE)) {
                w.truncate(FileRegionPublisher.BLOCK + 10);
            }
            c.subscription.request(1);
            assertThat(c.complete).isFalse();
            assertThat(c.error).isInstanceOf(IOException.class).hasMessageContaining(f.toString())
                    .hasMessageContaining("shrank");
        }
    }
}

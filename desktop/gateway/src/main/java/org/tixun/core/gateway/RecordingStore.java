// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.tixun.core.pki.Pki;

/** Content-addressed recordings on disk: {@code <sha256>.part} while arriving, {@code <sha256>} once complete. */
final class RecordingStore {
    /** Bytes written and hashed at a time (under half a G1 region in a small heap, so not a humongous object). */
    private static final int BLOCK = 256 << 10;
    private final Path dir;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** SHA-256 state of uploads received in this process from byte 0, so completion needs no re-read. */
    private final ConcurrentHashMap<String, Running> running = new ConcurrentHashMap<>();

    private static final class Running {
        final java.security.MessageDigest digest = Pki.sha256Digest();
        long hashed;
    }

    /** What an append did: the HTTP status to answer and the bytes now held. */
    record Outcome(int status, long received) {
    }

    RecordingStore(Path dir) throws IOException {
        this.dir = Files.createDirectories(dir);
    }

    /** Bytes held: the size when complete ({@code complete} true), the partial size, or -1 when nothing. */
    long[] state(String sha) throws IOException {
        Path done = dir.resolve(sha);
        if (Files.exists(done)) {
            return new long[] {Files.size(done), 1};
        }
        Path part = dir.resolve(sha + ".part");
        return Files.exists(part) ? new long[] {Files.size(part), 0} : new long[] {-1, 0};
    }

    boolean complete(String sha, long size) throws IOException {
        Path done = dir.resolve(sha);
        return Files.exists(done) && Files.size(done) == size;
    }

    /** Appends {@code last - first + 1} bytes at {@code first} of an object of {@code total} bytes. */
    Outcome append(String sha, long first, long last, long total, InputStream body) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(sha, k -> new ReentrantLock());
        lock.lock();
        try {
            Path done = dir.resolve(sha);
            if (Files.exists(done)) {
                return new Outcome(200, Files.size(done));
            }
            Path part = dir.resolve(sha + ".part");
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                long held = ch.size();
                if (first != held) {
                    return new Outcome(409, held);
                }
                Running hash = running.get(sha);
                if (hash == null && held == 0) {
                    hash = new Running();
                    running.put(sha, hash);
                }
                boolean track = hash != null && hash.hashed == held;
                if (!track) {
                    running.remove(sha);
                }
                long want = last - first + 1;
                byte[] buf = new byte[BLOCK];
                long written = 0;
                try {
                    IOException cut = null;
                    while (written < want && cut == null) {
                        // a whole block per write and digest update (the HTTP server's stream answers 8 KiB a read);
                        // what arrived before a dropped connection is written all the same
                        int n = 0;
                        int limit = (int) Math.min(buf.length, want - written);
                        try {
                            for (int r; n < limit && (r = body.read(buf, n, limit - n)) >= 0; ) {
                                n += r;
                            }
                        } catch (IOException e) {
                            cut = e;
                        }
                        if (n == 0) {
                            break;
                        }
                        ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                        while (bb.hasRemaining()) {
                            ch.write(bb, held + written + bb.position());
                        }
                        if (track) {
                            hash.digest.update(buf, 0, n);
                            hash.hashed += n;
                        }
                        written += n;
                    }
                    if (cut != null) {
                        throw cut;
                    }
                } finally {
                    // whatever arrived is a valid prefix: keep it so the client resumes from here
                    ch.force(false);
                }
                long now = held + written;
                if (now < total) {
                    return new Outcome(202, now);
                }
            }
            Running hash = running.remove(sha);
            String actual = hash != null && hash.hashed == Files.size(part) ? Pki.hex(hash.digest.digest())
                    : sha256(part);
            if (!sha.equals(actual)) {
                Files.deleteIfExists(part);
                return new Outcome(422, 0);
            }
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
            return new Outcome(201, total);
        } finally {
            lock.unlock();
        }
    }

    private static String sha256(Path file) throws IOException {
        var md = Pki.sha256Digest();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);
            while (ch.read(buf) >= 0) {
                buf.flip();
                md.update(buf);
                buf.clear();
            }
        }
        return Pki.hex(md.digest());
    }
}

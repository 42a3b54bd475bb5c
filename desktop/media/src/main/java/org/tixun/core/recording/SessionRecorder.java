// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.recording;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tixun.core.i18n.LocalizedIOException;
import org.tixun.core.media.AudioChunk;
import org.tixun.core.media.Direction;
import org.tixun.core.media.MediaSink;
import org.tixun.core.media.VideoFrame;
import org.tixun.core.media.i18n.MediaMessages;

/**
 * Records one session: takes both directions' video and audio from the media threads (never blocking them: a bounded
 * queue, drops counted), composes one picture (remote large, local picture-in-picture, clock, status line, a no-signal
 * card for a missing direction) at a constant frame rate by the wall clock (duplicating or skipping pictures), mixes
 * both directions' audio to 48 kHz mono and writes H.264/AAC fragmented-MP4 segments of the configured length, each
 * hashed while written and chained to the previous one. Everything it does is in the session directory's
 * {@link RecordingLog}, fsynced before it goes on, and told to a {@link RecordingListener}.
 *
 * <p>Opening a directory whose log shows an unclosed segment (a crash) finalises that segment first
 * ({@link SegmentStatus#INTERRUPTED} when it decodes, {@link SegmentStatus#DAMAGED} when not; either way in the chain)
 * and logs the gap from its last decodable picture to the new start.
 *
 * <p>Control methods ({@link #linkLost}, {@link #pause}, {@link #close}, ...) run on the recorder's thread and return
 * when done; call them from any thread but a media thread.
 */
public final class SessionRecorder implements MediaSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);
    /** A direction whose last picture is older than this shows the no-signal card. */
    static final long NO_SIGNAL_MICROS = 1_000_000;

    private final Path dir;
    private final String sessionId;
    private final String recordId;
    private final RecordingConfig config;
    private final RecordingListener listener;
    private final Clock clock;
    private final RecordingLog log;
    private final BlockingQueue<Object> queue;
    private final ConcurrentLinkedQueue<Command> commands = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private final Compositor compositor;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final List<RecordingManifest.Segment> segments = new ArrayList<>();
    private final List<RecordingManifest.Event> events = new ArrayList<>();
    private final AtomicLong videoDropped = new AtomicLong();
    private final AtomicLong audioDropped = new AtomicLong();
    private final long t0;
    private final AudioMixer mixer;
    private String chain;
    private int nextIndex;
    // Encoder-thread state.
    private volatile SegmentWriter writer;
    private int segmentIndex;
    private Instant segmentStart;
    /** When the recording began: its first segment's start (earlier runs' segments included). */
    private final Instant startedAt;
    private long segmentFirstFrame;
    private long frame;
    private final VideoFrame[] latest = new VideoFrame[2];
    private final long[] latestArrival = {Long.MIN_VALUE, Long.MIN_VALUE};
    private long newPictures;
    private volatile long encoded;
    private volatile long duplicated;
    private volatile long skipped;
    private volatile boolean paused;
    private Instant pausedAt;
    private String pauseReason;
    private volatile boolean linkLost;
    private volatile boolean privateMute;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private RecordingManifest closedManifest;

    private record VideoItem(Direction direction, VideoFrame frame) {
    }

    private record AudioItem(AudioChunk chunk) {
    }

    private record Command(Runnable action, CompletableFuture<Void> done) {
    }

    /** When the recording began (the first segment's start, also after a restart): the record's start time. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Counters since the start. */
    public record Stats(long framesEncoded, long framesDuplicated, long framesSkipped, long videoDropped,
            long audioDropped, long lateAudioSamples, int segments, boolean paused, String failure) {
    }

    private SessionRecorder(Path dir, String sessionId, String recordId, RecordingConfig config,
            RecordingListener listener, Clock clock, RecordingLog log, String chain, int nextIndex,
            List<RecordingManifest.Segment> previous, List<RecordingManifest.Event> previousEvents) {
        this.dir = dir;
        this.sessionId = sessionId;
        this.recordId = recordId;
        this.config = config;
        this.listener = listener;
        this.clock = clock;
        this.log = log;
        this.chain = chain;
        this.nextIndex = nextIndex;
        this.segments.addAll(previous);
        this.events.addAll(previousEvents);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.compositor = new Compositor(config.width(), config.height(), clock.getZone());
        this.t0 = micros(clock.instant());
        this.startedAt = previous.isEmpty() ? Instant.EPOCH.plus(t0, ChronoUnit.MICROS) : previous.get(0).start();
        this.mixer = new AudioMixer(t0);
        this.thread = new Thread(this::run, "tixun-recorder-" + sessionId);
        this.thread.setDaemon(true);
    }

    /**
     * Starts recording into {@code dir} (created if missing). If the directory holds an earlier recording of the same
     * session, the chain goes on from it; a segment left unclosed by a crash is finalised first and the gap logged.
     *
     * @param recordId the record this session belongs to, or null
     * @param actor who started it (audit)
     */
    public static SessionRecorder start(Path dir, String sessionId, String recordId, String actor,
            RecordingConfig config, RecordingListener listener, Clock clock) throws IOException {
        Objects.requireNonNull(sessionId, "sessionId");
        Files.createDirectories(dir);
        RecordingLog.State before = RecordingRecovery.recover(dir, listener, clock);
        if (before != null && !before.sessionId().equals(sessionId)) {
            throw new LocalizedIOException(MediaMessages.of("rec.recorder.otherSession", before.sessionId(), dir));
        }
        RecordingLog log = RecordingLog.open(dir);
        Instant now = clock.instant();
        String rid = recordId != null ? recordId : before == null ? null : before.recordId();
        log.append(RecordingLog.Entry.session(now, sessionId, rid, config));
        SessionRecorder r = new SessionRecorder(dir, sessionId, rid, config, listener, clock, log,
                before == null ? RecordingChain.GENESIS : before.chainHead(),
                before == null ? 1 : before.nextIndex(), before == null ? List.of() : before.closed(),
                before == null ? List.of() : before.events());
        if (before != null && before.lastEnd() != null && !before.events().isEmpty()
                && before.events().get(before.events().size() - 1).kind() == RecordingEventKind.CLOSED) {
            r.logEvent(new RecordingManifest.Event(RecordingEventKind.GAP, before.lastEnd(), now,
                    RecordingWords.RESTARTED, actor));
        }
        r.logEvent(new RecordingManifest.Event(RecordingEventKind.STARTED, now, null,
                config.width() + "x" + config.height() + "@" + config.fps(), actor));
        r.thread.start();
        return r;
    }

    // ---- media threads: never block ----

    @Override
    public void video(Direction direction, VideoFrame frame) {
        if (!queue.offer(new VideoItem(direction, frame))) {
            videoDropped.incrementAndGet();
        }
    }

    @Override
    public void audio(Direction direction, AudioChunk chunk) {
        if (!queue.offer(new AudioItem(chunk))) {
            audioDropped.incrementAndGet();
        }
    }

    // ---- control ----

    /** The link to the peer was lost: the remote picture shows the no-signal card until {@link #linkRestored}. */
    public void linkLost(String reason) throws IOException {
        call(() -> {
            linkLost = true;
            latest[Direction.REMOTE.ordinal()] = null;
            logEvent(new RecordingManifest.Event(RecordingEventKind.LINK_LOST, clock.instant(), null, reason, null));
        });
    }

    public void linkRestored() throws IOException {
        call(() -> {
            linkLost = false;
            logEvent(new RecordingManifest.Event(RecordingEventKind.LINK_RESTORED, clock.instant(), null, null, null));
        });
    }

    /** Private mute started: the workstation's audio is not sent to the terminal; the recording keeps it, marked. */
    public void privateMuteStart(String actor, String reason) throws IOException {
        call(() -> {
            privateMute = true;
            logEvent(new RecordingManifest.Event(RecordingEventKind.PRIVATE_MUTE_START, clock.instant(), null, reason,
                    actor));
        });
    }

    public void privateMuteEnd(String actor) throws IOException {
        call(() -> {
            privateMute = false;
            logEvent(new RecordingManifest.Event(RecordingEventKind.PRIVATE_MUTE_END, clock.instant(), null, null,
                    actor));
        });
    }

    /** Pauses: the current segment is closed; nothing is recorded until {@link #resume}. */
    public void pause(String actor, String reason) throws IOException {
        requireText(actor, "actor");
        requireText(reason, "reason");
        call(() -> {
            if (paused) {
                throw new IllegalStateException(MediaMessages.of("rec.recorder.alreadyPaused").bilingual());
            }
            closeSegment();
            paused = true;
            pausedAt = segments.isEmpty() ? clock.instant() : segments.get(segments.size() - 1).end();
            pauseReason = reason;
            logEvent(new RecordingManifest.Event(RecordingEventKind.PAUSED, pausedAt, null, reason, actor));
        });
    }

    /**
     * Resumes after {@link #pause}; the caller has asked the user to confirm (DOMAIN.md rule 3). The paused interval
     * is logged as a gap with the pause reason.
     *
     * @param confirmedBy the user who confirmed resuming
     */
    public void resume(String confirmedBy, String note) throws IOException {
        requireText(confirmedBy, "confirmedBy");
        call(() -> {
            if (!paused) {
                throw new IllegalStateException(MediaMessages.of("rec.recorder.notPaused").bilingual());
            }
            Instant now = clock.instant();
            logEvent(new RecordingManifest.Event(RecordingEventKind.RESUMED, now, null, note, confirmedBy));
            logEvent(new RecordingManifest.Event(RecordingEventKind.GAP, pausedAt, now, pauseReason, confirmedBy));
            paused = false;
        });
    }

    /** Logs an interruption the caller knows about (e.g. the camera failed) without stopping the recording. */
    public void gap(String reason, Instant from, Instant to, String actor) throws IOException {
        requireText(reason, "reason");
        call(() -> logEvent(new RecordingManifest.Event(RecordingEventKind.GAP, from, to, reason, actor)));
    }

    /** Closes the recording: the last segment, the manifest file; returns the manifest. Idempotent. */
    public synchronized RecordingManifest finish(String actor) throws IOException {
        if (closedManifest != null) {
            return closedManifest;
        }
        call(() -> {
            closeSegment();
            Instant end = segments.isEmpty() ? clock.instant() : segments.get(segments.size() - 1).end();
            logEvent(new RecordingManifest.Event(RecordingEventKind.CLOSED, end, null, null, actor));
            stopping = true;
        });
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the recorder", e);
        }
        compositor.dispose();
        log.close();
        closedManifest = manifest();
        Path tmp = dir.resolve(RecordingManifest.FILE_NAME + ".tmp");
        Files.write(tmp, closedManifest.toJson());
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, dir.resolve(RecordingManifest.FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        return closedManifest;
    }

    /** {@link #finish} by the system. */
    @Override
    public void close() throws IOException {
        finish("system");
    }

    /** The manifest so far (closed segments only). */
    public synchronized RecordingManifest manifest() {
        List<RecordingManifest.Segment> segs;
        List<RecordingManifest.Event> evs;
        String head;
        synchronized (segments) {
            segs = List.copyOf(segments);
            evs = List.copyOf(events);
            head = chain;
        }
        return new RecordingManifest(RecordingManifest.FORMAT, sessionId, recordId,
                segs.isEmpty() ? null : segs.get(0).start(), segs.isEmpty() ? null : segs.get(segs.size() - 1).end(),
                config.width(), config.height(), config.fps(), segs, evs, head);
    }

    public Stats stats() {
        int n;
        synchronized (segments) {
            n = segments.size();
        }
        Throwable f = failure;
        return new Stats(encoded, duplicated, skipped, videoDropped.get(), audioDropped.get(), mixer.late(), n, paused,
                f == null ? null : f.toString());
    }

    public Path directory() {
        return dir;
    }

    public String sessionId() {
        return sessionId;
    }

    /** The segment being written and its start, for a signature event's recording span (rule 12). */
    public synchronized java.util.Optional<String> currentSegmentName() {
        SegmentWriter w = writer;
        return w == null ? java.util.Optional.empty() : java.util.Optional.of(w.file().getFileName().toString());
    }

    // ---- the recorder thread ----

    private void call(Runnable action) throws IOException {
        if (failure != null) {
            throw new LocalizedIOException(MediaMessages.of("rec.recorder.failed", failure), failure);
        }
        if (!thread.isAlive() && thread.getState() != Thread.State.NEW) {
            throw new LocalizedIOException(MediaMessages.of("rec.recorder.closed"));
        }
        Command c = new Command(action, new CompletableFuture<>());
        commands.add(c);
        queue.offer(c);
        try {
            c.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /** Carries an IOException out of a command. */
    private static final class UncheckedIOException extends RuntimeException {
        private final IOException io;

        UncheckedIOException(IOException io) {
            super(io);
            this.io = io;
        }
    }

    private void run() {
        long fm = config.frameMicros();
        int spf = RecordingConfig.SAMPLE_RATE / config.fps();
        long lag = config.audioLag().toNanos() / 1000;
        try {
            while (!stopping) {
                runCommands();
                if (stopping) {
                    break;
                }
                long now = micros(clock.instant());
                long due = (now - t0) / fm;
                if (due - frame > config.fps()) {
                    // More than a second behind (a stall): skip to now; the picture freezes, the timeline stays true.
                    // A stall right after a segment closed belongs to the next segment, which starts where the last
                    // one ended: the segments stay contiguous, so every moment of the session (a signature made
                    // during the stall included) lies in a segment.
                    if (writer == null && !paused) {
                        openSegment(frame);
                    }
                    skipped += due - frame;
                    frame = due;
                    if (writer != null && writer.frames() > 0
                            && frame - segmentFirstFrame >= config.framesPerSegment()) {
                        closeSegment();
                    }
                }
                while (frame <= due && !stopping) {
                    if (paused) {
                        frame = due + 1;
                        mixer.skipTo((long) frame * spf);
                        break;
                    }
                    if (writer == null) {
                        openSegment(frame);
                    }
                    encodePicture(now);
                    frame++;
                    long audioUntil = Math.min((long) frame * spf, mixer.indexOf(now - lag));
                    writeAudio(audioUntil);
                    if (frame - segmentFirstFrame >= config.framesPerSegment()) {
                        closeSegment();
                    }
                }
                long wait = t0 + frame * fm - micros(clock.instant());
                Object item = wait > 0 ? queue.poll(wait, TimeUnit.MICROSECONDS) : queue.poll();
                while (item != null) {
                    take(item, micros(clock.instant()));
                    item = queue.poll();
                }
            }
        } catch (Throwable t) {
            failure = t;
            LOG.error("recorder of session {} failed", sessionId, t);
            try {
                closeSegment();
            } catch (RuntimeException e) {
                t.addSuppressed(e);
                LOG.error("closing the segment after the failure failed too", e);
            }
        } finally {
            Command c;
            while ((c = commands.poll()) != null) {
                if (!c.done().isDone()) {
                    c.done().completeExceptionally(new LocalizedIOException(MediaMessages.of("rec.recorder.stopped"), failure));
                }
            }
        }
    }

    private void runCommands() {
        Command c;
        while ((c = commands.poll()) != null) {
            try {
                c.action().run();
                c.done().complete(null);
            } catch (RuntimeException e) {
                c.done().completeExceptionally(e);
            }
        }
    }

    private void take(Object item, long nowMicros) {
        if (item instanceof VideoItem v) {
            int d = v.direction().ordinal();
            if (v.direction() == Direction.REMOTE && linkLost) {
                linkLost = false;
            }
            latest[d] = v.frame();
            latestArrival[d] = nowMicros;
            newPictures++;
        } else if (item instanceof AudioItem a) {
            mixer.add(a.chunk());
        }
        // Commands in the queue only wake the loop; they run from the command queue.
    }

    private void encodePicture(long nowMicros) {
        if (newPictures == 0 && encoded > 0) {
            duplicated++;
        }
        newPictures = 0;
        BufferedImage remote = picture(Direction.REMOTE, nowMicros);
        BufferedImage local = picture(Direction.LOCAL, nowMicros);
        Instant at = Instant.EPOCH.plus(t0 + frame * config.frameMicros(), ChronoUnit.MICROS);
        BufferedImage composed = compositor.compose(remote, local, at, status(at));
        Frame f = converter.convert(composed);
        try {
            writer.video(f, frame - segmentFirstFrame);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        encoded++;
    }

    private BufferedImage picture(Direction d, long nowMicros) {
        VideoFrame v = latest[d.ordinal()];
        if (v == null || nowMicros - latestArrival[d.ordinal()] > NO_SIGNAL_MICROS) {
            return null;
        }
        return v.image();
    }

    private String status(Instant at) {
        long s = Duration.between(segmentStart, at).toSeconds()
                + (segmentFirstFrame * config.frameMicros() / 1_000_000L);
        StringBuilder sb = new StringBuilder();
        sb.append("REC ").append(sessionId).append(" · ").append(RecordingWords.OVERLAY_SEGMENT).append(' ')
                .append(segmentIndex).append(" · ")
                .append(String.format("%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60));
        if (linkLost) {
            sb.append(" · ").append(RecordingWords.OVERLAY_LINK_LOST);
        }
        if (privateMute) {
            sb.append(" · ").append(RecordingWords.OVERLAY_PRIVATE_MUTE);
        }
        return sb.toString();
    }

    private void writeAudio(long until) {
        long from = Math.max(mixer.written(), segmentFirstFrame * (RecordingConfig.SAMPLE_RATE / config.fps()));
        if (mixer.written() < from) {
            mixer.skipTo(from);
        }
        if (until <= mixer.written()) {
            return;
        }
        short[] s = mixer.take(until);
        try {
            writer.audio(s, s.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void openSegment(long firstFrame) {
        segmentIndex = nextIndex++;
        segmentFirstFrame = firstFrame;
        segmentStart = Instant.EPOCH.plus(t0 + firstFrame * config.frameMicros(), ChronoUnit.MICROS);
        String name = String.format("segment-%04d.mp4", segmentIndex);
        Path file = dir.resolve(name);
        try {
            log.append(RecordingLog.Entry.open(clock.instant(), segmentIndex, name, segmentStart));
            listener.segmentOpened(sessionId, recordId, segmentIndex, file, segmentStart);
            writer = new SegmentWriter(file, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void closeSegment() {
        SegmentWriter w = writer;
        if (w == null) {
            return;
        }
        writer = null;
        try {
            long endFrame = segmentFirstFrame + Math.max(1, frame - segmentFirstFrame);
            int spf = RecordingConfig.SAMPLE_RATE / config.fps();
            // The segment's audio ends with its last picture: what has not come yet is silence.
            short[] rest = mixer.take(Math.max(mixer.written(), endFrame * spf));
            w.audio(rest, rest.length);
            w.close();
            Instant end = Instant.EPOCH.plus(t0 + endFrame * config.frameMicros(), ChronoUnit.MICROS);
            String name = w.file().getFileName().toString();
            String previous = chain;
            String sha = w.sha256();
            String link = RecordingChain.link(previous, sha, segmentIndex, name, w.size(), segmentStart, end,
                    SegmentStatus.COMPLETE);
            RecordingManifest.Segment s = new RecordingManifest.Segment(segmentIndex, name, segmentStart, end,
                    w.size(), sha, link, SegmentStatus.COMPLETE);
            log.append(RecordingLog.Entry.close(clock.instant(), s, w.frames()));
            synchronized (segments) {
                segments.add(s);
                chain = link;
            }
            listener.segmentClosed(sessionId, recordId, s, w.file(), previous);
            LOG.debug("segment {} closed: {} frames, {} bytes", name, w.frames(), w.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void logEvent(RecordingManifest.Event e) {
        try {
            log.append(RecordingLog.Entry.event(clock.instant(), e));
            synchronized (segments) {
                events.add(e);
            }
            listener.event(sessionId, recordId, e);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    static long micros(Instant i) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, i);
    }
}

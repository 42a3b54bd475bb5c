// SPDX-License-Identifier: AGPL-3.0-or-later
package org.tixun.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {
    private final FrameCodec codec = new FrameCodec(1024);

    @Test
    void roundTripsEveryMessageKind() throws Exception {
        FrameCodec big = new FrameCodec(FrameCodec.DEFAULT_MAX_PAYLOAD);
        List<SessionMessage> messages = List.of(new Hello(SessionRole.WORKSTATION, List.of(1), "s-1", 7, "工作站"),
                new Heartbeat(1), new Ack(9), new LiveRecordUpdate("r", 3, 1, 2, List.of(new byte[] {1, 2, 3})),
                new SigningRequest("r", "ab", List.of(new byte[] {4}), List.of("p1")),
                new SignatureEventMessage("r", LinkFixtures.event(1)), new Abort("r", "edited"),
                new Refusal("VERSION", "x"), new Bye("done"));
        long seq = 1;
        for (SessionMessage m : messages) {
            Frame f = MessageCodec.frame(m, m.messageType().reliable() ? seq++ : 0);
            Frame back = big.read(new ByteArrayInputStream(big.encode(f)));
            assertThat(back.type()).isEqualTo(m.messageType());
            assertThat(back.seq()).isEqualTo(f.seq());
            SessionMessage decoded = MessageCodec.decode(back);
            assertThat(decoded.messageType()).isEqualTo(m.messageType());
            if (m instanceof SignatureEventMessage sem) {
                assertThat(((SignatureEventMessage) decoded).event().samples()).isEqualTo(sem.event().samples());
                assertThat(((SignatureEventMessage) decoded).event().inkImagePng()).isEqualTo(sem.event().inkImagePng());
            }
        }
    }

    @Test
    void rejectsGarbageWithAClearMessage() {
        byte[] garbage = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(garbage))).isInstanceOf(FrameException.class)
                .hasMessageContaining("不是提讯协议帧").hasMessageContaining("not a Tixun frame");
    }

    @Test
    void rejectsOversizedFrameBeforeReadingItsPayload() {
        ByteBuffer b = header(MessageType.HEARTBEAT.code(), 0, 0, Integer.MAX_VALUE);
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(b.array()))).isInstanceOf(FrameException.class)
                .hasMessageContaining("frame too large");
    }

    @Test
    void refusesToEncodeOversizedFrame() {
        Frame f = new Frame(MessageType.HEARTBEAT, 0, 0, new byte[2048]);
        assertThatThrownBy(() -> codec.encode(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("frame too large");
    }

    @Test
    void rejectsTruncatedHeaderAndPayload() {
        byte[] whole = codec.encode(MessageCodec.frame(new Heartbeat(5), 0));
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(Arrays.copyOf(whole, 7))))
                .isInstanceOf(FrameException.class).hasMessageContaining("truncated frame: header");
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(Arrays.copyOf(whole, whole.length - 1))))
                .isInstanceOf(FrameException.class).hasMessageContaining("truncated frame: payload");
    }

    @Test
    void reportsCleanEndBetweenFramesAsEof() {
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(new byte[0]))).isInstanceOf(EOFException.class);
    }

    @Test
    void rejectsUnknownTypeAndVersion() {
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(header(200, 0, 0, 0).array())))
                .isInstanceOf(FrameException.class).hasMessageContaining("unknown frame type 200");
        ByteBuffer v = header(MessageType.ACK.code(), 0, 0, 0);
        v.put(2, (byte) 9);
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(v.array())))
                .isInstanceOf(FrameException.class).hasMessageContaining("unsupported frame version 9");
    }

    @Test
    void rejectsReliableTypeWithoutSequenceNumber() {
        ByteBuffer b = header(MessageType.SIGNATURE_EVENT.code(), 1, 0, 0);
        assertThatThrownBy(() -> codec.read(new ByteArrayInputStream(b.array()))).isInstanceOf(FrameException.class)
                .hasMessageContaining("sequence number inconsistent");
    }

    @Test
    void rejectsMalformedJsonPayload() throws Exception {
        Frame f = new Frame(MessageType.ACK, 0, 0, "{not json".getBytes());
        assertThatThrownBy(() -> MessageCodec.decode(f)).isInstanceOf(FrameException.class)
                .hasMessageContaining("malformed ACK payload");
    }

    @Test
    void neverThrowsAnythingButIoExceptionsOnRandomBytes() {
        Random r = new Random(42);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            if (junk.length > 2 && i % 2 == 0) {
                junk[0] = 0x54;
                junk[1] = 0x58;
                junk[2] = 1;
            }
            try {
                Frame f = codec.read(new ByteArrayInputStream(junk));
                MessageCodec.decode(f);
            } catch (java.io.IOException expected) {
                // FrameException or EOF: both are handled by the link
            }
        }
    }

    private static ByteBuffer header(int type, int flags, long seq, int length) {
        ByteBuffer b = ByteBuffer.allocate(FrameCodec.HEADER);
        b.putShort((short) 0x5458).put((byte) 1).put((byte) type).put((byte) 0).put((byte) flags).putShort((short) 0)
                .putLong(seq).putInt(length);
        return b;
    }
}
